"""Selectors: which users an administrator manages, and what they may grant roles on."""

import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.selectors import grantable_organisations, grantable_regions, user_list
from sinergi.accounts.tests.factories import MembershipFactory, UserFactory, user_with_role
from sinergi.organisations.choices import OrganisationKind
from sinergi.organisations.tests.factories import BoardFactory, OrganisationFactory
from sinergi.regions.models import Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(lks):
    Region.objects.create(code="64", name="Kalimantan Timur", level=1, kind="provinsi")
    samarinda = OrganisationFactory(
        name="LKS Samarinda",
        region_id=None,
        province_code="64",
        regency_code="64.72",
        district_code="",
        village_code="",
    )
    shared = user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="shared")
    MembershipFactory(user=shared, role=Role.DINSOS_VIEWER, region_id="64")
    return {
        "board": user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="board"),
        "operator": user_with_role(Role.LKS_OPERATOR, organisation=lks, username="operator"),
        "inactive_membership": _with_inactive_membership(),
        "shared": shared,
        "kaltim_operator": user_with_role(Role.LKS_OPERATOR, organisation=samarinda, username="kaltim_operator"),
        "no_membership": UserFactory(username="orphan"),
        "root": UserFactory(username="root", is_superuser=True),
    }


def _with_inactive_membership():
    user = UserFactory(username="dormant")
    MembershipFactory(user=user, role=Role.DINSOS_VIEWER, region_id="63", is_active=False)
    return user


def usernames(qs) -> set[str]:
    return set(qs.values_list("username", flat=True))


def test_province_admin_manages_users_wholly_inside_the_province(people, province_admin):
    assert usernames(user_list(actor=province_admin)) == {"board", "operator", "dormant", "admin.kalsel"}


def test_a_role_that_ended_in_another_province_does_not_keep_a_user_from_their_provinces_admin(people, province_admin):
    # The fiftieth review: an operator role at a Kalimantan Timur LKS, flagged inactive, left the user to superusers
    mover = user_with_role(
        Role.LKS_OPERATOR, organisation=OrganisationFactory(region_id="63.71.01.1001"), username="mover"
    )
    kaltim_lks = people["kaltim_operator"].memberships.get().organisation
    MembershipFactory(user=mover, role=Role.LKS_OPERATOR, region_id=None, organisation=kaltim_lks, is_active=False)

    assert "mover" in usernames(user_list(actor=province_admin))
    # ... but one held there still does
    MembershipFactory(user=mover, role=Role.DINSOS_VIEWER, region_id=kaltim_lks.province_code)
    assert "mover" not in usernames(user_list(actor=province_admin))


def test_superuser_manages_everyone(people, superuser):
    assert usernames(user_list(actor=superuser)) == {
        "board",
        "operator",
        "dormant",
        "shared",
        "kaltim_operator",
        "orphan",
        "root",
        "super",
    }


@pytest.mark.parametrize(("role", "region_code"), [(Role.REGENCY_BOARD, "63.71"), (Role.DINSOS_VIEWER, "63")])
def test_other_roles_manage_nobody(people, role, region_code):
    actor = user_with_role(role, region_code=region_code)
    assert usernames(user_list(actor=actor)) == set()


def test_search_and_status_filters(people, province_admin):
    people["board"].is_active = False
    people["board"].save()
    assert usernames(user_list(actor=province_admin, search="OPERA")) == {"operator"}
    assert usernames(user_list(actor=province_admin, status="inactive")) == {"board"}
    assert "board" not in usernames(user_list(actor=province_admin, status="active"))


def test_grantable_regions_are_the_province_and_its_kabupaten(province_admin):
    codes = list(grantable_regions(actor=province_admin).values_list("code", flat=True))
    assert codes[0] == "63"
    assert len(codes) == 14
    assert all(c == "63" or (c.startswith("63.") and len(c) == 5) for c in codes)


def test_grantable_organisations_are_lks_in_scope(province_admin, lks):
    BoardFactory()
    OrganisationFactory(name="Yayasan Non-LKS", kind=OrganisationKind.SOCIAL)
    assert list(grantable_organisations(actor=province_admin)) == [lks]
    assert list(grantable_organisations(actor=province_admin, search="harapan")) == [lks]
    assert list(grantable_organisations(actor=province_admin, search="tidak ada")) == []


def test_nothing_grantable_for_a_board_member(regency_board, lks):
    assert list(grantable_organisations(actor=regency_board)) == []
