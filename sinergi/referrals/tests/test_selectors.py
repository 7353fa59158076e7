"""Who sees which referrals (both ends, boards by region) and at which level (summary before acceptance)."""

import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import MembershipFactory, UserFactory, user_with_role
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.referrals import selectors
from sinergi.referrals.choices import ReferralStatus
from sinergi.referrals.tests.factories import ReferralFactory, referral_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return referral_world()


@pytest.fixture
def to_banjarbaru(world):
    """A referral from the Banjarmasin operator's LKSA to an LKSA in Kota Banjarbaru."""
    return ReferralFactory(from_placement=world.child, to_organisation=world.people.lks_other_regency)


def visible(actor, **kwargs) -> list[int]:
    return list(selectors.referral_list(actor=actor, **kwargs).values_list("pk", flat=True))


def test_both_ends_and_their_boards_see_a_referral_others_do_not(world, to_banjarbaru):
    p = world.people
    expected = {
        p.operator: [to_banjarbaru.pk],  # sender
        p.far_operator: [to_banjarbaru.pk],  # receiver in Banjarbaru
        p.regency_board: [to_banjarbaru.pk],  # board of the sending kabupaten
        p.other_board: [to_banjarbaru.pk],  # board of the receiving kabupaten
        p.province_admin: [to_banjarbaru.pk],
        p.other_operator: [],  # an LKS not involved
        p.dinsos_viewer: [],  # Dinas Sosial sees counts, not referrals
        p.outsider: [],
    }
    assert {user: visible(user) for user in expected} == expected


def test_inbox_and_outbox_split_by_end(world, to_banjarbaru):
    p = world.people
    assert visible(p.operator, box="outbox") == [to_banjarbaru.pk]
    assert visible(p.operator, box="inbox") == []
    assert visible(p.far_operator, box="inbox") == [to_banjarbaru.pk]
    assert visible(p.far_operator, box="outbox") == []
    assert visible(p.other_board, box="inbox") == [to_banjarbaru.pk]
    assert visible(p.other_board, box="outbox") == []


def test_board_of_an_unrelated_kabupaten_sees_nothing(world, to_banjarbaru):
    hsu_board = user_with_role(Role.REGENCY_BOARD, region_code="63.08")
    assert visible(hsu_board) == []


def test_levels_receiver_sees_summary_until_it_accepts(world, to_banjarbaru):
    p = world.people
    levels = {
        user: selectors.referral_level(actor=user, referral=to_banjarbaru)
        for user in (p.operator, p.far_operator, p.regency_board, p.other_board, p.province_admin)
    }
    assert levels == {
        p.operator: selectors.FULL,
        p.far_operator: selectors.SUMMARY,
        p.regency_board: selectors.SHARED,  # the person is at an LKS in its kabupaten: PERSON_VIEW allows it
        p.other_board: selectors.SUMMARY,  # the person is not (yet) in its kabupaten
        p.province_admin: selectors.SHARED,
    }
    to_banjarbaru.status = ReferralStatus.ACCEPTED
    to_banjarbaru.save()
    assert selectors.referral_level(actor=p.far_operator, referral=to_banjarbaru) == selectors.SHARED


def test_a_board_member_who_also_operates_the_receiving_lks_is_not_shown_less_than_their_board_seat_shows(world):
    # The fiftieth review: being the receiver too turned the board's "shared" into the receiver's "summary"
    p = world.people
    to_neighbour = ReferralFactory(from_placement=world.child, to_organisation=p.lks_same_regency)
    MembershipFactory(user=p.regency_board, role=Role.LKS_OPERATOR, region_id=None, organisation=p.lks_same_regency)

    assert selectors.referral_level(actor=p.regency_board, referral=to_neighbour) == selectors.SHARED
    assert selectors.referral_level(actor=p.other_operator, referral=to_neighbour) == selectors.SUMMARY


def test_restricted_person_shows_only_the_summary(world, to_banjarbaru):
    person = to_banjarbaru.person
    person.is_restricted = True
    person.save()
    to_banjarbaru.refresh_from_db()
    assert selectors.referral_level(actor=world.people.operator, referral=to_banjarbaru) == selectors.SUMMARY


def test_superuser_sees_everything_in_full(world, to_banjarbaru):
    root = UserFactory(is_superuser=True)
    assert visible(root) == [to_banjarbaru.pk]
    assert selectors.referral_level(actor=root, referral=to_banjarbaru) == selectors.FULL


def test_levels_for_a_page_take_one_query(world, django_assert_num_queries):
    referrals = [ReferralFactory(to_organisation=world.people.lks) for _ in range(5)]
    operator = world.people.operator
    selectors.operated_organisation_ids(operator)  # memberships are cached per user
    with django_assert_num_queries(1):
        levels = selectors.referral_levels(actor=operator, referrals=referrals)
    assert set(levels.values()) == {selectors.SUMMARY}


def test_sending_organisations(world):
    p = world.people
    assert list(selectors.sending_organisations(actor=p.operator)) == [p.lks]
    assert list(selectors.sending_organisations(actor=p.regency_board)) == [world.board_bjm]
    assert list(selectors.sending_organisations(actor=p.province_admin)) == [world.province_board]
    assert list(selectors.sending_organisations(actor=p.dinsos_viewer)) == []
    OrganisationFactory(name="Bukan milik siapa-siapa")
    assert list(selectors.sending_organisations(actor=p.outsider)) == []


def test_referral_role(world, to_banjarbaru):
    p = world.people
    assert selectors.referral_role(actor=p.operator, referral=to_banjarbaru) == {"sender"}
    assert selectors.referral_role(actor=p.far_operator, referral=to_banjarbaru) == {"receiver"}
    assert selectors.referral_role(actor=p.other_board, referral=to_banjarbaru) == set()
