"""scope_q / restrict / can for each role, against real Organisation rows."""

import pytest
from django.db.models import Q

from sinergi.accounts.models import Role
from sinergi.accounts.scope import Action, ScopeFields, can, managed_provinces, restrict, scope_q
from sinergi.accounts.tests.factories import MembershipFactory, UserFactory, user_with_role
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.regions.models import Region

pytestmark = pytest.mark.django_db

ORG_FIELDS = ScopeFields(organisation="pk")  # as OrganisationsConfig registers it


@pytest.fixture
def orgs():
    """Two LKS in Kota Banjarmasin, one in Kabupaten Banjar, one in another province (64, not in the tree)."""
    banjar_village = Region.objects.filter(code__startswith="63.03.", level=4).order_by("code").first()
    return {
        "bjm_a": OrganisationFactory(name="LKS BJM A"),
        "bjm_b": OrganisationFactory(name="LKS BJM B"),
        "banjar": OrganisationFactory(name="LKS Banjar", region_id=banjar_village.code),
        "kaltim": OrganisationFactory(
            name="LKS Samarinda",
            region_id=None,
            province_code="64",
            regency_code="64.72",
            district_code="",
            village_code="",
        ),
    }


def names(qs) -> set[str]:
    return set(qs.values_list("name", flat=True))


def visible(actor, action=Action.VIEW) -> set[str]:
    return names(restrict(Organisation.objects.all(), actor=actor, action=action))


def test_lks_operator_sees_and_changes_only_their_own_lks(orgs):
    # given an operator of one LKS in Banjarmasin
    operator = user_with_role(Role.LKS_OPERATOR, organisation=orgs["bjm_a"])
    # then
    assert visible(operator) == {"LKS BJM A"}
    assert visible(operator, Action.CHANGE) == {"LKS BJM A"}
    assert visible(operator, Action.CREATE) == set()
    assert visible(operator, Action.VERIFY) == set()
    assert can(operator, Action.CHANGE, orgs["bjm_a"]) is True
    assert can(operator, Action.CHANGE, orgs["bjm_b"]) is False


def test_regency_board_sees_its_kabupaten_only(orgs):
    board = user_with_role(Role.REGENCY_BOARD, region_code="63.71")
    assert visible(board) == {"LKS BJM A", "LKS BJM B"}
    assert visible(board, Action.VERIFY) == {"LKS BJM A", "LKS BJM B"}
    assert visible(board, Action.MANAGE_USERS) == set()
    assert can(board, Action.CHANGE, orgs["banjar"]) is False


def test_province_admin_sees_the_whole_province_and_nothing_outside(orgs):
    admin = user_with_role(Role.PROVINCE_ADMIN, region_code="63")
    assert visible(admin) == {"LKS BJM A", "LKS BJM B", "LKS Banjar"}
    assert visible(admin, Action.DEACTIVATE) == {"LKS BJM A", "LKS BJM B", "LKS Banjar"}
    assert can(admin, Action.CHANGE, orgs["kaltim"]) is False
    assert managed_provinces(admin) == ["63"]


def test_dinsos_viewer_may_view_but_not_change(orgs):
    viewer = user_with_role(Role.DINSOS_VIEWER, region_code="63.71")
    assert visible(viewer) == {"LKS BJM A", "LKS BJM B"}
    assert visible(viewer, Action.EXPORT) == {"LKS BJM A", "LKS BJM B"}
    assert visible(viewer, Action.CHANGE) == set()
    assert visible(viewer, Action.CREATE) == set()


def test_outsider_without_membership_sees_nothing(orgs):
    outsider = UserFactory()
    assert scope_q(outsider, Action.VIEW, ORG_FIELDS) is None
    assert visible(outsider) == set()
    assert managed_provinces(outsider) == []


def test_anonymous_sees_nothing(orgs):
    from django.contrib.auth.models import AnonymousUser

    assert visible(AnonymousUser()) == set()
    assert visible(None) == set()


def test_inactive_membership_grants_nothing(orgs):
    user = UserFactory()
    MembershipFactory(user=user, role=Role.PROVINCE_ADMIN, region_id="63", is_active=False)
    assert visible(user) == set()
    assert managed_provinces(user) == []


def test_inactive_user_sees_nothing_despite_an_active_membership(orgs):
    user = user_with_role(Role.PROVINCE_ADMIN, region_code="63", is_active=False)
    assert visible(user) == set()


def test_superuser_sees_everything(orgs):
    root = UserFactory(is_superuser=True)
    assert visible(root) == {"LKS BJM A", "LKS BJM B", "LKS Banjar", "LKS Samarinda"}
    assert visible(root, Action.MANAGE_USERS) == {"LKS BJM A", "LKS BJM B", "LKS Banjar", "LKS Samarinda"}
    assert managed_provinces(root) is None


def test_memberships_add_up(orgs):
    # given a kabupaten board member who also operates an LKS in another kabupaten
    user = user_with_role(Role.REGENCY_BOARD, region_code="63.71")
    MembershipFactory(user=user, role=Role.LKS_OPERATOR, region_id=None, organisation=orgs["banjar"])
    assert visible(user) == {"LKS BJM A", "LKS BJM B", "LKS Banjar"}
    # creating is a board right only, so the LKS membership adds nothing there
    assert visible(user, Action.CREATE) == {"LKS BJM A", "LKS BJM B"}


def test_restrict_refuses_an_unregistered_model():
    from sinergi.accounts.models import Membership

    with pytest.raises(LookupError):
        restrict(Membership.objects.all(), actor=UserFactory(is_superuser=True), action=Action.VIEW)


def test_unknown_action_is_denied(orgs):
    admin = user_with_role(Role.PROVINCE_ADMIN, region_code="63")
    assert visible(admin, "launch_rockets") == set()
    assert scope_q(admin, "launch_rockets", ORG_FIELDS) is None
    assert scope_q(UserFactory(is_superuser=True), "launch_rockets", ORG_FIELDS) == Q()
