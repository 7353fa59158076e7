"""One filter set serves the agreement list page and the API."""

import datetime

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sinergi.core.params import IdFilter
from sinergi.organisations.choices import OrganisationKind
from sinergi.organisations.filters import REGION_FIELD_BY_LENGTH
from sinergi.vocabularies.models import Term, Vocabulary

from .choices import AgreementKind, AgreementStatus
from .models import AgreementParty


def agreements_with_party(condition: Q) -> Q:
    # A subquery keeps each agreement once however many of its parties match.
    return Q(pk__in=AgreementParty.objects.filter(condition).values("agreement_id"))


def party_region_q(code: str) -> Q | None:
    """Agreements with a party located in this region (province, kabupaten/kota, kecamatan or desa code)."""
    field = REGION_FIELD_BY_LENGTH.get(len(code))
    return agreements_with_party(Q(**{f"organisation__{field}": code})) if field else None


class AgreementFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Cari"), method="filter_text")
    kind = django_filters.ChoiceFilter(
        label=_("Jenis perjanjian"), choices=AgreementKind.choices, empty_label=_("Semua")
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=AgreementStatus.choices, empty_label=_("Semua"))
    party_kind = django_filters.ChoiceFilter(
        label=_("Jenis organisasi pihak"),
        choices=OrganisationKind.choices,
        method="filter_party_kind",
        empty_label=_("Semua"),
    )
    region = django_filters.CharFilter(label=_("Kode wilayah pihak"), method="filter_region")
    organisation = IdFilter(label=_("Organisasi pihak (id)"), method="filter_organisation")
    participation_form = django_filters.ModelChoiceFilter(
        label=_("Bentuk peran serta"),
        queryset=Term.objects.filter(vocabulary=Vocabulary.PARTICIPATION_FORM),
        to_field_name="code",
        method="filter_participation_form",
        empty_label=_("Semua"),
    )
    expiring = django_filters.NumberFilter(
        label=_("Berakhir dalam (hari)"), method="filter_expiring", min_value=0, max_value=3650
    )

    class Meta:
        fields = ["q", "kind", "status", "party_kind", "region", "organisation", "participation_form", "expiring"]

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in value.split()[:6]:
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(number__icontains=word)
                | Q(scope__icontains=word)
                | agreements_with_party(Q(organisation__name__icontains=word))
            )
        return queryset

    def filter_party_kind(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(agreements_with_party(Q(organisation__kind=value)))

    def filter_region(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        condition = party_region_q(value.strip())
        return queryset.filter(condition) if condition is not None else queryset.none()

    def filter_organisation(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(agreements_with_party(Q(organisation_id=int(value))))

    def filter_participation_form(self, queryset: QuerySet, name: str, value: Term) -> QuerySet:
        return queryset.filter(
            pk__in=queryset.model.participation_forms.through.objects.filter(term=value).values("agreement_id")
        )

    def filter_expiring(self, queryset: QuerySet, name: str, value) -> QuerySet:
        today = timezone.localdate()
        limit = today + datetime.timedelta(days=int(value))
        return queryset.filter(status=AgreementStatus.ACTIVE, ends_on__gte=today, ends_on__lte=limit)
