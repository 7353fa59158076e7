"""The areas indicators are shown for (nation, province, kabupaten/kota) and which of them an actor may see."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action, region_scope_codes
from sinergi.core.errors import ValidationError
from sinergi.regions.models import Region, RegionLevel

from ..models import SummaryLevel
from .tables import Label

if TYPE_CHECKING:
    from sinergi.accounts.models import User


@dataclass(frozen=True)
class Area:
    """The nation (code ""), a province or a kabupaten/kota whose figures a page shows."""

    code: str
    name: str

    @property
    def level(self) -> int:
        if not self.code:
            return SummaryLevel.NATION
        return SummaryLevel.PROVINCE if len(self.code) == 2 else SummaryLevel.REGENCY

    def rows_q(self) -> Q:
        """Summary rows of the areas one level down (a kabupaten/kota is its own only breakdown)."""
        if self.level == SummaryLevel.NATION:
            return Q(level=SummaryLevel.PROVINCE, parent_code="")
        if self.level == SummaryLevel.PROVINCE:
            return Q(level=SummaryLevel.REGENCY, parent_code=self.code)
        return Q(area_code=self.code)

    def children(self) -> list[Label]:
        # Sorted here, not in SQL: with ORDER BY code, SQLite walks the 91,000-row primary key instead of the
        # level/parent index.
        if self.level == SummaryLevel.NATION:
            regions = Region.objects.filter(level=RegionLevel.PROVINCE, is_current=True)
        elif self.level == SummaryLevel.PROVINCE:
            regions = Region.objects.filter(level=RegionLevel.REGENCY, parent_id=self.code, is_current=True)
        else:
            return [Label(self.code, self.name)]
        return [Label(code, name) for code, name in sorted(regions.order_by().values_list("code", "name"))]

    @property
    def breakdown_label(self) -> str:
        return _("Provinsi") if self.level == SummaryLevel.NATION else _("Kabupaten/Kota")


NATION = Area("", "Indonesia")


def area_get(code: str | None) -> Area:
    """The area for a code from a query string; ValidationError (Indonesian) for anything else."""
    code = (code or "").strip()
    if not code:
        return NATION
    region = Region.objects.filter(code=code, level__in=[RegionLevel.PROVINCE, RegionLevel.REGENCY]).first()
    if region is None:
        raise ValidationError(
            {"region": [_("Kode wilayah “%(code)s” bukan provinsi atau kabupaten/kota.") % {"code": code}]}
        )
    return Area(region.code, region.name)


def public_default_area() -> Area:
    """Where the public's figures open: the deployment's province, else the province with most clients in care
    (else the first). The public gets provinces and kabupaten/kota, never the nation's table: its cells are each
    province's totals, suppressed on their own, and set beside a province's table they would undo its suppression
    (docs/decisions/0007)."""
    from django.db.models import Sum

    from sinergi.core.deployment import deployment_province

    from ..models import PlacementActive

    code = deployment_province()  # "" on a national server: the busiest province
    if not Region.objects.filter(code=code, level=RegionLevel.PROVINCE).exists():
        busiest = (
            PlacementActive.objects.filter(level=SummaryLevel.PROVINCE)
            .values("area_code")
            .annotate(n=Sum("active"))
            .order_by("-n", "area_code")
            .first()
        )
        code = busiest["area_code"] if busiest else ""
    region = Region.objects.filter(code=code, level=RegionLevel.PROVINCE).first() or (
        Region.objects.filter(level=RegionLevel.PROVINCE, is_current=True).order_by("code").first()
    )
    return Area(region.code, region.name) if region else NATION


def public_province() -> str:
    """The only province whose figures the public gets on a province server (its kabupaten/kota too), as on the
    public statistics page; "" on a national server, which publishes every province."""
    from sinergi.core.deployment import deployment_province, is_national_deployment

    return "" if is_national_deployment() else deployment_province()


def public_area_check(area: Area) -> None:
    """Refuses the public another province's figures on a province server (ValidationError on `region`): the server
    publishes its own province, even when it holds an LKS of another (registered there with a warning)."""
    province = public_province()
    if province and area.code[:2] != province:
        name = Region.objects.filter(code=province).values_list("name", flat=True).first() or province
        raise ValidationError(
            {
                "region": [
                    _(
                        "Server ini hanya menerbitkan angka Provinsi %(name)s (%(code)s) dan kabupaten/kotanya; "
                        "angka wilayah “%(asked)s” tidak tersedia di sini."
                    )
                    % {"name": name, "code": province, "asked": area.code}
                ]
            }
        )


def indicator_scope(actor: User) -> list[str] | None:
    """Region codes whose aggregates `actor` may see (None: every area)."""
    return region_scope_codes(actor, Action.AGGREGATE_VIEW)


def area_allowed(area: Area, scope: list[str] | None) -> bool:
    if scope is None:
        return True
    return any(area.code == code or area.code.startswith(code + ".") for code in scope)


def area_choices(*, scope: list[str] | None, current: Area, public: bool = False) -> list[Area]:
    """Areas a picker offers: the scope's areas and their kabupaten/kota, or (for everything) the nation (not to the
    public), every province and the kabupaten/kota of the province being shown; to the public of a province server
    only its province and their kabupaten/kota."""
    if scope is not None:
        provinces = [code for code in scope if len(code) == 2]
        regions = Region.objects.filter(
            Q(code__in=scope) | Q(level=RegionLevel.REGENCY, parent_id__in=provinces, is_current=True)
        )
        return [Area(code, name) for code, name in sorted(regions.order_by().values_list("code", "name"))]
    shown = Q(level=RegionLevel.PROVINCE, is_current=True)
    province = public_province() if public else ""
    if province:  # a province server publishes its own province and its kabupaten/kota only
        shown = Q(code=province) | Q(level=RegionLevel.REGENCY, parent_id=province, is_current=True)
    elif current.code:
        shown |= Q(level=RegionLevel.REGENCY, parent_id=current.code[:2], is_current=True)
    regions = sorted(Region.objects.filter(shown).order_by().values_list("code", "name"))
    return [*([] if public else [NATION]), *(Area(code, name) for code, name in regions)]
