"""The count tables: active LKS (or every status) by category × kabupaten/kota, with every row and column
present, for a signed-in actor's scope or for the public; and the counting helpers the other modules share."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Case, CharField, Count, F, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sinergi.accounts.scope import Action, region_scope_codes, restrict
from sinergi.organisations.choices import LKS_KINDS, OrganisationStatus
from sinergi.organisations.models import Organisation
from sinergi.regions.models import Region, RegionLevel
from sinergi.vocabularies.models import Term, Vocabulary

if TYPE_CHECKING:
    from sinergi.accounts.models import User


OTHER_KIND = "lainnya"


NOT_ACCREDITED = ""


EXPIRED_ACCREDITATION = "expired"


CODE_FIELD_BY_LEVEL = {1: "province_code", 2: "regency_code", 3: "district_code", 4: "village_code"}


@dataclass(frozen=True)
class Area:
    """A row of a table: a kabupaten/kota (or the catch-all for LKS located only at province level)."""

    code: str
    name: str


@dataclass(frozen=True)
class Column:
    """A column of a count table: a category code and its label in the user's language."""

    code: str
    label: str


@dataclass
class CrossTab:
    """Counts of kabupaten/kota × category with every row and column present (0 where none)."""

    rows: list[Area]
    columns: list[Column]
    cells: dict[tuple[str, str], int]

    def count(self, row_code: str, column_code: str) -> int:
        return self.cells.get((row_code, column_code), 0)

    def row_total(self, row_code: str) -> int:
        return sum(self.count(row_code, c.code) for c in self.columns)

    def column_total(self, column_code: str) -> int:
        return sum(self.count(r.code, column_code) for r in self.rows)

    @property
    def total(self) -> int:
        return sum(self.cells.values())

    def column_totals(self) -> dict[str, int]:
        return {c.code: self.column_total(c.code) for c in self.columns}

    def row_totals(self) -> dict[str, int]:
        return {r.code: self.row_total(r.code) for r in self.rows}


def region_filter(code: str) -> Q:
    """Organisations located in the region `code` (any level), as an indexed equality on its denormalised code."""
    return Q(**{CODE_FIELD_BY_LEVEL[code.count(".") + 1]: code})


def _active_lks(queryset: QuerySet[Organisation]) -> QuerySet[Organisation]:
    return queryset.filter(kind__in=LKS_KINDS, status=OrganisationStatus.ACTIVE)


def _scoped(actor: "User", action: str, region_code: str | None) -> QuerySet[Organisation]:
    queryset = restrict(Organisation.objects.all(), actor=actor, action=action)
    return queryset.filter(region_filter(region_code)) if region_code else queryset


def _regencies_under(code: str) -> Q:
    """The kabupaten/kota of a province, or the one kabupaten/kota containing a region at or below that level."""
    return Q(parent_id=code) if "." not in code else Q(code=code[:5])


def _regencies(*, within: list[str] | None, region_code: str | None = None) -> list[Area]:
    """Kabupaten/kota under any of the codes `within` (None = all) and under `region_code` (when given)."""
    queryset = Region.objects.filter(level=RegionLevel.REGENCY)
    if within is not None:
        condition = Q(pk__in=[])
        for code in within:
            condition |= _regencies_under(code)
        queryset = queryset.filter(condition)
    if region_code:
        queryset = queryset.filter(_regencies_under(region_code))
    return [Area(code, name) for code, name in queryset.order_by("code").values_list("code", "name")]


def _grouped(queryset: QuerySet[Organisation], field_name: str, *, null_as: str) -> dict[tuple[str, str], int]:
    """{(regency_code, category): n} in one GROUP BY; order_by() drops the model's ordering from the grouping."""
    cells: dict[tuple[str, str], int] = defaultdict(int)
    rows = queryset.order_by().values_list("regency_code", field_name).annotate(n=Count("pk"))
    for regency_code, category, n in rows:
        cells[(regency_code, category or null_as)] += n
    return dict(cells)


def _crosstab(cells: dict[tuple[str, str], int], rows: list[Area], columns: list[Column]) -> CrossTab:
    """Adds rows/columns for counts outside the expected ones, so that no counted LKS drops out of the totals."""
    known_rows = {r.code for r in rows}
    known_columns = {c.code for c in columns}
    rows, columns = list(rows), list(columns)
    for regency_code, category in sorted(cells):
        if regency_code not in known_rows:
            rows.append(Area(regency_code, regency_code or str(_("Tanpa kabupaten/kota"))))
            known_rows.add(regency_code)
        if category not in known_columns:
            columns.append(Column(category, category))
            known_columns.add(category)
    return CrossTab(rows=rows, columns=columns, cells=cells)


def lks_kind_columns() -> list[Column]:
    """The LKS service kinds of the vocabulary, in their order (anak, lanjut_usia, disabilitas, napza, lainnya)."""
    terms = Term.objects.filter(vocabulary=Vocabulary.LKS_KIND).order_by("sort_order", "code")
    return [Column(term.code, term.label) for term in terms]


def accreditation_columns() -> list[Column]:
    terms = Term.objects.filter(vocabulary=Vocabulary.ACCREDITATION_GRADE).order_by("sort_order", "code")
    return [Column(term.code, term.label) for term in terms] + [
        Column(EXPIRED_ACCREDITATION, str(_("Kedaluwarsa"))),
        Column(NOT_ACCREDITED, str(_("Belum terakreditasi"))),
    ]


def with_accreditation_now(queryset: QuerySet[Organisation], today: date | None = None) -> QuerySet[Organisation]:
    """Annotates `accreditation_now`: the grade's code while the accreditation is in force, EXPIRED_ACCREDITATION
    once it has ended (an A of 2019 that ran out is not an A today), None when there is none."""
    today = today or timezone.localdate()
    return queryset.annotate(
        accreditation_now=Case(
            When(
                accreditation_grade__isnull=False,
                accreditation_expires_on__lt=today,
                then=Value(EXPIRED_ACCREDITATION),
            ),
            default=F("accreditation_grade__code"),
            output_field=CharField(),
        )
    )


def status_columns() -> list[Column]:
    return [Column(value, str(label)) for value, label in OrganisationStatus.choices]


def _actor_rows(actor: "User", action: str, region_code: str | None) -> list[Area]:
    return _regencies(within=region_scope_codes(actor, action), region_code=region_code)


def lks_count_by_kind_and_regency(
    *, actor: "User", region_prefix: str | None = None, action: str = Action.VIEW
) -> CrossTab:
    """Active LKS the actor may see, by primary kind × kabupaten/kota of the actor's scope."""
    cells = _grouped(
        _active_lks(_scoped(actor, action, region_prefix)), "primary_service_kind__code", null_as=OTHER_KIND
    )
    return _crosstab(cells, _actor_rows(actor, action, region_prefix), lks_kind_columns())


def lks_accreditation_summary(
    *, actor: "User", region_prefix: str | None = None, action: str = Action.VIEW
) -> CrossTab:
    """Active LKS the actor may see, by accreditation grade (A/B/C/belum) × kabupaten/kota."""
    cells = _grouped(
        with_accreditation_now(_active_lks(_scoped(actor, action, region_prefix))),
        "accreditation_now",
        null_as=NOT_ACCREDITED,
    )
    return _crosstab(cells, _actor_rows(actor, action, region_prefix), accreditation_columns())


def lks_status_summary(*, actor: "User", region_prefix: str | None = None, action: str = Action.VIEW) -> CrossTab:
    """LKS of every status (draft = awaiting verification) the actor may see, by kabupaten/kota."""
    queryset = _scoped(actor, action, region_prefix).filter(kind__in=LKS_KINDS)
    cells = _grouped(queryset, "status", null_as="")
    return _crosstab(cells, _actor_rows(actor, action, region_prefix), status_columns())


def public_lks_count_by_kind_and_regency(*, region_code: str | None = None) -> CrossTab:
    """Active LKS by primary kind × kabupaten/kota, public. Rows: every kabupaten/kota of `region_code`, or
    without it every kabupaten/kota of each province that has active LKS — 0 where none."""
    queryset = _active_lks(Organisation.objects.all())
    if region_code:
        queryset = queryset.filter(region_filter(region_code))
    cells = _grouped(queryset, "primary_service_kind__code", null_as=OTHER_KIND)
    if region_code:
        rows = _regencies(within=None, region_code=region_code)
    else:
        provinces = sorted({code[:2] for code, _kind in cells if code})
        rows = _regencies(within=provinces) if provinces else []
    return _crosstab(cells, rows, lks_kind_columns())


def public_lks_accreditation_summary(*, region_code: str) -> CrossTab:
    """Active LKS by accreditation grade × every kabupaten/kota of `region_code`, public."""
    queryset = with_accreditation_now(_active_lks(Organisation.objects.filter(region_filter(region_code))))
    cells = _grouped(queryset, "accreditation_now", null_as=NOT_ACCREDITED)
    return _crosstab(cells, _regencies(within=None, region_code=region_code), accreditation_columns())
