"""Reads for accounts: which users an actor may manage, and the regions/organisations they may grant roles on."""

from functools import reduce
from operator import or_

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from sinergi.organisations.choices import LKS_KINDS
from sinergi.organisations.models import Organisation
from sinergi.regions.models import Region, RegionLevel

from .models import Membership, User
from .scope import Action, managed_provinces, restrict


def memberships_inside_provinces_q(provinces: list[str]) -> Q:
    """Memberships located inside these provinces (a region under them, or an organisation in them)."""
    region_inside = reduce(or_, (Q(region_id=p) | Q(region__code__startswith=f"{p}.") for p in provinces))
    return (Q(region__isnull=False) & region_inside) | (
        Q(organisation__isnull=False) & Q(organisation__province_code__in=provinces)
    )


def user_list(*, actor: "User", search: str = "", status: str = "") -> QuerySet[User]:
    """Users `actor` may manage: everyone for a superuser; for a province admin, the non-superusers with a
    membership inside the admin's province(s) and no active one outside; nobody otherwise."""
    provinces = managed_provinces(actor)
    users = User.objects.all()
    if provinces is not None:
        if not provinces:
            return User.objects.none()
        # A user with a membership elsewhere is shared with another province: only a superuser may change them. One
        # that ended (flagged inactive) is no longer held: it does not keep the user from their province's admin.
        outside = Membership.objects.filter(user=OuterRef("pk"), is_active=True).exclude(
            memberships_inside_provinces_q(provinces)
        )
        inside = Membership.objects.filter(memberships_inside_provinces_q(provinces), user=OuterRef("pk"))
        users = users.filter(is_superuser=False).filter(Exists(inside))
        users = users.exclude(Exists(outside))
    if search:
        users = users.filter(
            Q(username__icontains=search) | Q(full_name__icontains=search) | Q(email__icontains=search)
        )
    if status == "active":
        users = users.filter(is_active=True)
    elif status == "inactive":
        users = users.filter(is_active=False)
    memberships = Membership.objects.select_related("region", "organisation").order_by("role", "id")
    return users.prefetch_related(Prefetch("memberships", queryset=memberships)).order_by("full_name", "username")


def user_is_manageable(*, actor: "User", user: User) -> bool:
    """Whether `actor` may change this user (same rule as `user_list`)."""
    return user_list(actor=actor).filter(pk=user.pk).exists()


def grantable_regions(*, actor: "User") -> QuerySet[Region]:
    """Provinces and kabupaten/kota on which `actor` may grant a region role."""
    provinces = managed_provinces(actor)
    regions = Region.objects.filter(level__in=[RegionLevel.PROVINCE, RegionLevel.REGENCY])
    if provinces is None:
        return regions.order_by("code")
    return regions.filter(Q(code__in=provinces) | Q(parent_id__in=provinces, level=RegionLevel.REGENCY)).order_by(
        "code"
    )


def grantable_organisations(*, actor: "User", search: str = "") -> QuerySet[Organisation]:
    """LKS on which `actor` may grant the LKS operator role: visible to them and inside the provinces they manage."""
    provinces = managed_provinces(actor)
    if provinces == []:
        return Organisation.objects.none()
    organisations = restrict(Organisation.objects.filter(kind__in=LKS_KINDS), actor=actor, action=Action.VIEW)
    if provinces is not None:
        organisations = organisations.filter(province_code__in=provinces)
    if search:
        organisations = organisations.filter(name__icontains=search)
    return organisations.order_by("name")
