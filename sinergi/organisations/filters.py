"""One filter set serves the registry page, its exports and the API (NetBox style)."""

import datetime

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sinergi.vocabularies.models import Term, Vocabulary

from .choices import OrganisationKind, OrganisationStatus

REGION_FIELD_BY_LENGTH = {2: "province_code", 5: "regency_code", 8: "district_code", 13: "village_code"}


def region_prefix_q(code: str) -> Q | None:
    """An indexed equality filter for a region code of any level; None if the code has no valid shape."""
    field = REGION_FIELD_BY_LENGTH.get(len(code))
    return Q(**{field: code}) if field else None


class _AnyOfField(django_filters.fields.MultipleChoiceField):
    """A multiple choice where an empty value ("Semua", the select's first option) means no filter."""

    def clean(self, value):
        return super().clean([item for item in value or () if item != ""])


class AnyOfFilter(django_filters.MultipleChoiceFilter):
    field_class = _AnyOfField


class OrganisationFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Cari"), method="filter_text")
    kind = AnyOfFilter(label=_("Jenis organisasi"), choices=OrganisationKind.choices)
    service_kind = django_filters.ModelChoiceFilter(
        label=_("Jenis layanan"),
        queryset=Term.objects.filter(vocabulary=Vocabulary.LKS_KIND, is_active=True),
        to_field_name="code",
        method="filter_service_kind",
        empty_label=_("Semua"),
    )
    region = django_filters.CharFilter(label=_("Kode wilayah"), method="filter_region")
    status = AnyOfFilter(label=_("Status"), choices=OrganisationStatus.choices)
    accreditation = django_filters.ChoiceFilter(
        label=_("Akreditasi"),
        choices=[("A", "A"), ("B", "B"), ("C", "C"), ("none", _("Belum terakreditasi")), ("expired", _("Kedaluwarsa"))],
        method="filter_accreditation",
        empty_label=_("Semua"),
    )
    permit_expiring = django_filters.NumberFilter(
        label=_("Izin/tanda daftar habis dalam (hari)"), method="filter_permit_expiring", min_value=0, max_value=3650
    )

    class Meta:
        fields = ["q", "kind", "service_kind", "region", "status", "accreditation", "permit_expiring"]

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in value.split()[:6]:
            queryset = queryset.filter(
                Q(name__icontains=word)
                | Q(address__icontains=word)
                | Q(head_name__icontains=word)
                | Q(registration_number__icontains=word)
                | Q(permit_number__icontains=word)
            )
        return queryset

    def filter_service_kind(self, queryset: QuerySet, name: str, value: Term) -> QuerySet:
        return queryset.filter(Q(primary_service_kind=value) | Q(service_kinds=value)).distinct()

    def filter_region(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        condition = region_prefix_q(value.strip())
        return queryset.filter(condition) if condition is not None else queryset.none()

    def filter_accreditation(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        today = timezone.localdate()
        if value == "none":
            return queryset.filter(accreditation_grade__isnull=True)
        if value == "expired":
            return queryset.filter(accreditation_expires_on__lt=today)
        # A grade whose period has ended is "Kedaluwarsa", as the dashboard counts it, not its grade any more.
        in_force = Q(accreditation_expires_on__isnull=True) | Q(accreditation_expires_on__gte=today)
        return queryset.filter(in_force, accreditation_grade__code=value)

    def filter_permit_expiring(self, queryset: QuerySet, name: str, value) -> QuerySet:
        limit = timezone.localdate() + datetime.timedelta(days=int(value))
        return queryset.filter(Q(permit_expires_on__lte=limit) | Q(registration_expires_on__lte=limit))


class PublicDirectoryFilterSet(django_filters.FilterSet):
    """The public directory's filters: nothing that would reveal more than the directory shows."""

    q = django_filters.CharFilter(label=_("Cari nama atau alamat"), method="filter_text")
    service_kind = OrganisationFilterSet.base_filters["service_kind"]
    region = django_filters.CharFilter(label=_("Kode wilayah"), method="filter_region")

    class Meta:
        fields = ["q", "service_kind", "region"]

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in value.split()[:6]:
            queryset = queryset.filter(Q(name__icontains=word) | Q(address__icontains=word))
        return queryset

    filter_service_kind = OrganisationFilterSet.filter_service_kind
    filter_region = OrganisationFilterSet.filter_region
