import datetime

import pytest
from django.test import Client
from django.utils import timezone

from sinergi.audit.models import AuditEvent
from sinergi.core.testing import otp_login, pdf_objects

from ..choices import ActionStatus, CheckInMethod, MeetingStatus, Rsvp
from ..models import Attendance, Meeting, Participant
from .factories import ActionItemFactory, MeetingFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, province_admin):
    otp_login(client, province_admin)
    return client


def today_meeting(organiser, **fields):
    today = timezone.localdate()
    return MeetingFactory(organiser=organiser, starts_on=today, ends_on=today + datetime.timedelta(days=1), **fields)


def test_province_admin_creates_a_meeting_through_the_form(admin_client, board_province):
    response = admin_client.post(
        "/meetings/new/",
        {
            "organiser": board_province.pk,
            "kind": "rakor",
            "title": "Rakor Uji",
            "first_day": "2025-03-10",
            "last_day": "2025-03-11",
            "starts_at": "09:00",
            "ends_at": "16:00",
            "venue": "Aula",
        },
    )

    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/meetings/{meeting.pk}/"
    assert [d.date.day for d in meeting.days.all()] == [10, 11]


def test_the_form_says_which_clock_the_hours_are_on(admin_client, board_province):
    page = admin_client.get("/meetings/new/").content.decode()

    assert "Jam menurut zona waktu di bawah; undangan menyebut zonanya (WIB, WITA, atau WIT)." in page
    assert '<option value="" selected>Zona provinsi penyelenggara</option>' in page


def test_a_meeting_held_in_another_zone_keeps_its_hours_on_that_zones_clock(admin_client, board_province):
    # Kalsel's board holds a Rakor in Jakarta: 09:00 there is 09:00 WIB, which invitees in Banjarmasin must not read
    # as 09:00 WITA
    fields = {"organiser": board_province.pk, "kind": "rakor", "title": "Rakor di Jakarta", "first_day": "2025-03-10"}
    fields |= {"starts_at": "09:00", "ends_at": "16:00", "venue": "Jakarta", "time_zone": "Asia/Jakarta"}

    response = admin_client.post("/meetings/new/", fields)

    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert meeting.days.get().hours == "09:00–16:00 WIB"
    edit_page = admin_client.get(f"/meetings/{meeting.pk}/edit/").content.decode()
    assert '<option value="Asia/Jakarta" selected>WIB (UTC+7)</option>' in edit_page
    # ... and back on the organiser's clock when the choice is emptied
    fields |= {"time_zone": ""}
    assert admin_client.post(f"/meetings/{meeting.pk}/edit/", fields).status_code == 302
    meeting.refresh_from_db()
    assert meeting.days.get().hours == "09:00–16:00 WITA"


def test_form_refuses_a_meeting_without_place_and_saves_nothing(admin_client, board_province):
    response = admin_client.post(
        "/meetings/new/",
        {
            "organiser": board_province.pk,
            "kind": "rakor",
            "title": "Rakor",
            "first_day": "2025-03-11",
            "last_day": "2025-03-10",
            "starts_at": "09:00",
            "ends_at": "16:00",
        },
    )

    assert response.status_code == 400
    assert "Tanggal selesai tidak boleh sebelum tanggal mulai." in response.content.decode()
    assert Meeting.objects.count() == 0


def test_lks_operator_may_not_open_the_create_page(client, operator):
    client.force_login(operator)

    assert client.get("/meetings/new/").status_code == 403


def test_detail_is_404_outside_scope_and_shows_organiser_tools_inside(
    admin_client, board_province, board_member_elsewhere
):
    meeting = MeetingFactory(organiser=board_province)
    other = Client()
    other.force_login(board_member_elsewhere)

    assert other.get(f"/meetings/{meeting.pk}/").status_code == 404
    page = admin_client.get(f"/meetings/{meeting.pk}/")
    assert page.status_code == 200
    assert "Tambah peserta" in page.content.decode()


def test_invited_user_sees_the_meeting_without_contacts_or_tools(client, board_province, board_member):
    meeting = MeetingFactory(organiser=board_province)
    ParticipantFactory(meeting=meeting, user=board_member, name="Saya Contoh")
    ParticipantFactory(meeting=meeting, email="rahasia@contoh.test")
    client.force_login(board_member)

    body = client.get(f"/meetings/{meeting.pk}/").content.decode()

    assert "Undangan saya" in body
    assert "rahasia@contoh.test" not in body
    assert "Tambah peserta" not in body


def test_an_invitee_is_not_sent_to_their_invitation_once_its_link_has_ended(client, board_province, board_member):
    # A meeting closed long ago (the demo's Rakor of 2023): its invitation page only says the link has ended
    meeting = MeetingFactory(
        organiser=board_province,
        status=MeetingStatus.CLOSED,
        closed_at=timezone.now() - datetime.timedelta(days=400),
    )
    participant = ParticipantFactory(meeting=meeting, user=board_member, name="Saya Contoh")
    client.force_login(board_member)

    body = client.get(f"/meetings/{meeting.pk}/").content.decode()

    assert client.get(f"/meetings/rsvp/{participant.token}/").status_code == 410
    assert "Undangan saya" not in body and participant.token not in body


def test_change_by_a_viewer_is_refused_with_a_message(client, dinsos, board_province):
    meeting = MeetingFactory(organiser=board_province)
    client.force_login(dinsos)

    response = client.post(f"/meetings/{meeting.pk}/agenda/", {"title": "Pembukaan"}, follow=True)

    assert "Anda tidak berwenang mengubah rapat ini." in response.content.decode()
    assert meeting.agenda_items.count() == 0


def test_organiser_adds_agenda_participant_decision_and_action_item(admin_client, board_province, lks):
    meeting = MeetingFactory(organiser=board_province)
    base = f"/meetings/{meeting.pk}"

    admin_client.post(f"{base}/agenda/", {"title": "Pembukaan", "presenter": "Ketua"})
    admin_client.post(
        f"{base}/participant/", {"name": "Budi Contoh", "email": "budi@contoh.test", "role": "participant"}
    )
    admin_client.post(f"{base}/decision/", {"text": "Pendataan LKS diperbarui."})
    decision = meeting.decisions.get()
    admin_client.post(
        f"{base}/action-item/",
        {"description": "Kirim data", "owner": lks.pk, "due_on": "2025-04-01", "decision": decision.pk},
    )

    assert list(meeting.agenda_items.values_list("order", "title")) == [(1, "Pembukaan")]
    assert list(meeting.participants.values_list("name", "email")) == [("Budi Contoh", "budi@contoh.test")]
    assert list(meeting.action_items.values_list("description", "owner", "decision")) == [
        ("Kirim data", lks.pk, decision.pk)
    ]


@pytest.mark.parametrize("posted", ["7\x00'\"<>", "²", "99999999999999999999999"])
def test_a_change_naming_its_row_by_a_value_that_is_no_id_is_not_found_and_changes_nothing(
    admin_client, board_province, posted
):
    # A hidden field tampered with or mangled on the way: the lookup raised (an error page, 500)
    meeting = MeetingFactory(organiser=board_province)
    base = f"/meetings/{meeting.pk}"
    admin_client.post(f"{base}/agenda/", {"title": "Pembukaan"})
    ParticipantFactory(meeting=meeting, name="Budi Contoh")

    answers = [
        admin_client.post(f"{base}/{what}/", {field: posted}).status_code
        for what, field in (("agenda-remove", "item"), ("participant-remove", "participant"), ("review", "review"))
    ]

    assert answers == [404, 404, 404]
    assert (meeting.agenda_items.count(), meeting.participants.count()) == (1, 1)


def test_rsvp_page_with_a_wrong_token_is_404(client):
    assert client.get("/meetings/rsvp/bukan-token/").status_code == 404


def test_rsvp_page_shows_a_qr_code_per_day_and_takes_the_answer(client, board_province):
    participant = ParticipantFactory(meeting=today_meeting(board_province))

    page = client.get(f"/meetings/rsvp/{participant.token}/").content.decode()
    response = client.post(f"/meetings/rsvp/{participant.token}/", {"answer": "accepted"})

    assert page.count("<svg") == 2
    assert f"/meetings/checkin/{participant.token}/{timezone.localdate().isoformat()}/" in page
    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.rsvp == Rsvp.ACCEPTED


def test_self_check_in_today_then_already_recorded(client, board_province):
    participant = ParticipantFactory(meeting=today_meeting(board_province))
    url = f"/meetings/checkin/{participant.token}/{timezone.localdate().isoformat()}/"

    page = client.get(url).content.decode()
    recorded = client.post(url).content.decode()
    second = client.get(url).content.decode()

    assert "Catat kehadiran saya" in page
    assert "Kehadiran Anda tercatat pukul" in recorded
    assert "sudah tercatat" in second
    assert list(Attendance.objects.values_list("participant", "method")) == [(participant.pk, CheckInMethod.SELF)]


def test_check_in_on_another_day_of_the_meeting_is_refused_with_a_message(client, board_province):
    participant = ParticipantFactory(meeting=today_meeting(board_province))
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()

    response = client.post(f"/meetings/checkin/{participant.token}/{tomorrow}/")

    assert response.status_code == 400
    assert "Presensi mandiri hanya dapat dilakukan pada hari rapat" in response.content.decode()
    assert Attendance.objects.count() == 0


def test_check_in_with_a_wrong_token_or_a_day_outside_the_meeting_is_404(client, board_province):
    participant = ParticipantFactory(meeting=today_meeting(board_province))
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()

    assert client.post(f"/meetings/checkin/salah/{timezone.localdate().isoformat()}/").status_code == 404
    assert client.post(f"/meetings/checkin/{participant.token}/{yesterday}/").status_code == 404
    assert client.post(f"/meetings/checkin/{participant.token}/bukan-tanggal/").status_code == 404
    assert Attendance.objects.count() == 0


def test_attendance_checklist(admin_client, board_province):
    meeting = MeetingFactory(organiser=board_province)
    a, b = ParticipantFactory.create_batch(2, meeting=meeting)
    url = f"/meetings/{meeting.pk}/attendance/{meeting.starts_on.isoformat()}/"

    admin_client.post(url, {"present": [a.pk]})
    page = admin_client.get(url).content.decode()

    assert list(Attendance.objects.values_list("participant", "method")) == [(a.pk, CheckInMethod.ORGANISER)]
    assert "1 dari 2 peserta hadir." in page


def test_pdfs_are_a4_documents(admin_client, board_province, lks):
    meeting = MeetingFactory(organiser=board_province)
    ParticipantFactory(meeting=meeting)
    ActionItemFactory(meeting=meeting, owner=lks)

    attendance = admin_client.get(f"/meetings/{meeting.pk}/attendance.pdf")
    minutes = admin_client.get(f"/meetings/{meeting.pk}/minutes.pdf")

    for response in (attendance, minutes):
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")
        # Tagged, as the exchange's reports are (a review of accessibility): a structure a screen reader follows
        assert b"/StructTreeRoot" in pdf_objects(response.content)


def test_attendance_pdf_is_not_for_owners_only(client, operator, lks, board_province):
    meeting = MeetingFactory(organiser=board_province)
    ActionItemFactory(meeting=meeting, owner=lks)
    client.force_login(operator)

    assert client.get(f"/meetings/{meeting.pk}/attendance.pdf").status_code == 404
    assert client.get(f"/meetings/{meeting.pk}/minutes.pdf").status_code == 200


def test_owner_sees_overdue_item_on_the_dashboard_and_closes_it(
    client, board_member, board_banjarmasin, board_province
):
    item = ActionItemFactory(
        meeting=MeetingFactory(organiser=board_province),
        owner=board_banjarmasin,
        description="Laporan triwulan dikirim",
        due_on=timezone.localdate() - datetime.timedelta(days=2),
    )
    client.force_login(board_member)

    dashboard = client.get("/statistics/").content.decode()
    actions = client.get("/meetings/actions/").content.decode()
    response = client.post(f"/meetings/actions/{item.pk}/status/", {"status": "done"})

    assert "Tindak lanjut rapat yang terlambat" in dashboard
    assert "Laporan triwulan dikirim" in dashboard
    assert "terlambat" in actions and "Tandai selesai" in actions
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == ActionStatus.DONE
    assert "Tindak lanjut rapat yang terlambat" not in client.get("/statistics/").content.decode()


def test_someone_else_cannot_close_the_item(client, board_member_elsewhere, board_banjarmasin, board_province):
    item = ActionItemFactory(meeting=MeetingFactory(organiser=board_province), owner=board_banjarmasin)
    client.force_login(board_member_elsewhere)

    assert client.post(f"/meetings/actions/{item.pk}/status/", {"status": "done"}).status_code == 404
    item.refresh_from_db()
    assert item.status == ActionStatus.OPEN


def test_send_invitations_from_the_page(admin_client, board_province, django_capture_on_commit_callbacks, mailoutbox):
    meeting = MeetingFactory(organiser=board_province)
    ParticipantFactory(meeting=meeting, email="a@contoh.test")

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/meetings/{meeting.pk}/send-invitations/")

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.INVITED
    assert [m.to for m in mailoutbox] == [["a@contoh.test"]]
    assert Participant.objects.filter(invited_at__isnull=False).count() == 1


def test_list_is_scoped_and_bounded_in_queries(
    client, board_member, board_banjarmasin, board_banjarbaru, django_assert_max_num_queries
):
    for n in range(5):
        MeetingFactory(organiser=board_banjarmasin, title=f"Rapat BJM {n}")
    MeetingFactory(organiser=board_banjarbaru, title="Rapat BJB")
    client.force_login(board_member)

    with django_assert_max_num_queries(12):
        body = client.get("/meetings/").content.decode()

    assert body.count("Rapat BJM") == 5
    assert "Rapat BJB" not in body


def test_anonymous_is_sent_to_login(client):
    assert client.get("/meetings/").status_code == 302


# --- the invitee's links (fifty-first review m6) -----------------------------------------------------------------


def test_the_invitees_pages_are_kept_by_no_browser_or_proxy(client, board_province):
    participant = ParticipantFactory(meeting=today_meeting(board_province))
    rsvp = f"/meetings/rsvp/{participant.token}/"
    checkin = f"/meetings/checkin/{participant.token}/{timezone.localdate().isoformat()}/"

    responses = [client.get(rsvp), client.post(rsvp, {"answer": "accepted"}), client.get(checkin), client.post(checkin)]

    for response in responses:
        assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}, response["Cache-Control"]


def closed_days_ago(meeting: Meeting, days: int) -> None:
    Meeting.objects.filter(pk=meeting.pk).update(
        status=MeetingStatus.CLOSED, closed_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_the_links_of_a_meeting_closed_long_ago_show_nothing_of_the_invitee(client, board_province):
    meeting = today_meeting(board_province, title="Rakor Lama")
    participant = ParticipantFactory(meeting=meeting, name="Siti Aminah")
    rsvp = f"/meetings/rsvp/{participant.token}/"
    checkin = f"/meetings/checkin/{participant.token}/{timezone.localdate().isoformat()}/"
    # Closed 29 days ago: the invitee may still look the meeting up
    closed_days_ago(meeting, 29)
    assert "Siti Aminah" in client.get(rsvp).content.decode()
    # Closed 31 days ago: the links say they are no longer valid, and nothing else
    closed_days_ago(meeting, 31)
    for response in (
        client.get(rsvp),
        client.post(rsvp, {"answer": "accepted"}),
        client.get(checkin),
        client.post(checkin),
    ):
        page = response.content.decode()
        assert response.status_code == 410
        assert "Tautan tidak berlaku lagi" in page
        assert "Siti Aminah" not in page and "Rakor Lama" not in page
        assert response["Cache-Control"] is not None and "no-store" in response["Cache-Control"]
    participant.refresh_from_db()
    assert participant.rsvp == Rsvp.PENDING
    assert Attendance.objects.count() == 0


def test_what_is_done_through_the_link_is_recorded_as_through_the_link(client, board_province, province_admin):
    participant = ParticipantFactory(meeting=today_meeting(board_province), user=province_admin)
    client.post(f"/meetings/rsvp/{participant.token}/", {"answer": "accepted"})
    client.post(f"/meetings/checkin/{participant.token}/{timezone.localdate().isoformat()}/")

    events = AuditEvent.objects.filter(action__in=["meetings.participant.rsvp", "meetings.attendance.self_checked_in"])
    assert sorted((e.action, e.data["via"]) for e in events) == [
        ("meetings.attendance.self_checked_in", "link"),
        ("meetings.participant.rsvp", "link"),
    ]
    # And the audit log says so in words
    otp_login(client, province_admin)
    log = client.get("/audit/").content.decode()
    assert log.count("Melalui: tautan undangan, tanpa masuk") == 2
