"""The change history on the LKS and worker pages reads in words, as a board member or operator would say it."""

import datetime
import html

import pytest
from django.urls import reverse
from django.utils import timezone

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.audit.services import audit_record
from sinergi.organisations import services as organisations
from sinergi.organisations.choices import CareSetting, OrganisationKind
from sinergi.organisations.tests.factories import BoardFactory, lks_kind
from sinergi.people.access import SESSION_KEY
from sinergi.people.models import Worker
from sinergi.people.tests.factories import people_world, psks
from sinergi.regions.models import Region

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return html.unescape(response.content.decode())


def test_the_lks_history_names_actions_fields_values_and_people(client):
    # given an LKS registered, verified and printed by a kabupaten board member
    board = user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.bjm", full_name="Rina Pengurus")
    lks = organisations.organisation_create(
        actor=board,
        data={
            "kind": OrganisationKind.LKS,
            "name": "LKSA Riwayat Uji",
            "primary_service_kind": lks_kind("anak"),
            "care_setting": CareSetting.RESIDENTIAL,
            "region": Region.objects.get(pk="63.71.01.1002"),
            "capacity": 20,
        },
    )
    lks = organisations.organisation_verify(organisation=lks, actor=board)
    audit_record(
        actor=board, action="organisations.organisation.exported", obj=lks, data={"format": "pdf", "report": "profile"}
    )
    client.force_login(board)

    page = _text(client.get(f"/organisations/{lks.pk}/"))

    history = page.split("Riwayat perubahan", 1)[1]
    assert "Didaftarkan" in history and "Diverifikasi" in history and "Diekspor" in history
    assert "Rina Pengurus" in history
    assert "<strong>status</strong>: Draf → Terverifikasi" in history
    assert "<strong>diverifikasi oleh</strong>: — → Rina Pengurus" in history
    verified_at = timezone.localtime(lks.verified_at)
    assert f"<strong>diverifikasi pada</strong>: — → {verified_at.day} " in history
    assert f"{verified_at:%H.%M}" in history
    assert "<strong>bentuk layanan</strong>: — → Dalam panti" in history
    assert "<strong>berbadan hukum</strong>: — → Tidak" in history
    assert "<strong>wilayah</strong>: — → Kelayan Selatan" in history
    assert "province code" not in history  # derived from the region, already named
    assert "Format: PDF" in history and "Laporan: profil LKS" in history
    for code in ("organisations.organisation.", "verified_by_id", "+00:00", "→ residential", "→ lks<", "format: pdf"):
        assert code not in history


def test_the_worker_history_names_actions_and_choices(client):
    world = people_world()
    client.force_login(world.operator)
    session = client.session
    session[SESSION_KEY] = "service"
    session.save()
    client.post(
        "/people/workers/new/",
        {
            "organisation": world.lks.pk,
            "full_name": "Pengasuh Riwayat Contoh",
            "sex": "P",
            "psks_category": psks("psm").pk,
            "role": "pengasuh",
            "works_with_children": "on",
            "background_check_on": "2025-01-10",
            "background_check_result": "clear",
        },
    )
    worker = Worker.objects.get(full_name="Pengasuh Riwayat Contoh")

    page = _text(client.get(f"/people/workers/{worker.pk}/"))

    history = page.split("Riwayat perubahan", 1)[1]
    assert "Didaftarkan" in history and "people.worker.created" not in history
    assert "<strong>jenis kelamin</strong>: — → Perempuan" in history
    assert "<strong>peran</strong>: — → Pengasuh" in history
    assert "<strong>bekerja dengan anak</strong>: — → Ya" in history
    assert f"<strong>kategori PSKS</strong>: — → {psks('psm').label_id}" in history
    assert (
        f"<strong>tanggal pemeriksaan latar belakang</strong>: — → 10 Januari {datetime.date(2025, 1, 10).year}"
        in history
    )


def test_the_board_history_names_officer_positions_and_keeps_the_page_title_plain(client):
    board = BoardFactory(region_id="63.71")
    member = user_with_role(Role.REGENCY_BOARD, region_code="63.71")
    data = {"officer": "Lina Contoh", "position": "ketua", "term": "LKKKS 2023–2028"}
    audit_record(actor=member, action="organisations.board_officer.added", obj=board, data=data)
    client.force_login(member)

    page = _text(client.get(reverse("organisations:board_detail", args=[board.pk])))

    assert f"<title>{board.name} · Sinergi</title>" in page
    history = page.split("Riwayat perubahan", 1)[1]
    assert "Pengurus ditambahkan" in history
    assert "Pengurus: Lina Contoh" in history and "Jabatan: Ketua" in history


def test_an_intake_change_reads_in_words_on_the_lks_page():
    from sinergi.audit.display import audit_history
    from sinergi.audit.models import AuditEvent
    from sinergi.organisations.tests.factories import OrganisationFactory

    lks = OrganisationFactory(name="LKSA Putri Contoh")
    AuditEvent.objects.create(
        action="referrals.intake.changed",
        object_type="organisations.organisation",
        object_id=str(lks.pk),
        changes={"sex": ["", "P"], "min_age": [None, 6]},
    )
    from sinergi.organisations.views import HISTORY_CHOICES, HISTORY_LABELS

    [entry] = audit_history(AuditEvent.objects.all(), labels=HISTORY_LABELS, choices=HISTORY_CHOICES)
    assert entry.action == "Ketentuan penerimaan diubah"
    assert sorted((row.label, row.new) for row in entry.changes) == [
        ("jenis kelamin yang diterima", "Hanya perempuan"),
        ("usia minimal", "6"),
    ]
