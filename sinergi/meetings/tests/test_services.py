import datetime

import pytest
from django.core import mail
from django.test import RequestFactory

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.audit.models import AuditEvent
from sinergi.core.errors import PermissionDenied, TransitionError, ValidationError
from sinergi.notifications.models import Notification
from sinergi.organisations.tests.factories import OrganisationFactory

from .. import selectors, services
from ..choices import ActionStatus, CheckInMethod, MeetingKind, MeetingStatus, Rsvp
from ..models import ActionItem, ActionItemReview, Attendance, Meeting, MeetingDay, Minutes, Participant
from .factories import ActionItemFactory, MeetingFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

NINE, FOUR = datetime.time(9, 0), datetime.time(16, 0)


def two_days(first=datetime.date(2025, 3, 10)):
    return [
        services.DaySpec(date=first + datetime.timedelta(days=1), starts_at=NINE, ends_at=FOUR),
        services.DaySpec(date=first, starts_at=NINE, ends_at=FOUR),
    ]


# --- meetings ------------------------------------------------------------------------------------------------------


def test_province_admin_creates_a_two_day_rakor_of_the_provincial_board(province_admin, board_province):
    meeting = services.meeting_create(
        actor=province_admin,
        organiser=board_province,
        kind=MeetingKind.RAKOR,
        title="Rakor Uji",
        days=two_days(),
        venue="Aula Dinsos",
    )

    assert meeting.status == MeetingStatus.DRAFT
    assert (meeting.province_code, meeting.regency_code) == ("63", "")
    assert (meeting.starts_on, meeting.ends_on) == (datetime.date(2025, 3, 10), datetime.date(2025, 3, 11))
    assert [d.date.day for d in meeting.days.all()] == [10, 11]
    assert AuditEvent.objects.filter(action="meetings.meeting.created", object_id=str(meeting.pk)).count() == 1


def test_regency_board_member_organises_for_their_own_board(board_member, board_banjarmasin):
    meeting = services.meeting_create(
        actor=board_member,
        organiser=board_banjarmasin,
        kind=MeetingKind.BOARD,
        title="Rapat",
        days=two_days(),
        online_link="https://rapat.contoh.test/x",
    )

    assert meeting.regency_code == "63.71"


def test_regency_board_member_cannot_organise_for_the_province_or_another_regency(
    board_member, board_province, board_banjarbaru
):
    for organiser in (board_province, board_banjarbaru):
        with pytest.raises(PermissionDenied):
            services.meeting_create(
                actor=board_member,
                organiser=organiser,
                kind=MeetingKind.BOARD,
                title="Rapat",
                days=two_days(),
                venue="Aula",
            )

    assert Meeting.objects.count() == 0


def test_meeting_needs_a_board_organiser_a_place_and_sensible_days(province_admin, lks, board_province):
    with pytest.raises(ValidationError) as not_board:
        services.meeting_create(
            actor=province_admin, organiser=lks, kind=MeetingKind.BOARD, title="Rapat", days=two_days(), venue="Aula"
        )
    with pytest.raises(ValidationError) as no_place:
        services.meeting_create(
            actor=province_admin, organiser=board_province, kind=MeetingKind.BOARD, title="Rapat", days=two_days()
        )
    backwards = [services.DaySpec(date=datetime.date(2025, 3, 10), starts_at=FOUR, ends_at=NINE)]
    with pytest.raises(ValidationError) as bad_hours:
        services.meeting_create(
            actor=province_admin,
            organiser=board_province,
            kind=MeetingKind.BOARD,
            title="Rapat",
            days=backwards,
            venue="Aula",
        )

    assert not_board.value.message_dict == {"organiser": ["Penyelenggara harus LKKKS yang tidak nonaktif."]}
    assert no_place.value.message_dict == {"venue": ["Isi tempat rapat atau tautan rapat daring."]}
    assert bad_hours.value.message_dict == {"days": ["Jam selesai harus setelah jam mulai (10-03-2025)."]}
    assert Meeting.objects.count() == 0


def test_closing_needs_approved_minutes(province_admin, board_province):
    meeting = MeetingFactory(organiser=board_province, status=MeetingStatus.HELD)

    with pytest.raises(ValidationError):
        services.meeting_transition(actor=province_admin, meeting=meeting, to_status=MeetingStatus.CLOSED)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD

    services.minutes_save(actor=province_admin, meeting=meeting, text="Rapat dibuka pukul 09.00.")
    services.minutes_approve(actor=province_admin, meeting=meeting)
    services.meeting_transition(actor=province_admin, meeting=meeting, to_status=MeetingStatus.CLOSED)

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CLOSED


def test_the_invitees_links_count_their_days_from_the_last_closing_not_from_the_last_save(
    province_admin, board_province
):
    meeting = MeetingFactory(organiser=board_province, status=MeetingStatus.HELD)
    participant = ParticipantFactory(meeting=meeting)
    services.minutes_save(actor=province_admin, meeting=meeting, text="Rapat dibuka pukul 09.00.")
    services.minutes_approve(actor=province_admin, meeting=meeting)
    services.meeting_transition(actor=province_admin, meeting=meeting, to_status=MeetingStatus.CLOSED)
    closed_at = Meeting.objects.get(pk=meeting.pk).closed_at
    month_later = closed_at + datetime.timedelta(days=31)
    # A later save that is not a closing (a data fix, a future field) does not give the links back
    Meeting.objects.filter(pk=meeting.pk).update(updated_at=month_later)
    participant.refresh_from_db()
    assert selectors.participant_link_expired(participant, now=month_later) is True

    # Reopened, the links hold again; closed once more, their days start again
    services.meeting_transition(actor=province_admin, meeting=meeting, to_status=MeetingStatus.HELD)
    participant.refresh_from_db()
    assert participant.meeting.closed_at is None
    assert selectors.participant_link_expired(participant, now=month_later) is False
    services.meeting_transition(actor=province_admin, meeting=meeting, to_status=MeetingStatus.CLOSED)
    participant.refresh_from_db()
    assert selectors.participant_link_expired(participant, now=participant.meeting.closed_at) is False


def test_meeting_status_moves_only_along_the_table(province_admin, board_province):
    meeting = MeetingFactory(organiser=board_province)

    with pytest.raises(TransitionError):
        services.meeting_transition(actor=province_admin, meeting=meeting, to_status=MeetingStatus.CLOSED)

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.DRAFT


def test_approved_minutes_are_final(province_admin, board_province):
    meeting = MeetingFactory(organiser=board_province)
    services.minutes_save(actor=province_admin, meeting=meeting, text="Versi pertama")
    services.minutes_approve(actor=province_admin, meeting=meeting)

    with pytest.raises(ValidationError):
        services.minutes_save(actor=province_admin, meeting=meeting, text="Versi kedua")

    assert Minutes.objects.get(meeting=meeting).text == "Versi pertama"


# --- carry-over -----------------------------------------------------------------------------------------------------


def test_new_meeting_of_the_same_organiser_lists_the_open_action_items_of_earlier_meetings(
    province_admin, board_province, board_banjarmasin, lks
):
    earlier = MeetingFactory(organiser=board_province, starts_on=datetime.date(2025, 1, 10))
    open_item = ActionItemFactory(meeting=earlier, owner=lks, status=ActionStatus.OPEN)
    busy_item = ActionItemFactory(meeting=earlier, owner=lks, status=ActionStatus.IN_PROGRESS)
    ActionItemFactory(meeting=earlier, owner=lks, status=ActionStatus.DONE)
    ActionItemFactory(meeting=earlier, owner=lks, status=ActionStatus.CANCELLED)
    other_board = MeetingFactory(organiser=board_banjarmasin, starts_on=datetime.date(2025, 1, 5))
    ActionItemFactory(meeting=other_board, owner=lks)

    meeting = services.meeting_create(
        actor=province_admin,
        organiser=board_province,
        kind=MeetingKind.BOARD,
        title="Rapat Maret",
        days=two_days(),
        venue="Aula",
    )

    carried = set(ActionItemReview.objects.filter(meeting=meeting).values_list("action_item_id", flat=True))
    assert carried == {open_item.pk, busy_item.pk}


def test_an_item_still_open_is_carried_again_to_the_meeting_after(province_admin, board_province, lks):
    first = MeetingFactory(organiser=board_province, starts_on=datetime.date(2025, 1, 10))
    item = ActionItemFactory(meeting=first, owner=lks)
    second = services.meeting_create(
        actor=province_admin,
        organiser=board_province,
        kind=MeetingKind.BOARD,
        title="Kedua",
        days=two_days(datetime.date(2025, 2, 10)),
        venue="Aula",
    )
    review = ActionItemReview.objects.get(meeting=second, action_item=item)
    services.action_item_review(actor=province_admin, review=review, note="Masih berjalan", to_status="in_progress")

    third = services.meeting_create(
        actor=province_admin,
        organiser=board_province,
        kind=MeetingKind.BOARD,
        title="Ketiga",
        days=two_days(datetime.date(2025, 3, 10)),
        venue="Aula",
    )

    review.refresh_from_db()
    assert (review.note, review.status_at_review, review.reviewed_by) == (
        "Masih berjalan",
        "in_progress",
        province_admin,
    )
    assert list(item.carried_to.order_by("starts_on")) == [second, third]


def test_done_items_are_not_carried_any_further(province_admin, board_province, lks):
    first = MeetingFactory(organiser=board_province, starts_on=datetime.date(2025, 1, 10))
    item = ActionItemFactory(meeting=first, owner=lks)
    services.action_item_transition(actor=province_admin, item=item, to_status=ActionStatus.DONE)

    later = services.meeting_create(
        actor=province_admin,
        organiser=board_province,
        kind=MeetingKind.BOARD,
        title="Kedua",
        days=two_days(datetime.date(2025, 2, 10)),
        venue="Aula",
    )

    assert not ActionItemReview.objects.filter(meeting=later).exists()


def test_an_item_recorded_after_the_next_meeting_was_planned_joins_its_review_list(province_admin, board_province, lks):
    held = MeetingFactory(organiser=board_province, starts_on=datetime.date(2025, 1, 10), status=MeetingStatus.HELD)
    planned = MeetingFactory(organiser=board_province, starts_on=datetime.date(2025, 4, 10))

    item = services.action_item_create(
        actor=province_admin,
        meeting=held,
        description="Data LKS dimutakhirkan",
        owner=lks,
        due_on=datetime.date(2025, 2, 28),
    )

    assert list(ActionItemReview.objects.filter(action_item=item).values_list("meeting_id", flat=True)) == [planned.pk]


# --- action-item transitions ----------------------------------------------------------------------------------------


def test_owner_reports_progress_and_completion(lks, operator):
    item = ActionItemFactory(owner=lks)

    services.action_item_transition(actor=operator, item=item, to_status=ActionStatus.IN_PROGRESS)
    services.action_item_transition(actor=operator, item=item, to_status=ActionStatus.DONE, note="Sudah dikirim")

    item.refresh_from_db()
    assert (item.status, item.status_note, item.done_on is not None) == (ActionStatus.DONE, "Sudah dikirim", True)
    assert AuditEvent.objects.filter(action="meetings.action_item.status_changed", object_id=str(item.pk)).count() == 2


def test_owner_may_not_cancel_and_outsiders_may_not_touch(lks, operator, board_member_elsewhere):
    item = ActionItemFactory(owner=lks)

    with pytest.raises(PermissionDenied):
        services.action_item_transition(actor=operator, item=item, to_status=ActionStatus.CANCELLED)
    with pytest.raises(PermissionDenied):
        services.action_item_transition(actor=board_member_elsewhere, item=item, to_status=ActionStatus.DONE)

    item.refresh_from_db()
    assert item.status == ActionStatus.OPEN
    assert not AuditEvent.objects.filter(action="meetings.action_item.status_changed").exists()


def test_organiser_cancels_and_reopens_but_not_off_the_table(board_member, board_banjarmasin, lks):
    item = ActionItemFactory(meeting=MeetingFactory(organiser=board_banjarmasin), owner=lks)

    services.action_item_transition(actor=board_member, item=item, to_status=ActionStatus.CANCELLED)
    with pytest.raises(TransitionError):
        services.action_item_transition(actor=board_member, item=item, to_status=ActionStatus.DONE)
    item.refresh_from_db()
    assert item.status == ActionStatus.CANCELLED

    services.action_item_transition(actor=board_member, item=item, to_status=ActionStatus.OPEN)
    item.refresh_from_db()
    assert item.status == ActionStatus.OPEN


def test_regency_board_acts_as_owner_of_its_board_items(board_member, board_banjarmasin, board_province):
    item = ActionItemFactory(meeting=MeetingFactory(organiser=board_province), owner=board_banjarmasin)

    services.action_item_transition(actor=board_member, item=item, to_status=ActionStatus.DONE)

    item.refresh_from_db()
    assert item.status == ActionStatus.DONE


def test_action_item_needs_an_owner_and_a_due_date_not_before_the_meeting(province_admin, board_province):
    meeting = MeetingFactory(organiser=board_province)

    with pytest.raises(ValidationError) as error:
        services.action_item_create(
            actor=province_admin, meeting=meeting, description="X", owner=None, due_on=datetime.date(2025, 1, 1)
        )

    assert set(error.value.message_dict) == {"owner", "due_on"}
    assert ActionItem.objects.count() == 0


# --- participants, invitations, attendance -------------------------------------------------------------------------


def test_inviting_organisations_adds_their_users_or_a_representative(
    province_admin, board_province, board_banjarmasin, board_member
):
    meeting = MeetingFactory(organiser=board_province)
    lks_without_users = OrganisationFactory(name="LKSA Tanpa Akun", email="lksa@contoh.test", phone="0811")

    created = services.participants_invite_organisations(
        actor=province_admin, meeting=meeting, organisations=[board_banjarmasin, lks_without_users]
    )
    again = services.participants_invite_organisations(
        actor=province_admin, meeting=meeting, organisations=[board_banjarmasin, lks_without_users]
    )

    assert [(p.name, p.user, p.organisation, p.email) for p in created] == [
        (board_member.full_name, board_member, board_banjarmasin, board_member.email),
        ("Perwakilan LKSA Tanpa Akun", None, lks_without_users, "lksa@contoh.test"),
    ]
    assert again == []
    assert meeting.participants.count() == 2


def test_same_address_is_not_invited_twice(province_admin, board_province):
    meeting = MeetingFactory(organiser=board_province)
    services.participant_add(actor=province_admin, meeting=meeting, name="Ani Contoh", email="ani@contoh.test")

    with pytest.raises(ValidationError):
        services.participant_add(actor=province_admin, meeting=meeting, name="Ani Lagi", email="ANI@contoh.test")

    assert meeting.participants.count() == 1


def test_sending_invitations_notifies_users_in_app_and_mails_everyone_their_own_links(
    province_admin, board_province, board_member, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(
        organiser=board_province, starts_on=datetime.date(2025, 3, 10), ends_on=datetime.date(2025, 3, 11)
    )
    linked = ParticipantFactory(meeting=meeting, name="Pengurus", email=board_member.email, user=board_member)
    guest = ParticipantFactory(meeting=meeting, name="Tamu Contoh", email="tamu@contoh.test")
    ParticipantFactory(meeting=meeting, name="Tanpa Surel", email="")

    with django_capture_on_commit_callbacks(execute=True):
        invited = services.meeting_invitations_send(actor=province_admin, meeting=meeting)

    assert invited == 3
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.INVITED
    assert Participant.objects.filter(meeting=meeting, invited_at__isnull=True).count() == 0
    notes = Notification.objects.filter(kind="meetings.invitation")
    assert [(n.recipient, n.link) for n in notes] == [(board_member, f"/meetings/rsvp/{linked.token}/")]
    assert sorted(m.to[0] for m in mail.outbox) == sorted([board_member.email, "tamu@contoh.test"])
    guest_mail = next(m for m in mail.outbox if m.to == ["tamu@contoh.test"])
    assert f"/meetings/rsvp/{guest.token}/" in guest_mail.body
    assert f"/meetings/checkin/{guest.token}/2025-03-10/" in guest_mail.body
    assert f"/meetings/checkin/{guest.token}/2025-03-11/" in guest_mail.body
    assert linked.token not in guest_mail.body
    assert "10-03-2025, 09:00–15:00 WITA" in guest_mail.body  # the hours on the clock of the meeting's province
    assert len(guest_mail.attachments) == 2  # one QR image per day


@pytest.mark.parametrize(("province_code", "zone"), [("63", "WITA"), ("31", "WIB"), ("94", "WIT")])
def test_a_meeting_day_names_the_clock_of_the_province_that_holds_it(province_code, zone):
    day = MeetingDay(
        meeting=Meeting(province_code=province_code),
        date=datetime.date(2026, 12, 7),
        starts_at=datetime.time(9, 0),
        ends_at=datetime.time(12, 30),
    )

    assert day.hours == f"09:00–12:30 {zone}"


def test_a_meeting_on_a_chosen_clock_names_that_clock_whatever_its_organisers_province():
    day = MeetingDay(
        meeting=Meeting(province_code="63", time_zone="Asia/Jayapura"),
        date=datetime.date(2026, 12, 7),
        starts_at=datetime.time(9, 0),
        ends_at=datetime.time(12, 30),
    )

    assert day.hours == "09:00–12:30 WIT"


def test_an_unknown_time_zone_is_refused_and_nothing_is_saved(province_admin, board_province):
    days = [services.DaySpec(date=datetime.date(2025, 3, 10), starts_at=datetime.time(9), ends_at=datetime.time(12))]

    with pytest.raises(ValidationError) as refused:
        services.meeting_create(
            actor=province_admin,
            organiser=board_province,
            kind="rakor",
            title="Rakor",
            days=days,
            venue="Aula",
            time_zone="Europe/Paris",
        )

    assert refused.value.message_dict == {"time_zone": ["Zona waktu tidak dikenal; pilih WIB, WITA, atau WIT."]}
    assert Meeting.objects.count() == 0


def test_sending_again_with_nobody_new_is_refused(province_admin, board_province, django_capture_on_commit_callbacks):
    meeting = MeetingFactory(organiser=board_province)
    ParticipantFactory(meeting=meeting)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_invitations_send(actor=province_admin, meeting=meeting)
    mail.outbox.clear()

    with pytest.raises(ValidationError), django_capture_on_commit_callbacks(execute=True):
        services.meeting_invitations_send(actor=province_admin, meeting=meeting)

    assert mail.outbox == []


def test_rsvp_through_the_token(board_province):
    participant = ParticipantFactory(meeting=MeetingFactory(organiser=board_province))

    services.participant_rsvp(participant=participant, answer=Rsvp.DECLINED)
    with pytest.raises(ValidationError):
        services.participant_rsvp(participant=participant, answer="maybe")

    participant.refresh_from_db()
    assert participant.rsvp == Rsvp.DECLINED


def test_self_check_in_only_on_that_day_and_once(board_province):
    meeting = MeetingFactory(
        organiser=board_province, starts_on=datetime.date(2025, 3, 10), ends_on=datetime.date(2025, 3, 11)
    )
    participant = ParticipantFactory(meeting=meeting)
    first_day, second_day = meeting.days.all()

    with pytest.raises(ValidationError) as early:
        services.attendance_self_check_in(participant=participant, day=second_day, today=datetime.date(2025, 3, 10))
    attendance, created = services.attendance_self_check_in(
        participant=participant, day=first_day, today=datetime.date(2025, 3, 10)
    )
    again, created_again = services.attendance_self_check_in(
        participant=participant, day=first_day, today=datetime.date(2025, 3, 10)
    )

    assert early.value.messages == ["Presensi mandiri hanya dapat dilakukan pada hari rapat, 11-03-2025."]
    assert (created, created_again, again.pk) == (True, False, attendance.pk)
    assert list(Attendance.objects.values_list("day__date", "method")) == [
        (datetime.date(2025, 3, 10), CheckInMethod.SELF)
    ]


def test_organiser_checklist_sets_exactly_who_was_present(province_admin, board_province):
    meeting = MeetingFactory(organiser=board_province)
    day = meeting.days.get()
    a, b, c = ParticipantFactory.create_batch(3, meeting=meeting)
    services.attendance_record(actor=province_admin, day=day, present=[a.pk, b.pk])

    added, removed = services.attendance_record(actor=province_admin, day=day, present=[b.pk, c.pk])

    assert (added, removed) == (1, 1)
    assert set(day.attendances.values_list("participant_id", flat=True)) == {b.pk, c.pk}


def test_checklist_refuses_someone_of_another_meeting(province_admin, board_province):
    meeting = MeetingFactory(organiser=board_province)
    stranger = ParticipantFactory()

    with pytest.raises(ValidationError):
        services.attendance_record(actor=province_admin, day=meeting.days.get(), present=[stranger.pk])

    assert Attendance.objects.count() == 0


# --- reminders ------------------------------------------------------------------------------------------------------


def test_reminders_go_to_the_owner_organisations_users_once(
    board_province, board_banjarmasin, board_member, lks, operator, province_admin
):
    meeting = MeetingFactory(organiser=board_province)
    today = datetime.date(2025, 4, 1)
    due = ActionItemFactory(meeting=meeting, owner=lks, due_on=datetime.date(2025, 4, 3))
    overdue = ActionItemFactory(meeting=meeting, owner=board_banjarmasin, due_on=datetime.date(2025, 3, 20))
    ActionItemFactory(meeting=meeting, owner=lks, due_on=datetime.date(2025, 4, 10))  # not yet
    ActionItemFactory(meeting=meeting, owner=lks, due_on=datetime.date(2025, 3, 1), status=ActionStatus.DONE)

    first = services.meetings_reminders(today=today)
    second = services.meetings_reminders(today=today)

    assert (first, second) == (2, 0)
    assert list(Notification.objects.filter(kind="meetings.action_due").values_list("recipient", flat=True)) == [
        operator.pk
    ]
    assert list(Notification.objects.filter(kind="meetings.action_overdue").values_list("recipient", flat=True)) == [
        board_member.pk
    ]
    assert due.description in Notification.objects.get(kind="meetings.action_due").body
    assert overdue.description in Notification.objects.get(kind="meetings.action_overdue").body


def test_reminders_and_invitations_are_written_in_each_users_language(board_province, lks, operator, province_admin):
    operator.preferred_language = "en"
    operator.save(update_fields=["preferred_language"])
    meeting = MeetingFactory(organiser=board_province, title="Rakor Contoh")
    ActionItemFactory(meeting=meeting, owner=lks, due_on=datetime.date(2025, 4, 3))
    ParticipantFactory(meeting=meeting, name="Operator", email=operator.email, user=operator)

    services.meetings_reminders(today=datetime.date(2025, 4, 1))
    services.meeting_invitations_send(actor=province_admin, meeting=meeting)

    due = Notification.objects.get(kind="meetings.action_due", recipient=operator)
    # the date as English pages write it (2025-04-03), not 03-04-2025, which an English reader may take for 4 March
    assert due.title == "Meeting follow-up action due 2025-04-03" and due.body.endswith("2 days left."), due.body
    invitation = Notification.objects.get(kind="meetings.invitation", recipient=operator)
    assert invitation.title == "Meeting invitation: Rakor Contoh"
    assert ", 2025-03-10, " in invitation.body, invitation.body


def test_overdue_reminder_repeats_weekly_not_daily(board_province, lks, operator):
    ActionItemFactory(meeting=MeetingFactory(organiser=board_province), owner=lks, due_on=datetime.date(2025, 3, 20))

    sent = [
        services.meetings_reminders(today=datetime.date(2025, 3, 21) + datetime.timedelta(days=n)) for n in range(8)
    ]

    assert sent == [1, 0, 0, 0, 0, 0, 1, 0]


def test_province_board_items_remind_the_province_admins(board_province, province_admin, board_member):
    ActionItemFactory(
        meeting=MeetingFactory(organiser=board_province), owner=board_province, due_on=datetime.date(2025, 4, 2)
    )

    services.meetings_reminders(today=datetime.date(2025, 4, 1))

    assert list(Notification.objects.values_list("recipient", flat=True)) == [province_admin.pk]


def test_inactive_owner_users_are_not_reminded(board_province, lks):
    user = user_with_role(Role.LKS_OPERATOR, organisation=lks, is_active=False)
    ActionItemFactory(meeting=MeetingFactory(organiser=board_province), owner=lks, due_on=datetime.date(2025, 4, 2))

    assert services.meetings_reminders(today=datetime.date(2025, 4, 1)) == 0
    assert not Notification.objects.filter(recipient=user).exists()


def test_saving_minutes_and_removing_a_participant_record_the_address_they_came_from(province_admin, board_province):
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    request.user = province_admin
    meeting = MeetingFactory(organiser=board_province)

    services.minutes_save(actor=province_admin, meeting=meeting, text="Notulen", request=request)
    participant = services.participant_add(
        actor=province_admin, meeting=meeting, name="Peserta Contoh", organisation=board_province, request=request
    )
    services.participant_remove(actor=province_admin, participant=participant, request=request)

    recorded = dict(AuditEvent.objects.filter(action__startswith="meetings.").values_list("action", "ip_address"))
    assert recorded == {
        "meetings.minutes.saved": "203.0.113.7",
        "meetings.participant.added": "203.0.113.7",
        "meetings.participant.removed": "203.0.113.7",
    }
