import datetime

import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import MembershipFactory, UserFactory

from .. import selectors
from ..choices import ActionStatus
from .factories import ActionItemFactory, MeetingFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings(board_province, board_banjarmasin, board_banjarbaru):
    return {
        "province": MeetingFactory(organiser=board_province, title="Rakor Provinsi"),
        "banjarmasin": MeetingFactory(organiser=board_banjarmasin, title="Rapat Banjarmasin"),
        "banjarbaru": MeetingFactory(organiser=board_banjarbaru, title="Rapat Banjarbaru"),
    }


def titles(actor) -> set[str]:
    return set(selectors.meeting_queryset(actor=actor).values_list("title", flat=True))


def test_province_admin_sees_every_meeting_of_the_province(meetings, province_admin):
    assert titles(province_admin) == {"Rakor Provinsi", "Rapat Banjarmasin", "Rapat Banjarbaru"}


def test_dinsos_viewer_sees_the_province_meetings(meetings, dinsos):
    assert titles(dinsos) == {"Rakor Provinsi", "Rapat Banjarmasin", "Rapat Banjarbaru"}


def test_regency_board_sees_its_own_boards_meetings(meetings, board_member, board_member_elsewhere):
    assert titles(board_member) == {"Rapat Banjarmasin"}
    assert titles(board_member_elsewhere) == {"Rapat Banjarbaru"}


def test_lks_operator_and_outsider_see_nothing_that_does_not_concern_them(meetings, operator):
    assert titles(operator) == set()
    assert titles(UserFactory()) == set()


def test_invited_user_and_invited_organisation_see_the_meeting(meetings, operator, lks, board_member):
    ParticipantFactory(meeting=meetings["province"], user=board_member)
    ParticipantFactory(meeting=meetings["banjarbaru"], organisation=lks)

    assert titles(board_member) == {"Rapat Banjarmasin", "Rakor Provinsi"}
    assert titles(operator) == {"Rapat Banjarbaru"}


def test_owner_of_an_action_item_sees_the_meeting(meetings, operator, lks):
    ActionItemFactory(meeting=meetings["province"], owner=lks)

    assert titles(operator) == {"Rakor Provinsi"}


def test_access_levels(meetings, province_admin, dinsos, board_member):
    participant = ParticipantFactory(meeting=meetings["province"], user=board_member)
    meeting = meetings["province"]

    admin = selectors.meeting_access(actor=province_admin, meeting=meeting)
    viewer = selectors.meeting_access(actor=dinsos, meeting=meeting)
    invited = selectors.meeting_access(actor=board_member, meeting=meeting)

    assert (admin.may_change, admin.may_see_all) == (True, True)
    assert (viewer.may_change, viewer.may_see_all) == (False, True)
    assert (invited.may_change, invited.may_see_all, invited.participant) == (False, False, participant)


def test_organisations_spoken_for(
    board_province, board_banjarmasin, lks, province_admin, board_member, operator, dinsos
):
    assert selectors.organisations_spoken_for(province_admin) == {board_province.pk}
    assert selectors.organisations_spoken_for(board_member) == {board_banjarmasin.pk}
    assert selectors.organisations_spoken_for(operator) == {lks.pk}
    assert selectors.organisations_spoken_for(dinsos) == set()


def test_organisation_users(board_province, board_banjarmasin, lks, province_admin, board_member, operator, dinsos):
    assert list(selectors.organisation_users(board_province)) == [province_admin]
    assert list(selectors.organisation_users(board_banjarmasin)) == [board_member]
    assert list(selectors.organisation_users(lks)) == [operator]


def test_a_board_member_who_also_holds_a_province_role_is_one_of_the_boards_users(board_banjarmasin, board_member):
    # The fiftieth review: a Dinas Sosial seat at the province dropped the member from their board's invitations and
    # action-item reminders
    MembershipFactory(user=board_member, role=Role.DINSOS_VIEWER, region_id="63")

    assert list(selectors.organisation_users(board_banjarmasin)) == [board_member]


def test_my_action_items_and_overdue_ones(meetings, board_banjarmasin, board_member, lks):
    late = ActionItemFactory(meeting=meetings["province"], owner=board_banjarmasin, due_on=datetime.date(2025, 3, 1))
    later = ActionItemFactory(meeting=meetings["province"], owner=board_banjarmasin, due_on=datetime.date(2025, 5, 1))
    ActionItemFactory(meeting=meetings["province"], owner=board_banjarmasin, status=ActionStatus.DONE)
    ActionItemFactory(meeting=meetings["province"], owner=lks, due_on=datetime.date(2025, 3, 1))

    assert list(selectors.my_action_items(actor=board_member)) == [late, later]
    assert selectors.my_overdue_action_items(actor=board_member, today=datetime.date(2025, 4, 1)) == [late]


def test_organiser_choices(board_province, board_banjarmasin, board_banjarbaru, province_admin, board_member, operator):
    assert set(selectors.organiser_choices(actor=province_admin)) == {
        board_province,
        board_banjarmasin,
        board_banjarbaru,
    }
    assert list(selectors.organiser_choices(actor=board_member)) == [board_banjarmasin]
    assert list(selectors.organiser_choices(actor=operator)) == []
