"""The public directory of active LKS: public fields only, no login."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from sinergi.core.pagination import paginate
from sinergi.regions.models import Region, RegionLevel

from .. import selectors
from ..models import Organisation


class DirectoryListView(View):
    """The public directory of active LKS: only public fields, no login."""

    def get(self, request: HttpRequest) -> HttpResponse:
        filterset = selectors.public_directory_list(filters=request.GET)
        queryset = filterset.qs if filterset.is_valid() else Organisation.objects.none()
        page = paginate(request, queryset)
        context = {
            "filterset": filterset,
            "page": page,
            "regency_names": selectors.regency_names(o.regency_code for o in page.object_list),
            "regencies": Region.objects.filter(level=RegionLevel.REGENCY, code__in=_directory_regencies()),
        }
        template = "organisations/directory.html#results" if request.htmx else "organisations/directory.html"
        return render(request, template, context)


def _directory_regencies() -> list[str]:
    return list(selectors.public_directory_list().qs.order_by().values_list("regency_code", flat=True).distinct())


class DirectoryDetailView(View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        organisation = selectors.public_directory_get(pk=pk)
        context = {"organisation": organisation, "regency_names": selectors.regency_names([organisation.regency_code])}
        return render(request, "organisations/directory_detail.html", context)
