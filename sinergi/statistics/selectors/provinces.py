"""The province-wide tables (LKKKS board coverage, official figures beside the registry) and which province a
page shows them for: the deployment's, or on a national server the one asked for, offered or busiest."""

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.utils import timezone

from sinergi.accounts.scope import Action, active_memberships, region_scope_codes
from sinergi.core import deployment
from sinergi.organisations.choices import OrganisationKind, OrganisationStatus
from sinergi.organisations.models import Organisation
from sinergi.regions.models import Region, RegionLevel

from ..models import OfficialFigure
from .crosstabs import Area, CrossTab, _active_lks, public_lks_count_by_kind_and_regency

if TYPE_CHECKING:
    from sinergi.accounts.models import User


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


@dataclass
class OfficialFigures:
    """The published counts of a province beside the count of the registry now (same counting rule)."""

    region: Area
    figures: list[OfficialFigure]
    registry: CrossTab
    as_of: datetime


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
