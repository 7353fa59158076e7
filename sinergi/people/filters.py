"""Filter sets for the client and worker lists; one set serves the page, its export and the API (NetBox style).

No filter searches by NIK: a number typed into a search box would travel in URLs and logs. Exact NIK lookup,
when it comes, goes through the keyed hash in a POST.
"""

import datetime

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sinergi.core.params import IdFilter
from sinergi.organisations.filters import region_prefix_q
from sinergi.vocabularies.models import Term, Vocabulary

from .choices import CaseStage, PlacementStatus, ServiceSetting, Sex, WorkerRole
from .models import Placement

AGE_GROUPS = [("child", _("Anak (di bawah 18 tahun)")), ("adult", _("Dewasa"))]
STATUS_CHOICES = [("active", _("Sedang dilayani")), ("discharged", _("Sudah selesai"))]
REVIEW_SOON_DAYS = 14
REVIEW_CHOICES = [("overdue", _("Terlambat")), ("due", _("Terlambat atau jatuh tempo 14 hari"))]


# The first option of every filter means "no filter": it reads "Semua", never "---------" or "Tidak diketahui".
ALL = _("Semua")


# What a yes/no filter's "Semua" sends, or a filter cleared from the address: no filter, rightly.
_NO_FILTER = ("", "unknown")


class AllYesNoSelect(forms.NullBooleanSelect):
    """A yes/no filter whose empty choice reads "Semua" (Django's says "Unknown"); parses values as Django's does,
    and hands a value it does not read ("ya", "maybe": a link edited by hand) to the field to refuse, where Django's
    reads it as "Semua" and the list, its export and the API would hold every row without a word."""

    def __init__(self, attrs=None) -> None:
        super().__init__(attrs)
        self.choices = [("unknown", ALL), ("true", _("Ya")), ("false", _("Tidak"))]

    def value_from_datadict(self, data, files, name):
        raw = data.get(name)
        if isinstance(raw, str):
            # Spaces around the value ("true " in a link or a script's parameter edited by hand) are none of it.
            raw = raw.strip()
            read = super().value_from_datadict({name: raw}, files, name)
        else:
            read = super().value_from_datadict(data, files, name)
        if read is None and isinstance(raw, str) and raw not in _NO_FILTER:
            return raw
        return read


class YesNoField(forms.NullBooleanField):
    """A yes/no filter's field: refuses the text its select could not read (AllYesNoSelect), as a choice field
    refuses a value it does not offer."""

    widget = AllYesNoSelect

    def to_python(self, value):
        if isinstance(value, str) and value.strip() not in _NO_FILTER:
            raise ValidationError(
                forms.ChoiceField.default_error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return super().to_python(value)


class YesNoFilter(django_filters.BooleanFilter):
    field_class = YesNoField


def _years_ago(years: int) -> datetime.date:
    today = timezone.localdate()
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _words(queryset: QuerySet, value: str, field: str) -> QuerySet:
    for word in value.split()[:6]:
        queryset = queryset.filter(**{f"{field}__icontains": word})
    return queryset


class PersonFilterSet(django_filters.FilterSet):
    """Filters of the client list: name, category, status, setting, age group, sex, region, SNPA stage."""

    q = django_filters.CharFilter(label=_("Cari nama"), method="filter_text")
    ppks_category = django_filters.ModelChoiceFilter(
        label=_("Kategori PPKS"),
        queryset=Term.objects.filter(vocabulary=Vocabulary.PPKS, is_active=True),
        to_field_name="code",
        method="filter_ppks_category",
        empty_label=ALL,
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, method="filter_status", empty_label=ALL
    )
    setting = django_filters.ChoiceFilter(
        label=_("Bentuk layanan"), choices=ServiceSetting.choices, method="filter_setting", empty_label=ALL
    )
    stage = django_filters.ChoiceFilter(
        label=_("Tahap kasus"), choices=CaseStage.choices, method="filter_stage", empty_label=ALL
    )
    age_group = django_filters.ChoiceFilter(
        label=_("Kelompok usia"), choices=AGE_GROUPS, method="filter_age_group", empty_label=ALL
    )
    sex = django_filters.ChoiceFilter(label=_("Jenis kelamin"), choices=Sex.choices, empty_label=ALL)
    region = django_filters.CharFilter(label=_("Kode wilayah LKS"), method="filter_region")
    organisation = IdFilter(label=_("LKS"), field_name="organisation_id")
    # Care-plan reviews (SNPA): in the filter set, so that the list's exports and the API narrow as the page does.
    review = django_filters.ChoiceFilter(
        label=_("Tinjauan rencana pengasuhan"), choices=REVIEW_CHOICES, method="filter_review", empty_label=ALL
    )

    class Meta:
        fields = [
            "q", "ppks_category", "status", "setting", "stage", "age_group", "sex", "region", "organisation", "review"
        ]  # fmt: skip

    def __init__(self, *args, placements: QuerySet | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The stays the filters on a stay (status, setting, stage, review) look at: those the user may see. A client
        # seen by one LKS may still have a stay at another (before a leaving is recorded), whose facts are not theirs.
        self.placements = placements if placements is not None else Placement.objects.all()

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return _words(queryset, value, "full_name")

    def filter_ppks_category(self, queryset: QuerySet, name: str, value: Term) -> QuerySet:
        return queryset.filter(ppks_categories=value).distinct()

    def _with_placement(self, queryset: QuerySet, **conditions) -> QuerySet:
        # EXISTS rather than a join keeps one row per person whatever the number of placements.
        return queryset.filter(Exists(self.placements.filter(person=OuterRef("pk"), **conditions)))

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        active = Exists(self.placements.filter(person=OuterRef("pk"), status=PlacementStatus.ACTIVE))
        return queryset.filter(active) if value == "active" else queryset.exclude(active)

    def filter_setting(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return self._with_placement(queryset, status=PlacementStatus.ACTIVE, setting=value)

    def filter_stage(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return self._with_placement(queryset, status=PlacementStatus.ACTIVE, stage=value)

    def filter_review(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """An active stay whose review is overdue ("overdue"), or overdue or due within 14 days ("due")."""
        today = timezone.localdate()
        if value == "overdue":
            return self._with_placement(queryset, status=PlacementStatus.ACTIVE, next_review_on__lt=today)
        limit = today + datetime.timedelta(days=REVIEW_SOON_DAYS)
        return self._with_placement(queryset, status=PlacementStatus.ACTIVE, next_review_on__lte=limit)

    def filter_age_group(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        born_after = _years_ago(18)
        if value == "child":
            return queryset.filter(birth_date__gt=born_after)
        return queryset.filter(birth_date__lte=born_after)

    def filter_region(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        condition = region_prefix_q(value.strip())
        if condition is None or len(value.strip()) > 5:
            return queryset.none()
        return queryset.filter(condition)


class WorkerFilterSet(django_filters.FilterSet):
    """Filters of the worker list: name, PSKS category, role, still serving, works with children, region."""

    q = django_filters.CharFilter(label=_("Cari nama"), method="filter_text")
    psks_category = django_filters.ModelChoiceFilter(
        label=_("Kategori PSKS"),
        queryset=Term.objects.filter(vocabulary=Vocabulary.PSKS, is_active=True),
        to_field_name="code",
        empty_label=ALL,
    )
    role = django_filters.ChoiceFilter(label=_("Peran"), choices=WorkerRole.choices, empty_label=ALL)
    active = YesNoFilter(label=_("Masih bertugas"), method="filter_active", widget=AllYesNoSelect)
    works_with_children = YesNoFilter(label=_("Bekerja dengan anak"), widget=AllYesNoSelect)
    region = django_filters.CharFilter(label=_("Kode wilayah LKS"), method="filter_region")
    organisation = IdFilter(label=_("LKS"), field_name="organisation_id")

    class Meta:
        fields = ["q", "psks_category", "role", "active", "works_with_children", "region", "organisation"]

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return _words(queryset, value, "full_name")

    def filter_active(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        ended = Q(ended_on__isnull=False, ended_on__lte=timezone.localdate())
        return queryset.exclude(ended) if value else queryset.filter(ended)

    filter_region = PersonFilterSet.filter_region
