from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest


def paginate(request: HttpRequest, queryset: QuerySet, *, per_page: int = 25) -> Page:
    """The requested page of a queryset; a bad or out-of-range page number gives the nearest real page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
