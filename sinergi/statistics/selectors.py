"""Reads of the data centre: counts over the LKS registry.

Signed-in reads go through `restrict()` (an actor sees counts of the rows they may see); the public reads count
only active LKS and expose only aggregates. Every table is one GROUP BY query, never a query per row.
The headline rule: an LKS counts when its kind is LKS or LKS asing and its status is active, under its PRIMARY
service kind (an LKS without one counts as "lainnya"), so that the registry compares with the published figures.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Case, CharField, Count, F, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sinergi.accounts.scope import Action, active_memberships, region_scope_codes, restrict
from sinergi.core import deployment
from sinergi.organisations.choices import LKS_KINDS, OrganisationKind, OrganisationStatus
from sinergi.organisations.models import Organisation
from sinergi.regions.models import Region, RegionLevel
from sinergi.vocabularies.models import Term, Vocabulary

from .models import OfficialFigure

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


@dataclass(frozen=True)
class ExpiringDocument:
    """An izin operasional or tanda daftar of an LKS that ends within the warning window (or already ended)."""

    organisation_id: int
    organisation_name: str
    regency: Area
    document: str
    expires_on: date
    days_left: int

    @property
    def expired(self) -> bool:
        return self.days_left < 0


@dataclass(frozen=True)
class BoardCoverageRow:
    """A region and its LKKKS board, or None when the region has none yet."""

    area: Area
    board_id: int | None
    board_name: str
    board_status: str


@dataclass
class BoardCoverage:
    """The province board and every kabupaten/kota of the province with its board (or the gap)."""

    province: BoardCoverageRow
    regencies: list[BoardCoverageRow]

    @property
    def covered(self) -> int:
        return sum(1 for row in self.regencies if row.board_id)

    @property
    def uncovered(self) -> list[Area]:
        return [row.area for row in self.regencies if not row.board_id]


@dataclass(frozen=True)
class MapPoint:
    """An active LKS with coordinates, for the dashboard map."""

    organisation_id: int
    name: str
    kind: str
    regency_code: str
    latitude: float
    longitude: float


@dataclass
class MapData:
    """Points to plot and one label per kabupaten/kota (at the region's own point or the mean of its LKS)."""

    points: list[MapPoint]
    labels: list[dict[str, object]] = field(default_factory=list)


@dataclass
class OfficialFigures:
    """The published counts of a province beside the count of the registry now (same counting rule)."""

    region: Area
    figures: list[OfficialFigure]
    registry: CrossTab
    as_of: datetime


# ---------------------------------------------------------------------------------------------- helpers


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


# ---------------------------------------------------------------------------------------------- signed-in


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


def permit_expiry_warning_days() -> int:
    """How many days ahead a permit or registration counts as ending (SINERGI["PERMIT_EXPIRY_WARNING_DAYS"]): the
    dashboard, the province report and the kabupaten/kota summary all count over this one window."""
    return int(settings.SINERGI.get("PERMIT_EXPIRY_WARNING_DAYS", 90))


def lks_permits_expiring(
    *,
    actor: "User",
    within_days: int | None = None,
    today: date | None = None,
    action: str = Action.VIEW,
    region_prefix: str | None = None,
) -> list[ExpiringDocument]:
    """Izin operasional and tanda daftar of non-inactive LKS the actor may see that end within `within_days`
    days (by default permit_expiry_warning_days) or have already ended, soonest first (one entry per document)."""
    today = today or timezone.localdate()
    limit = today + timedelta(days=permit_expiry_warning_days() if within_days is None else within_days)
    queryset = (
        _scoped(actor, action, region_prefix)
        .filter(kind__in=LKS_KINDS)
        .exclude(status=OrganisationStatus.INACTIVE)
        .filter(Q(permit_expires_on__lte=limit) | Q(registration_expires_on__lte=limit))
        .values_list("pk", "name", "regency_code", "permit_expires_on", "registration_expires_on")
    )
    rows = list(queryset)
    names = dict(Region.objects.filter(code__in={r[2] for r in rows if r[2]}).values_list("code", "name"))
    documents = []
    for pk, name, regency_code, permit_ends, registration_ends in rows:
        area = Area(regency_code, names.get(regency_code, regency_code))
        for label, ends in ((_("Izin operasional"), permit_ends), (_("Tanda daftar"), registration_ends)):
            if ends is not None and ends <= limit:
                documents.append(ExpiringDocument(pk, name, area, str(label), ends, (ends - today).days))
    return sorted(documents, key=lambda d: (d.expires_on, d.organisation_name, d.document))


def _mapped_lks(actor: "User", action: str, region_prefix: str | None) -> QuerySet[Organisation]:
    return _active_lks(_scoped(actor, action, region_prefix)).filter(latitude__isnull=False, longitude__isnull=False)


def lks_map_point_count(*, actor: "User", region_prefix: str | None = None, action: str = Action.VIEW) -> int:
    """How many points lks_map_points would give: the dashboard says it, and decides on the map, without the points."""
    return _mapped_lks(actor, action, region_prefix).count()


def lks_map_points(*, actor: "User", region_prefix: str | None = None, action: str = Action.VIEW) -> MapData:
    """Active LKS with coordinates that the actor may see, and where to write each kabupaten/kota's name."""
    queryset = (
        _mapped_lks(actor, action, region_prefix)
        .order_by("name")
        .values_list("pk", "name", "primary_service_kind__code", "regency_code", "latitude", "longitude")
    )
    points = [
        MapPoint(pk, name, kind or OTHER_KIND, regency_code, float(lat), float(lng))
        for pk, name, kind, regency_code, lat, lng in queryset
    ]
    by_regency: dict[str, list[MapPoint]] = defaultdict(list)
    for point in points:
        by_regency[point.regency_code].append(point)
    regions = Region.objects.filter(code__in=[c for c in by_regency if c]).values_list(
        "code", "name", "latitude", "longitude"
    )
    labels = []
    for code, name, lat, lng in regions.order_by("code"):
        members = by_regency[code]
        # Without the region's own point the label sits at the mean of its LKS, which is inside the region.
        label_lat = float(lat) if isinstance(lat, Decimal) else sum(p.latitude for p in members) / len(members)
        label_lng = float(lng) if isinstance(lng, Decimal) else sum(p.longitude for p in members) / len(members)
        labels.append({"code": code, "name": name, "lat": round(label_lat, 6), "lng": round(label_lng, 6)})
    return MapData(points=points, labels=labels)


# ---------------------------------------------------------------------------------------------- public


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


def board_coverage(*, province_code: str) -> BoardCoverage:
    """Every kabupaten/kota of the province with its LKKKS board (kind lkkks, same regency code, not inactive),
    "belum ada" where there is none; plus the province's own board. Boards are public organisations."""
    regions = list(
        Region.objects.filter(Q(code=province_code) | Q(parent_id=province_code, level=RegionLevel.REGENCY))
        .order_by("code")
        .values_list("code", "name")
    )
    boards = (
        Organisation.objects.filter(kind=OrganisationKind.LKKKS, province_code=province_code)
        .exclude(status=OrganisationStatus.INACTIVE)
        .values_list("pk", "name", "regency_code", "status")
    )
    # Prefer an active board over one still being verified when a region has two records.
    preference = {OrganisationStatus.ACTIVE: 0, OrganisationStatus.VERIFIED: 1, OrganisationStatus.DRAFT: 2}
    best: dict[str, tuple[int, str, str]] = {}
    for pk, name, regency_code, status in sorted(boards, key=lambda b: (preference.get(b[3], 3), b[1], b[0])):
        best.setdefault(regency_code, (pk, name, status))

    def row(code: str, name: str) -> BoardCoverageRow:
        pk, board_name, status = best.get("" if code == province_code else code, (None, "", ""))
        return BoardCoverageRow(Area(code, name), pk, board_name, status)

    names = dict(regions)
    return BoardCoverage(
        province=row(province_code, names.get(province_code, province_code)),
        regencies=[row(code, name) for code, name in regions if code != province_code],
    )


def official_figures(*, province_code: str, registry: CrossTab | None = None) -> OfficialFigures:
    """The dated, sourced published counts for a province beside the registry's own count of active LKS.

    `registry` lets a caller that already holds `public_lks_count_by_kind_and_regency(region_code=province_code)`
    pass it in instead of counting again."""
    region = Region.objects.filter(code=province_code).values_list("code", "name").first()
    return OfficialFigures(
        region=Area(*(region or (province_code, province_code))),
        figures=list(OfficialFigure.objects.filter(region_id=province_code).order_by("as_of")),
        registry=registry or public_lks_count_by_kind_and_regency(region_code=province_code),
        as_of=timezone.now(),
    )


def deployment_province() -> str:
    """The province this installation serves (Kalimantan Selatan, 63, unless configured otherwise); "" on a national
    server (sinergi.core.deployment)."""
    return deployment.deployment_province()


def is_national_deployment() -> bool:
    """Whether one server serves every province (SINERGI_PROVINCE=nasional)."""
    return deployment.is_national_deployment()


def busiest_province(*, within: list[str] | None = None) -> str:
    """The province with most active LKS (of `within`, when given), else the first province loaded: where a national
    server's province-wide tables open for a reader who has not chosen one."""
    provinces = Region.objects.filter(level=RegionLevel.PROVINCE, is_current=True)
    if within is not None:
        provinces = provinces.filter(code__in=within)
    busiest = (
        _active_lks(Organisation.objects.filter(province_code__in=provinces.values("code")))
        .values("province_code")
        .annotate(n=Count("pk"))
        .order_by("-n", "province_code")
        .first()
    )
    if busiest:
        return busiest["province_code"]
    return provinces.order_by("code").values_list("code", flat=True).first() or ""


@dataclass(frozen=True)
class ProvinceChoice:
    """The province whose province-wide tables a page shows, and the provinces its picker offers (code, name): none on
    a province server or when there is nothing to choose."""

    code: str
    choices: list[tuple[str, str]]


def page_province(*, actor: "User | None" = None, requested: str = "") -> ProvinceChoice:
    """The province of a page's province-wide tables (LKKKS coverage, official figures; the public page's all). On a
    province server the deployment's, whatever is asked. On a national server the one asked for among those offered —
    the public and a superuser every province, anyone else the provinces their scope lies in (every province when it
    lies in none) —, else the only one offered, else the busiest of those where the reader holds a region role (an admin
    of one province who operates an LKS in another opens on the one they administer), else the one with most active
    LKS. Raises LookupError for a province not offered."""
    if not deployment.is_national_deployment():
        return ProvinceChoice(deployment_province(), [])
    provinces = Region.objects.filter(level=RegionLevel.PROVINCE, is_current=True)
    codes = region_scope_codes(actor, Action.VIEW) if actor is not None else None
    if codes:
        provinces = provinces.filter(code__in={code[:2] for code in codes})
    choices = list(provinces.order_by("code").values_list("code", "name"))
    offered = [code for code, _name in choices]
    if requested:
        if requested not in offered:
            raise LookupError(requested)
        code = requested
    elif len(offered) == 1:
        code = offered[0]
    else:
        regional = {m.region_id[:2] for m in active_memberships(actor) if m.region_id} if actor is not None else set()
        code = busiest_province(within=[code for code in offered if code in regional] or offered)
    return ProvinceChoice(code, choices if len(choices) > 1 else [])


def home_province() -> str:
    """The province a page about one province shows when none is asked for: the deployment's, or on a national
    server the busiest."""
    return deployment_province() or busiest_province()


def region_exists(code: str) -> bool:
    return Region.objects.filter(code=code).exists()
