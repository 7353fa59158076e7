"""What a report covers and who may print which, answered before anything is gathered: the part of an area the
reader's export scope covers (`report_scope`), the provinces and kabupaten/kota a reader may print, whether they may
print one, how long it will be and what its audit event names.

Apart because the reports pages, the exchange app's report jobs and the statistics pages ask these questions
without gathering a report.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q
from django.http import Http404

from sinergi.accounts.scope import ACTION_ROLES, Action, active_memberships, region_scope_codes, restrict
from sinergi.core.deployment import deployment_province, is_national_deployment
from sinergi.regions.models import Region, RegionLevel

from ..choices import LKS_KINDS
from ..models import Organisation
from .parts import AREA_PARTS

if TYPE_CHECKING:
    from sinergi.accounts.models import User


@dataclass
class ReportScope:
    """What a report's scoped figures cover: the whole area it is named after, or only `parts` of it (the
    kabupaten/kota and LKS of the printing account's memberships), which the report must then name."""

    whole: bool
    parts: list[str]
    # Every part is an organisation of the account (an LKS operator's), not a region (a kabupaten/kota board's).
    of_organisations: bool = False

    @property
    def text(self) -> str:
        return ", ".join(self.parts)


def report_scope(*, actor: "User", area_code: str) -> ReportScope:
    """What a report on `area_code` printed by `actor` covers: what its link must say ("Laporan LKS Anda"), since
    the report's own title says it only once it is open."""
    return _report_scope(actor, area_code)


def _report_scope(actor: "User | None", area_code: str) -> ReportScope:
    """How much of the region `area_code` the actor's EXPORT scope covers. A printout leaves the screen that showed
    whose account it was, so a report over part of an area has to say which part."""
    if actor is not None and getattr(actor, "is_superuser", False) and actor.is_active:
        return ReportScope(whole=True, parts=[])
    allowed = ACTION_ROLES[Action.EXPORT]
    memberships = [m for m in active_memberships(actor) if m.role in allowed]
    if any(m.region_id and area_code.startswith(m.region_id) for m in memberships):
        return ReportScope(whole=True, parts=[])
    located = [
        (m.region.name, m.region_id)
        if m.region_id
        else (m.organisation.name, m.organisation.regency_code or m.organisation.province_code or "")
        for m in memberships
        if m.region_id or m.organisation_id
    ]
    # Memberships elsewhere add nothing to this area's figures; named only when nothing inside it is left to name.
    inside = [name for name, code in located if code.startswith(area_code)]
    of_organisations = bool(memberships) and all(m.organisation_id and not m.region_id for m in memberships)
    return ReportScope(
        whole=False, parts=sorted(set(inside or [name for name, _code in located])), of_organisations=of_organisations
    )


def _summary_audit_scope(scope: ReportScope, regency_code: str) -> list[str]:
    """What the audit log keeps of a kabupaten/kota summary's reach: the kabupaten/kota, or the LKS or areas of the
    account."""
    return [regency_code] if scope.whole else scope.parts


def _may_see_region(actor: "User", code: str) -> bool:
    codes = region_scope_codes(actor, Action.EXPORT)
    return codes is None or any(code.startswith(c) or c.startswith(code) for c in codes)


# ---------------------------------------------------------------------------------------------- before gathering

# The reports whose length grows with the LKS they list (province: the documents ending; kabupaten/kota: the list of
# LKS too), by the kind the exchange app's report jobs name them with.
PROVINCE = "province"
REGENCY = "regency"


@dataclass(frozen=True)
class Area:
    """A province or kabupaten/kota a report is about: its code and name."""

    code: str
    name: str


class ProvinceNeeded(Exception):
    """A national server's province report asked for without a province by a reader who may print several: the
    provinces (`choices`) to pick from."""

    def __init__(self, choices: list[Area]) -> None:
        super().__init__("province needed")
        self.choices = choices


def report_provinces(*, actor: "User | None") -> list[Area]:
    """The provinces whose report `actor` may print: on a province server the deployment's (to anyone with some export
    scope, whose report then keeps to it); on a national server every province to a superuser, to anyone else the
    provinces their export scope lies in."""
    codes = region_scope_codes(actor, Action.EXPORT)
    if actor is None or not getattr(actor, "is_active", False) or codes == []:
        return []
    provinces = Region.objects.filter(level=RegionLevel.PROVINCE, is_current=True)
    if not is_national_deployment():
        provinces = provinces.filter(code=deployment_province())
    elif codes is not None:
        provinces = provinces.filter(code__in={code[:2] for code in codes})
    return [Area(code, name) for code, name in provinces.order_by("code").values_list("code", "name")]


def report_province(*, actor: "User", requested: str = "") -> str:
    """The province a province report asked for with `requested` ("" when none was) is about. On a province server
    the deployment's, and another code is not found; on a national server the one asked for, if the reader may print
    it (else not found), or without one the reader's only province. Raises Http404, or ProvinceNeeded when a national
    reader of several provinces asked for none."""
    if not is_national_deployment():
        if requested and requested != deployment_province():
            raise Http404
        return deployment_province()
    choices = report_provinces(actor=actor)
    if requested:
        if requested not in {area.code for area in choices}:
            raise Http404
        return requested
    if len(choices) == 1:
        return choices[0].code
    if not choices:
        raise Http404
    raise ProvinceNeeded(choices)


def report_page_province(*, actor: "User", requested: str = "") -> tuple[Area | None, list[Area]]:
    """The province whose reports a page offers `actor`, and the provinces it may choose among: the deployment's and
    none on a province server; on a national server the one chosen (`requested`, when the reader may print it) or the
    reader's only one, with every province they may print (the province None while a reader of several has not
    chosen, nor for a reader who may print none)."""
    if not is_national_deployment():
        region = Region.objects.filter(code=deployment_province()).values_list("code", "name").first()
        return (Area(*region) if region else Area(deployment_province(), deployment_province())), []
    choices = report_provinces(actor=actor)
    chosen = [area for area in choices if area.code == requested] if requested else []
    if chosen:
        return chosen[0], choices
    return (choices[0] if len(choices) == 1 else None), choices


def report_own_lks(*, actor: "User") -> list[Organisation]:
    """The LKS a user works at (an operator's), whose profile PDF the reports page offers first: their province and
    kabupaten/kota reports hold their own LKS only."""
    allowed = ACTION_ROLES[Action.EXPORT]
    found = {
        m.organisation.pk: m.organisation
        for m in active_memberships(actor)
        if m.organisation_id and not m.region_id and m.role in allowed
    }
    return sorted(found.values(), key=lambda organisation: organisation.name)


def report_regencies(*, actor: "User", area: Area | None) -> list[Region]:
    """The kabupaten/kota whose summary the user may print (those of their export scope; on a national server those of
    the province `area`), each with what its summary covers (`.report_scope`): the whole kabupaten/kota, or only the
    user's LKS in it, as its link must say. None before a national reader has chosen a province: not every
    kabupaten/kota of the country."""
    if area is None:
        return []
    codes = region_scope_codes(actor, Action.EXPORT)
    regencies = Region.objects.filter(level=RegionLevel.REGENCY).order_by("code")
    if codes is None or is_national_deployment():
        regencies = regencies.filter(code__startswith=f"{area.code}.")
    if codes is None:
        found = list(regencies)
    else:
        condition = Q(pk__in=[c[:5] for c in codes if len(c) >= 5])
        for province in (c for c in codes if len(c) == 2):
            condition |= Q(parent_id=province)
        found = list(regencies.filter(condition))
    for regency in found:
        regency.report_scope = report_scope(actor=actor, area_code=regency.code)
    return found


def report_may_print(*, actor: "User | None", report: str, area_code: str) -> bool:
    """Whether `actor` may print the province report of the province `area_code` or the summary of the kabupaten/kota
    `area_code`: what the gathering itself checks (a summary outside the scope is not found, a province report is of
    a province the reader may print), asked before anything is gathered — by a request that sends the report to the
    worker, by the worker when it runs, and by the download of the file."""
    if actor is None or not getattr(actor, "is_active", False):
        return False
    if report == REGENCY:
        exists = Region.objects.filter(code=area_code, level=RegionLevel.REGENCY).exists()
        return exists and _may_see_region(actor, area_code)
    return report == PROVINCE and area_code in {area.code for area in report_provinces(actor=actor)}


def report_covered_lks(*, actor: "User", area_code: str) -> int:
    """The LKS of the province or kabupaten/kota `area_code` within the actor's export scope: what a report's length
    (and the time WeasyPrint takes to lay it out) grows with."""
    scoped = restrict(Organisation.objects.all(), actor=actor, action=Action.EXPORT).filter(kind__in=LKS_KINDS)
    area = {"province_code": area_code} if len(area_code) == 2 else {"regency_code": area_code}
    return scoped.filter(**area).count()


def report_aggregate_areas(*, actor: "User", area_code: str) -> list[str]:
    """The areas whose aggregate figures (clients and workers, exact) a report on `area_code` prints for `actor`: what
    its audit event names beside the LKS scope, as a download of the same figures from the indicators page is
    audited with its area."""
    return [code for _parts, areas in AREA_PARTS for code in areas(actor=actor, area_code=area_code)]


def report_audit_scope(*, actor: "User", report: str, area_code: str) -> list[str]:
    """What the audit log keeps of a report's reach, as the gathered report says it (its "audit_scope"): for a
    summary the kabupaten/kota, or the LKS or areas of the account; for the province report the export scope."""
    if report == REGENCY:
        return _summary_audit_scope(_report_scope(actor, area_code), area_code)
    from sinergi.statistics.tables import DashboardStatistics

    return DashboardStatistics(
        actor=actor, action=Action.EXPORT, province_code=area_code, within_province=True
    ).audit_scope
