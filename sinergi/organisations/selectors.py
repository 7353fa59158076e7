"""Reads of the organisation registry; every one is scoped through accounts.scope.restrict."""

from typing import TYPE_CHECKING

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from sinergi.accounts.scope import ACTION_ROLES, Action, active_memberships, region_allows, restrict
from sinergi.regions.models import Region, RegionLevel

from .choices import LKS_KINDS, OrganisationKind, OrganisationStatus
from .filters import OrganisationFilterSet, PublicDirectoryFilterSet
from .models import BoardTerm, Organisation

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


def organisation_base_queryset() -> QuerySet[Organisation]:
    return Organisation.objects.select_related(
        "primary_service_kind", "accreditation_grade", "region"
    ).prefetch_related("service_kinds")


def organisation_list(
    *, actor: "User | AnonymousUser | SystemActor", filters: dict | None = None, action: str = Action.VIEW
) -> OrganisationFilterSet:
    """The registry as `actor` may see it, filtered; returns the bound filter set (its .qs is the result)."""
    queryset = restrict(organisation_base_queryset(), actor=actor, action=action).order_by("name", "pk")
    return OrganisationFilterSet(filters or {}, queryset=queryset)


def organisation_get(*, actor: "User", pk: int, action: str = Action.VIEW) -> Organisation:
    """One organisation, or 404 when it does not exist *or* the actor may not see it (no existence leak)."""
    return get_object_or_404(restrict(organisation_base_queryset(), actor=actor, action=action), pk=pk)


def public_directory_list(*, filters: dict | None = None) -> PublicDirectoryFilterSet:
    """Active LKS with only the public fields; no login needed."""
    queryset = (
        Organisation.objects.filter(kind__in=LKS_KINDS, status=OrganisationStatus.ACTIVE)
        .select_related("primary_service_kind", "accreditation_grade", "region")
        .prefetch_related("service_kinds")
        .only(
            "id",
            "name",
            "kind",
            "address",
            "phone",
            "email",
            "website",
            "regency_code",
            "province_code",
            "region__code",
            "region__name",
            "primary_service_kind__code",
            "primary_service_kind__label_id",
            "primary_service_kind__label_en",
            "accreditation_grade__code",
            "accreditation_grade__label_id",
            "accreditation_grade__label_en",
            "accreditation_expires_on",
            "care_setting",
        )
        .order_by("name", "pk")
    )
    return PublicDirectoryFilterSet(filters or {}, queryset=queryset)


def public_directory_get(*, pk: int) -> Organisation:
    return get_object_or_404(public_directory_list().qs, pk=pk)


def regency_names(codes) -> dict[str, str]:
    """Names of kabupaten/kota by code, in one query."""
    return dict(Region.objects.filter(code__in=set(codes)).values_list("code", "name"))


def regencies_of_province(province_code: str) -> QuerySet[Region]:
    return Region.objects.filter(parent_id=province_code, level=RegionLevel.REGENCY).order_by("code")


def board_list(*, actor: "User") -> QuerySet[Organisation]:
    """LKKKS boards the actor may see, with their current terms and officers."""
    terms = BoardTerm.objects.prefetch_related("officers").order_by("-starts_on")
    return (
        restrict(Organisation.objects.filter(kind=OrganisationKind.LKKKS), actor=actor, action=Action.VIEW)
        .select_related("region")
        .prefetch_related(Prefetch("terms", queryset=terms))
        .order_by("regency_code", "name")
    )


def board_members(*, board: Organisation, actor: "User") -> QuerySet[Organisation]:
    """Current member organisations of a board, as far as the actor may see them."""
    return restrict(
        Organisation.objects.filter(board_links__board=board, board_links__ended_on__isnull=True),
        actor=actor,
        action=Action.VIEW,
    ).order_by("name")


def boards_by_region(*, province_code: str) -> dict[str, Organisation]:
    """The non-inactive LKKKS board of each region (province or kabupaten/kota) in a province, keyed by code."""
    boards = Organisation.objects.filter(kind=OrganisationKind.LKKKS, province_code=province_code).exclude(
        status=OrganisationStatus.INACTIVE
    )
    return {board.regency_code or board.province_code: board for board in boards}


def organisation_regencies_visible(*, actor: "User") -> list[str]:
    """The codes of the kabupaten/kota where `actor` sees some organisation (the list's filter offers these)."""
    codes = restrict(Organisation.objects.all(), actor=actor, action=Action.VIEW).values_list("regency_code", flat=True)
    return sorted({code for code in codes.distinct() if code})


def organisation_may_create_somewhere(*, actor: "User") -> bool:
    """Whether `actor` holds a role that registers organisations somewhere (where exactly is checked on saving)."""
    return actor.is_superuser or any(m.role in ACTION_ROLES[Action.CREATE] for m in active_memberships(actor))


def scope_provinces(*, actor: "User") -> set[str]:
    """The provinces of `actor`'s roles: of the region a role holds, or of the LKS it works at."""
    codes = set()
    for membership in active_memberships(actor):
        if membership.region_id:
            codes.add(membership.region_id[:2])
        elif membership.organisation_id:
            codes.add(membership.organisation.province_code)
    return {code for code in codes if code}


def board_regions(*, actor: "User") -> QuerySet[Region]:
    """The province and kabupaten/kota where `actor` may register an LKKKS board: within the provinces of their
    roles (any, for a superuser), those the scope rules allow them to create in that have no board yet."""
    candidates = Region.objects.filter(level__lte=RegionLevel.REGENCY)
    if not actor.is_superuser:
        # The provinces and their kabupaten/kota. (`code__startswith` given a tuple of them matched "('63',)%", and
        # nobody but a superuser was ever offered the form.)
        provinces = scope_provinces(actor=actor)
        candidates = candidates.filter(Q(code__in=provinces) | Q(parent_id__in=provinces))
    # One board per region: those that have one (not deactivated) are not offered.
    seated = Organisation.objects.filter(kind=OrganisationKind.LKKKS).exclude(status=OrganisationStatus.INACTIVE)
    candidates = candidates.exclude(code__in=seated.values("region_id"))
    allowed = [
        region.code
        for region in candidates
        if region_allows(
            actor,
            Action.CREATE,
            province_code=region.code[:2],
            regency_code=region.code[:5] if region.level == RegionLevel.REGENCY else "",
        )
    ]
    return Region.objects.filter(code__in=allowed).order_by("code")
