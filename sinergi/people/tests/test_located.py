"""Clients, stays and workers carry their LKS's province and kabupaten/kota codes (for scope and statistics): when
the LKS is moved, they move with it."""

import datetime

import pytest

from sinergi.organisations.services import organisation_update
from sinergi.people import selectors
from sinergi.people.choices import PlacementStatus
from sinergi.people.models import Person, Placement, Worker
from sinergi.people.summaries import summaries_rebuild
from sinergi.people.tests.factories import PlacementFactory, WorkerFactory, people_world
from sinergi.people.tests.test_services import summary_rows
from sinergi.regions.models import Region

pytestmark = pytest.mark.django_db


def test_clients_and_workers_follow_their_lks_to_another_kabupaten_kota():
    world = people_world()
    stay = PlacementFactory(person__organisation=world.lks, person__full_name="Budi Contoh")
    PlacementFactory(
        person__organisation=world.lks,
        status=PlacementStatus.DISCHARGED,
        discharged_on=datetime.date(2025, 3, 1),
        admitted_on=datetime.date(2024, 1, 5),
    )
    worker = WorkerFactory(organisation=world.lks, full_name="Rina Contoh")
    elsewhere = WorkerFactory(organisation=world.lks_same_regency)  # another LKS of the old kabupaten/kota stays
    summaries_rebuild()

    # when a province admin corrects the LKS's desa to one in Kota Banjarbaru
    world.lks.refresh_from_db()
    organisation_update(
        organisation=world.lks,
        actor=world.province_admin,
        data={"region": Region.objects.get(code="63.72.02.1003")},
        expected_version=world.lks.version,
    )

    # then its people are in Banjarbaru, for scope and for the counts
    assert set(Person.objects.filter(organisation=world.lks).values_list("regency_code", flat=True)) == {"63.72"}
    assert set(Placement.objects.filter(organisation=world.lks).values_list("regency_code", flat=True)) == {"63.72"}
    assert Worker.objects.get(pk=worker.pk).regency_code == "63.72"
    assert Worker.objects.get(pk=elsewhere.pk).regency_code == "63.71"
    assert selectors.person_list(actor=world.other_board, filters={}).qs.filter(pk=stay.person_id).exists()
    assert not selectors.person_list(actor=world.regency_board, filters={}).qs.filter(pk=stay.person_id).exists()
    assert selectors.worker_list(actor=world.other_board).qs.filter(pk=worker.pk).exists()
    kept = summary_rows()
    summaries_rebuild()
    assert summary_rows() == kept


def test_possible_duplicates_and_referrals_follow_the_lks_to_the_new_board():
    from sinergi.people.models import DuplicateCandidate
    from sinergi.people.tests.factories import PersonFactory
    from sinergi.referrals.models import Referral
    from sinergi.referrals.tests.factories import ReferralFactory

    world = people_world()
    stay = PlacementFactory(person__organisation=world.lks)
    twin = PersonFactory(organisation=world.lks_same_regency)
    candidate = DuplicateCandidate.objects.create(
        person=stay.person, other=twin, reason="close_match", province_code="63", regency_code="63.71"
    )
    sent = ReferralFactory(from_placement=stay, to_organisation=world.lks_same_regency)
    received = ReferralFactory(to_organisation=world.lks)

    world.lks.refresh_from_db()
    organisation_update(
        organisation=world.lks,
        actor=world.province_admin,
        data={"region": Region.objects.get(code="63.72.02.1003")},
        expected_version=world.lks.version,
    )

    candidate.refresh_from_db()
    assert candidate.regency_code == "63.72"  # the new board decides it, the old one no longer sees it
    assert Referral.objects.get(pk=sent.pk).from_regency_code == "63.72"
    assert Referral.objects.get(pk=sent.pk).to_regency_code == "63.71"  # the other end did not move
    assert Referral.objects.get(pk=received.pk).to_regency_code == "63.72"


@pytest.mark.parametrize("entity", ["clients", "workers"])
def test_an_import_whose_lks_moves_while_the_file_is_checked_is_refused_whole(tmp_path, monkeypatch, entity):
    from sinergi.exchange.columns import get_entity
    from sinergi.exchange.tests.conftest import run, xlsx_file
    from sinergi.organisations.models import Organisation

    world = people_world()
    spec = get_entity(entity)
    # (the clients import locks its LKS before its first batch, in before_write; the workers import in save)
    first_write = "before_write" if entity == "clients" else "save"
    checked_write = getattr(type(spec), first_write)

    def moved_meanwhile(self, plans, ctx):
        # Someone moves the LKS between the check of the file and its writing.
        Organisation.objects.filter(pk=world.lks.pk).update(province_code="63", regency_code="63.72")
        return checked_write(self, plans, ctx)

    monkeypatch.setattr(type(spec), first_write, moved_meanwhile)
    if entity == "clients":
        headers = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "Alasan NIK kosong", "Alasan KK kosong",
                   "Kategori PPKS", "Bentuk layanan", "Tanggal masuk", "Nama ibu kandung"]  # fmt: skip
        row = ["Budi Contoh", "L", datetime.date(2014, 8, 17), "not_yet_recorded", "not_yet_recorded",
               "anak_telantar", "Dalam panti (residensial)", datetime.date(2024, 1, 15), "Siti Contoh"]  # fmt: skip
        sheet = "Data penerima layanan"
    else:
        headers, row, sheet = (
            ["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran"],
            ["Rina", "P", "lks", "Pengasuh"],
            "Data pekerja",
        )

    result = run(xlsx_file(tmp_path, [headers, row], sheet=sheet), world.operator, entity=entity)

    assert result.status in ("failed", "refused"), result.status
    assert "dipindahkan ke wilayah lain selama impor berjalan" in result.message
    assert not Person.objects.exists() and not Worker.objects.exists()


def test_records_left_behind_by_an_earlier_move_are_brought_to_their_lks_by_the_resync_command():
    from io import StringIO

    from django.core.management import call_command

    world = people_world()
    stay = PlacementFactory(person__organisation=world.lks)
    worker = WorkerFactory(organisation=world.lks)
    summaries_rebuild()
    # The LKS was moved before records followed their LKS: its own codes changed, its records' did not
    from sinergi.organisations.models import Organisation

    Organisation.objects.filter(pk=world.lks.pk).update(province_code="63", regency_code="63.72")
    out = StringIO()

    call_command("resync_located_records", stdout=out)

    assert Person.objects.get(pk=stay.person_id).regency_code == "63.72"
    assert Worker.objects.get(pk=worker.pk).regency_code == "63.72"
    assert "di 1 LKS disamakan" in out.getvalue()
    kept = summary_rows()
    summaries_rebuild()
    assert summary_rows() == kept
    # and again: nothing left to do
    call_command("resync_located_records", stdout=(again := StringIO()))
    assert "Selesai: 0 data di 0 LKS" in again.getvalue()
