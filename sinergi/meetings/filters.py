"""One filter set for the meeting list page and the API."""

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .choices import MeetingKind, MeetingStatus
from .models import Meeting


class MeetingFilterSet(django_filters.FilterSet):
    """Meetings by text, kind, status and year."""

    q = django_filters.CharFilter(label=_("Cari"), method="filter_text")
    kind = django_filters.ChoiceFilter(label=_("Jenis rapat"), choices=MeetingKind.choices, empty_label=_("Semua"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=MeetingStatus.choices, empty_label=_("Semua"))
    year = django_filters.NumberFilter(
        label=_("Tahun"), field_name="starts_on", lookup_expr="year", min_value=2000, max_value=2100
    )

    class Meta:
        model = Meeting
        fields = ["q", "kind", "status", "year"]

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in value.split()[:6]:
            queryset = queryset.filter(Q(title__icontains=word) | Q(venue__icontains=word))
        return queryset
