"""Demo meetings: the Rakor LKKKS Kalimantan Selatan of 20–21 February 2023 and one upcoming board meeting.

Everything is synthetic and says so: every participant's name ends in "Contoh", addresses are @contoh.test. The
Rakor goes through the real services (so its audit trail, carry-over and statuses are what the app would make);
only what a demo cannot do on a 2023 date is set directly: invitations are marked sent without e-mailing anyone,
and completion dates are put back in 2023.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from sinergi.accounts.models import User
from sinergi.meetings import services
from sinergi.meetings.choices import ActionStatus, MeetingKind, MeetingStatus, ParticipantRole, Rsvp
from sinergi.meetings.models import ActionItem, Meeting, Participant
from sinergi.organisations.choices import OrganisationKind, OrganisationStatus
from sinergi.organisations.models import Organisation

PROVINCE = "63"
RAKOR_TITLE = "Rakor LKKKS Kalimantan Selatan 2023"
RAKOR_DAYS = (datetime.date(2023, 2, 20), datetime.date(2023, 2, 21))
PARTICIPANTS = 57
FIRST = ["Ahmad", "Siti", "Muhammad", "Nur", "Rahmat", "Dewi", "Budi", "Fitri", "Hendra", "Rina", "Yusuf", "Lina"]
MIDDLE = ["Aditya", "Ramadhan", "Hidayat", "Saputra", "Lestari", "Anggraini", "Maulana", "Kurnia", "Permata", "Fauzi"]
DECISIONS = [
    "Setiap LKSA memperbarui data anak asuh, pengasuh dan izin operasionalnya paling lambat akhir Juni 2023.",
    "LKKKS kabupaten/kota mendampingi LKSA di wilayahnya dalam pengajuan akreditasi dan perpanjangan izin.",
    "Anak asuh yang belum memiliki NIK didata dan diusulkan perekamannya ke Dinas Dukcapil melalui LKKKS.",
]
MINUTES = """Rapat Koordinasi LKKKS Provinsi Kalimantan Selatan (data contoh)

Hari pertama, 20 Februari 2023
1. Pembukaan oleh Ketua LKKKS Provinsi Kalimantan Selatan.
2. Paparan Dinas Sosial Provinsi: jumlah LKS aktif 154 (140 LKSA, 4 lanjut usia, 7 disabilitas, 3 NAPZA).
3. Diskusi kelompok per kabupaten/kota tentang pendataan anak asuh dan izin operasional.

Hari kedua, 21 Februari 2023
4. Laporan kelompok dan kesepakatan tindak lanjut.
5. Penutupan.

Keputusan dan tindak lanjut tercatat terpisah dan dipantau di Sinergi.
"""


def demo_meetings_loaded() -> bool:
    return Meeting.objects.filter(title=RAKOR_TITLE).exists()


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(MIDDLE)} Contoh"


@transaction.atomic
def load_demo_meetings(*, seed: int = 2023) -> dict[str, int]:
    """Loads the 2023 Rakor (57 participants, attendance on both days, minutes, 3 decisions, 5 action items) and an
    upcoming board meeting. Needs `load_demo` first (boards, LKS, users); refuses to run twice."""
    if demo_meetings_loaded():
        raise RuntimeError("Demo meetings are already loaded.")
    rng = random.Random(seed)
    admin = User.objects.get(username="admin.provinsi")
    boards = {
        b.regency_code or b.province_code: b
        for b in Organisation.objects.filter(kind=OrganisationKind.LKKKS, province_code=PROVINCE)
    }
    province_board = boards[PROVINCE]
    regency_boards = [boards[code] for code in sorted(boards) if code != PROVINCE]
    lksa = list(
        Organisation.objects.filter(
            kind=OrganisationKind.LKS,
            province_code=PROVINCE,
            status=OrganisationStatus.ACTIVE,
            primary_service_kind__code="anak",
        ).order_by("regency_code", "pk")
    )
    nine, four = datetime.time(8, 30), datetime.time(16, 0)
    rakor = services.meeting_create(
        actor=admin,
        organiser=province_board,
        kind=MeetingKind.RAKOR,
        title=RAKOR_TITLE,
        days=[services.DaySpec(date=d, starts_at=nine, ends_at=four) for d in RAKOR_DAYS],
        venue="Aula Dinas Sosial Provinsi Kalimantan Selatan, Banjarbaru (contoh)",
        description="Rapat koordinasi tahunan LKKKS se-Kalimantan Selatan (data contoh).",
    )
    for title, presenter in [
        ("Pembukaan", "Ketua LKKKS Provinsi"),
        ("Paparan kondisi LKS Kalimantan Selatan", "Dinas Sosial Provinsi"),
        ("Diskusi kelompok per kabupaten/kota", "Pengurus LKKKS kabupaten/kota"),
        ("Laporan kelompok dan kesepakatan tindak lanjut", "Sekretaris LKKKS Provinsi"),
        ("Penutupan", "Ketua LKKKS Provinsi"),
    ]:
        services.agenda_item_add(actor=admin, meeting=rakor, title=title, presenter=presenter)

    participants = _rakor_participants(
        rng, admin=admin, meeting=rakor, province_board=province_board, regency_boards=regency_boards, lksa=lksa
    )
    # Invitations are marked sent without mailing anyone: a demo must not send e-mail.
    Participant.objects.filter(meeting=rakor).update(invited_at=timezone.make_aware(datetime.datetime(2023, 2, 6, 9)))
    Meeting.objects.filter(pk=rakor.pk).update(status=MeetingStatus.INVITED)
    rakor.refresh_from_db()
    declined = set(rng.sample(range(len(participants)), 3))
    for index, participant in enumerate(participants):
        services.participant_rsvp(participant=participant, answer=Rsvp.DECLINED if index in declined else Rsvp.ACCEPTED)
    services.meeting_transition(actor=admin, meeting=rakor, to_status=MeetingStatus.HELD)

    came = [p for i, p in enumerate(participants) if i not in declined]  # 54
    left_early = set(rng.sample(range(len(came)), 4))
    first_day, second_day = rakor.days.all()
    services.attendance_record(actor=admin, day=first_day, present=[p.pk for p in came])
    services.attendance_record(
        actor=admin, day=second_day, present=[p.pk for i, p in enumerate(came) if i not in left_early]
    )

    services.minutes_save(actor=admin, meeting=rakor, text=MINUTES)
    services.minutes_approve(actor=admin, meeting=rakor)
    decisions = [services.decision_add(actor=admin, meeting=rakor, text=text) for text in DECISIONS]
    items = _rakor_action_items(admin=admin, meeting=rakor, decisions=decisions, boards=boards, lksa=lksa)
    services.meeting_transition(actor=admin, meeting=rakor, to_status=MeetingStatus.CLOSED)
    # Closed some weeks after it was held, as it would have been: its invitees' links have long ended.
    Meeting.objects.filter(pk=rakor.pk).update(closed_at=timezone.make_aware(datetime.datetime(2023, 3, 31, 10)))

    upcoming = _upcoming_board_meeting(rng, admin=admin, province_board=province_board)
    return {
        "meetings": 2,
        "participants": len(participants),
        "action_items": len(items),
        "carried": upcoming.action_reviews.count(),
    }


def _rakor_participants(rng, *, admin, meeting, province_board, regency_boards, lksa) -> list[Participant]:
    """57 people: 5 of the provincial board, 2 of each kabupaten/kota board, the rest one per LKSA."""
    people: list[dict] = []
    officers = [
        (ParticipantRole.CHAIR, "Ketua"),
        (ParticipantRole.SECRETARY, "Sekretaris"),
        (ParticipantRole.PARTICIPANT, "Bendahara"),
        (ParticipantRole.PARTICIPANT, "Ketua Bidang"),
        (ParticipantRole.PARTICIPANT, "Staf Sekretariat"),
    ]
    for role, _position in officers:
        people.append({"organisation": province_board, "role": role})
    banjarmasin_user = User.objects.filter(username="pengurus.banjarmasin").first()
    for board in regency_boards:
        for seat in range(2):
            user = banjarmasin_user if board.regency_code == "63.71" and seat == 0 else None
            people.append({"organisation": board, "role": ParticipantRole.PARTICIPANT, "user": user})
    remaining = 57 - len(people)
    for organisation in rng.sample(lksa, remaining):
        people.append({"organisation": organisation, "role": ParticipantRole.PARTICIPANT})
    created = []
    for number, person in enumerate(people, start=1):
        user = person.get("user")
        name = user.full_name if user else _name(rng)
        created.append(
            services.participant_add(
                actor=admin,
                meeting=meeting,
                name=name,
                email=user.email if user else f"peserta.rakor{number:02d}@contoh.test",
                phone=f"0812-0000-{number:04d}",
                organisation=person["organisation"],
                user=user,
                role=person["role"],
            )
        )
    return created


def _rakor_action_items(*, admin, meeting, decisions, boards, lksa) -> list[ActionItem]:
    """Five follow-ups: three done in 2023, one still in progress, one overdue (LKKKS Kota Banjarmasin)."""
    today = timezone.localdate()
    banjarmasin_lksa = next(o for o in lksa if o.regency_code == "63.71")
    banjar_lksa = next((o for o in lksa if o.regency_code == "63.03"), lksa[0])
    plan = [
        (
            decisions[1],
            boards["63.03"],
            "Mengoordinasikan pengajuan akreditasi LKSA di Kabupaten Banjar.",
            datetime.date(2023, 8, 31),
            ActionStatus.DONE,
            datetime.date(2023, 8, 15),
        ),
        (
            decisions[2],
            boards["63.71"],
            "Menghimpun data anak asuh LKSA se-Kota Banjarmasin yang belum ber-NIK dan mengusulkannya ke Dukcapil.",
            datetime.date(2023, 6, 30),
            ActionStatus.OPEN,
            None,
        ),
        (
            decisions[0],
            banjarmasin_lksa,
            "Memperbarui izin operasional yang berakhir tahun 2023.",
            datetime.date(2023, 6, 30),
            ActionStatus.DONE,
            datetime.date(2023, 5, 22),
        ),
        (
            decisions[0],
            banjar_lksa,
            "Menyampaikan data anak asuh dan pengasuh terbaru ke LKKKS Kabupaten Banjar.",
            datetime.date(2023, 6, 30),
            ActionStatus.DONE,
            datetime.date(2023, 6, 12),
        ),
        (
            decisions[1],
            boards["63.08"],
            "Pendataan ulang LKSA Kabupaten Hulu Sungai Utara secara bertahap.",
            today + datetime.timedelta(days=30),
            ActionStatus.IN_PROGRESS,
            None,
        ),
    ]
    items = []
    for decision, owner, description, due_on, status, done_on in plan:
        item = services.action_item_create(
            actor=admin, meeting=meeting, description=description, owner=owner, due_on=due_on, decision=decision
        )
        if status != ActionStatus.OPEN:
            item = services.action_item_transition(actor=admin, item=item, to_status=status)
        if done_on:
            # Completed in 2023, not on the day the demo was loaded.
            ActionItem.objects.filter(pk=item.pk).update(done_on=done_on)
        items.append(item)
    return items


def _upcoming_board_meeting(rng, *, admin, province_board) -> Meeting:
    """A board meeting in two weeks; the Rakor's unfinished follow-ups land on its review list."""
    start = timezone.localdate() + datetime.timedelta(days=14)
    meeting = services.meeting_create(
        actor=admin,
        organiser=province_board,
        kind=MeetingKind.BOARD,
        title="Rapat Pengurus LKKKS Provinsi Kalimantan Selatan",
        days=[services.DaySpec(date=start, starts_at=datetime.time(9, 0), ends_at=datetime.time(12, 0))],
        venue="Sekretariat LKKKS Provinsi Kalimantan Selatan (contoh)",
        online_link="https://rapat.contoh.test/lkkks-kalsel",
    )
    for title in ("Pembukaan", "Tinjauan tindak lanjut Rakor 2023", "Program kerja pengurus", "Lain-lain"):
        services.agenda_item_add(actor=admin, meeting=meeting, title=title)
    services.participant_add(
        actor=admin,
        meeting=meeting,
        name=admin.full_name,
        email=admin.email,
        organisation=province_board,
        user=admin,
        role=ParticipantRole.SECRETARY,
    )
    for number, role in enumerate([ParticipantRole.CHAIR, ParticipantRole.PARTICIPANT, ParticipantRole.PARTICIPANT]):
        services.participant_add(
            actor=admin,
            meeting=meeting,
            name=_name(rng),
            email=f"pengurus.provinsi{number + 1}@contoh.test",
            organisation=province_board,
            role=role,
        )
    return meeting
