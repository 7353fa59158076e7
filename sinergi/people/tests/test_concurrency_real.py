"""Imports and services racing in real threads, each with its own connection (PostgreSQL; the thirty-ninth review).

Earlier reviews found races with stale objects in one thread; these run the job path (import_job_create /
import_job_run) and the services at the same moment, held at the step where the race matters, and check afterwards:
at most one active stay per person, no NIK active twice at one LKS, the summary tables equal a rebuild, and one import
audit event per job, with the counts it wrote.
"""

import contextlib
import datetime
import threading
import time
from collections import Counter

import pytest
from django.core.files import File
from django.db import OperationalError, connection

from sinergi.audit.models import AuditEvent
from sinergi.exchange.models import ImportJob
from sinergi.exchange.services import import_job_create, import_job_run
from sinergi.exchange.tests.conftest import xlsx_file
from sinergi.people.choices import ConsentGiver, PlacementStatus
from sinergi.people.exchange.clients import ClientsEntity
from sinergi.people.models import Consent, Person, Placement
from sinergi.people.nik import nik_compose
from sinergi.people.services import placements as placements_module
from sinergi.people.services.placements import placement_correct, placement_transfer
from sinergi.people.services.rights import person_erase
from sinergi.people.summaries import summaries_rebuild
from sinergi.people.tests.factories import PlacementFactory, people_world, ppks
from sinergi.people.tests.test_exchange import summary_rows
from sinergi.referrals import services as referral_services
from sinergi.referrals.choices import Shared, Urgency

pytestmark = [
    pytest.mark.transactional,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrency: PostgreSQL"),
]

HEADERS = [
    "Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "Alasan KK kosong", "Kategori PPKS", "Bentuk layanan",
    "Tanggal masuk", "Nama ibu kandung", "LKS", "Tanggal keluar", "Alasan keluar",
]  # fmt: skip
ADMITTED = datetime.date(2024, 1, 15)
HARAPAN, TETANGGA = "TD/HARAPAN/1", "TD/TETANGGA/1"


@pytest.fixture
def world():
    return concurrency_world()


def concurrency_world():
    """people_world, with the regions and vocabularies a transactional test must load itself (it starts from, and
    leaves, an empty database), and tanda daftar numbers for the LKS the files name."""
    from sinergi.regions.services import region_tree_load
    from sinergi.vocabularies.models import Term
    from sinergi.vocabularies.seed import seed_vocabularies

    region_tree_load(provinces=["63"])
    seed_vocabularies(Term)
    world = people_world()
    world.lks.registration_number = HARAPAN
    world.lks.save()
    world.lks_same_regency.registration_number = TETANGGA
    world.lks_same_regency.save()
    return world


def birth_of(i: int) -> datetime.date:
    return datetime.date(2012, 1, 1) + datetime.timedelta(days=i)


def child(i: int, lks: str = HARAPAN, *, left: datetime.date | None = None) -> list:
    nik = nik_compose(district_code="63.71.01", birth_date=birth_of(i), sex="L", serial=i)
    return [
        f"Anak {i} Contoh", "L", birth_of(i), nik, "unknown", "anak_telantar", "Dalam panti (residensial)", ADMITTED,
        f"Ibu {i} Contoh", lks, left, "returned_to_family" if left else None,
    ]  # fmt: skip


def make_job(tmp_path, rows, actor, *, name: str) -> ImportJob:
    path = xlsx_file(tmp_path, [HEADERS, *rows], name=name)
    with path.open("rb") as handle:
        return import_job_create(
            actor=actor, entity_key="clients", file=File(handle), original_name=name, dry_run=False, enqueue=False
        )


def run_now(job: ImportJob) -> ImportJob:
    job = import_job_run(job_id=job.pk)
    assert job.status == "succeeded", (job.status, job.message)
    return job


class InThread(threading.Thread):
    """Runs `work` in its own thread and connection; keeps what it returned or raised."""

    def __init__(self, work) -> None:
        super().__init__(daemon=True)
        self.work = work
        self.result = self.error = None

    def run(self) -> None:
        try:
            self.result = self.work()
        except BaseException as error:  # noqa: BLE001
            self.error = error
        finally:
            connection.close()

    def outcome(self) -> str:
        self.join(timeout=120)
        assert not self.is_alive()
        if isinstance(self.error, OperationalError):
            return f"{type(self.error).__name__} {getattr(self.error.__cause__, 'sqlstate', '')}"
        if self.error is not None:
            return f"{type(self.error).__name__}: {self.error}"
        return self.result.status if isinstance(self.result, ImportJob) else "done"


def beside(work, go: threading.Event) -> InThread:
    """Starts `work` in its own thread beside one held at a step (held_before/held_after), then lets the held one
    go on a second later: long enough for `work` to reach the lock it would wait for."""
    thread = InThread(work)
    thread.start()
    time.sleep(1.0)
    go.set()
    return thread


def broken_invariants(jobs=()) -> list[str]:
    broken = []
    active = Placement.objects.filter(status=PlacementStatus.ACTIVE)
    if twice := [p for p, n in Counter(active.values_list("person_id", flat=True)).items() if n > 1]:
        broken.append(f"people with two active stays: {twice}")
    per_nik = Counter(active.exclude(person__nik_hash="").values_list("organisation_id", "person__nik_hash"))
    if twice := [k for k, n in per_nik.items() if n > 1]:
        broken.append(f"NIK active twice at one LKS: {len(twice)}")
    kept = summary_rows()
    summaries_rebuild()
    if summary_rows() != kept:
        broken.append(f"summaries differ from a rebuild: kept {kept} rebuilt {summary_rows()}")
    for job in jobs:
        job.refresh_from_db()
        actions = list(
            AuditEvent.objects.filter(action__startswith="exchange.import.", object_id=str(job.pk)).values_list(
                "action", flat=True
            )
        )
        if actions != [f"exchange.import.{job.status}"]:
            broken.append(f"job {job.pk} is {job.status}, its import events {actions}")
    return broken


def recorded_twice(tmp_path, world):
    """One child recorded twice, a duplicate candidate: served at Harapan (its first file's row, already imported),
    and an earlier stay at Tetangga (left). Returns the candidate, the record served at Harapan and the other."""
    from sinergi.people.models import DuplicateCandidate

    run_now(make_job(tmp_path, [child(1, TETANGGA, left=datetime.date(2024, 1, 20))], world.province_admin,
                     name="b.xlsx"))  # fmt: skip
    served = Person.objects.get(organisation=world.lks)
    return DuplicateCandidate.objects.get(), served, Person.objects.exclude(pk=served.pk).get()


def held_before(monkeypatch, target, name: str, reached: threading.Event, go: threading.Event) -> None:
    """Makes `target.name` wait before it runs, until `go` (it sets `reached` first)."""
    original = getattr(target, name)

    def held(*args, **kwargs):
        reached.set()
        go.wait(timeout=30)
        return original(*args, **kwargs)

    monkeypatch.setattr(target, name, held)


def held_after(monkeypatch, target, name: str, reached: threading.Event, go: threading.Event) -> None:
    """Makes `target.name` stop after it has run, until `go` (it sets `reached` first)."""
    original = getattr(target, name)

    def held(*args, **kwargs):
        result = original(*args, **kwargs)
        reached.set()
        go.wait(timeout=30)
        return result

    monkeypatch.setattr(target, name, held)


def test_an_import_discharging_a_stay_corrected_meanwhile_is_refused_and_the_summaries_stay_right(
    tmp_path, world, monkeypatch
):
    run_now(make_job(tmp_path, [child(1)], world.province_admin, name="first.xlsx"))
    stay = Placement.objects.get()
    # The import has checked its row that discharges the stay (counted residential) and waits to save
    checked, go = threading.Event(), threading.Event()
    held_before(monkeypatch, ClientsEntity, "before_write", checked, go)  # (checked, about to write)
    job = make_job(tmp_path, [child(1, left=datetime.date(2024, 6, 1))], world.province_admin, name="keluar.xlsx")
    importing = InThread(lambda: import_job_run(job_id=job.pk))
    importing.start()
    assert checked.wait(timeout=30)
    # when a board member corrects the stay's form of service on its page
    placement_correct(
        actor=world.province_admin,
        placement=stay,
        data={"ppks_category": ppks("anak_telantar"), "setting": "community", "admitted_on": ADMITTED},
    )
    go.set()
    # then the import is refused (nothing saved), instead of taking the stay off a count it is no longer in
    assert importing.outcome() == "refused"
    assert "diubah orang lain selama impor berjalan" in ImportJob.objects.get(pk=job.pk).message
    assert Placement.objects.get().status == PlacementStatus.ACTIVE
    assert broken_invariants([job]) == []


def test_a_transfer_and_an_import_writing_at_both_lks_wait_for_each_other_without_a_deadlock(
    tmp_path, world, monkeypatch
):
    assert world.lks.pk < world.lks_same_regency.pk
    run_now(make_job(tmp_path, [child(1, TETANGGA)], world.province_admin, name="base.xlsx"))
    stay = Placement.objects.get()
    job = make_job(tmp_path, [child(2, HARAPAN), child(3, TETANGGA)], world.province_admin, name="dua.xlsx")
    # A transfer from Tetangga to Harapan has locked its stay
    locked, go = threading.Event(), threading.Event()
    held_after(monkeypatch, placements_module, "_locked_placement", locked, go)
    transfer = InThread(
        lambda: placement_transfer(
            actor=world.province_admin, placement=stay, to_organisation=world.lks, on=datetime.date(2024, 7, 1)
        )
    )
    transfer.start()
    assert locked.wait(timeout=30)
    # when an import writing new clients at both LKS starts, and the transfer goes on a second later
    importing = beside(lambda: import_job_run(job_id=job.pk), go)
    # then one waits for the other: neither is killed as a deadlock's victim (the import would say another import
    # was saving at its LKS, which none was)
    assert {"transfer": transfer.outcome(), "import": importing.outcome()} == {
        "transfer": "done",
        "import": "succeeded",
    }
    assert broken_invariants([job]) == []


def _referral(world, actor, person, from_lks, to_lks):
    return referral_services.referral_send(
        actor=actor,
        person=person,
        from_organisation=from_lks,
        data={
            "to_organisation": to_lks,
            "reason": "Butuh pengasuhan berbasis keluarga",
            "urgency": Urgency.URGENT,
            "consent_given_by": ConsentGiver.PARENT,
            "consent_giver_name": "Siti Ibu Contoh",
            "consent_given_on": datetime.date.today(),
            "share": {Shared.IDENTITY, Shared.CASE_SUMMARY},
            "case_summary": "Anak ditemukan telantar.",
        },
    )


def test_two_referrals_crossing_between_two_lks_accepted_at_once_are_both_accepted(world, monkeypatch):
    a, b = world.lks, world.lks_same_regency
    ani = PlacementFactory(person__organisation=a, organisation=a, person__full_name="Ani Silang").person
    budi = PlacementFactory(person__organisation=b, organisation=b, person__full_name="Budi Silang").person
    to_b = _referral(world, world.operator, ani, a, b)
    to_a = _referral(world, world.other_operator, budi, b, a)
    summaries_rebuild()  # (factories write no summaries)
    # Each accept, once it holds its stay, waits up to 3 s for the other to hold its own (they did, before the fix:
    # each stay's lock held its sending LKS, and each then wanted the other's)
    both = threading.Barrier(2, timeout=3)
    original = placements_module._locked_placement

    def locked_then_wait(actor, placement):
        current = original(actor, placement)
        with contextlib.suppress(threading.BrokenBarrierError):  # the other accept waits for this one's LKS: go on
            both.wait()
        return current

    monkeypatch.setattr(placements_module, "_locked_placement", locked_then_wait)
    accepts = [
        InThread(lambda: referral_services.referral_accept(actor=world.other_operator, referral=to_b)),
        InThread(lambda: referral_services.referral_accept(actor=world.operator, referral=to_a)),
    ]
    for accept in accepts:
        accept.start()
    assert [accept.outcome() for accept in accepts] == ["done", "done"]
    assert set(Placement.objects.filter(status=PlacementStatus.ACTIVE).values_list("person", "organisation")) == {
        (ani.pk, b.pk),
        (budi.pk, a.pk),
    }
    assert broken_invariants() == []


def test_a_consent_imported_for_a_client_erased_meanwhile_is_refused_and_writes_nothing_on_the_erased_record(
    tmp_path, world, monkeypatch
):
    left = datetime.date(2024, 3, 1)
    run_now(make_job(tmp_path, [child(4, left=left)], world.province_admin, name="base.xlsx"))
    person = Person.objects.get()
    # A file that adds the consent of a client who has left, checked and about to be saved
    headers = [*HEADERS, "Persetujuan oleh", "Nama pemberi persetujuan", "Tanggal persetujuan", "Dasar pemrosesan",
               "Cakupan persetujuan"]  # fmt: skip
    row = [*child(4, left=left), "Orang tua", "Siti Pemberi Contoh", ADMITTED, "Persetujuan",
           "Pelayanan dan pengasuhan di LKS"]  # fmt: skip
    path = xlsx_file(tmp_path, [headers, row], name="persetujuan.xlsx")
    with path.open("rb") as handle:
        job = import_job_create(actor=world.province_admin, entity_key="clients", file=File(handle),
                                original_name="persetujuan.xlsx", dry_run=False, enqueue=False)  # fmt: skip
    checked, go = threading.Event(), threading.Event()
    held_before(monkeypatch, ClientsEntity, "before_write", checked, go)  # (checked, about to write)
    importing = InThread(lambda: import_job_run(job_id=job.pk))
    importing.start()
    assert checked.wait(timeout=30)
    # when the administrator erases the client at their request meanwhile
    person_erase(actor=world.province_admin, person=person, reason="Permintaan yang bersangkutan", subject_asked=True)
    go.set()
    # then the import is refused, and the erased record gets no consent giver's name back
    assert importing.outcome() == "refused"
    assert "dihapus atau digabungkan dengan data lain selama impor berjalan" in ImportJob.objects.get(pk=job.pk).message
    assert not Consent.objects.filter(person=person).exists()
    assert broken_invariants([job]) == []


@pytest.mark.parametrize("moving", ["receiver", "sender"])
def test_a_referral_accepted_while_one_of_its_lks_is_moved_is_accepted_and_follows_the_move(world, moving):
    from sinergi.organisations.models import Organisation
    from sinergi.organisations.services import organisation_update
    from sinergi.organisations.signals import organisation_moved
    from sinergi.referrals.models import Referral
    from sinergi.referrals.services.located import referrals_follow
    from sinergi.regions.models import Region

    ani = PlacementFactory(
        person__organisation=world.lks, organisation=world.lks, person__full_name="Ani Pindah"
    ).person
    referral = _referral(world, world.operator, ani, world.lks, world.lks_same_regency)
    summaries_rebuild()  # (factories write no summaries)
    lks = world.lks_same_regency if moving == "receiver" else world.lks
    # The move holds its LKS and is about to give the LKS's referrals its new codes
    holding, go = threading.Event(), threading.Event()

    def follow_later(**kwargs):
        holding.set()
        go.wait(timeout=30)
        return referrals_follow(**kwargs)

    organisation_moved.disconnect(dispatch_uid="referrals.referrals_follow")
    organisation_moved.connect(follow_later, dispatch_uid="referrals.referrals_follow")
    try:
        current = Organisation.objects.get(pk=lks.pk)
        move = InThread(lambda: organisation_update(
            organisation=current, actor=world.province_admin, expected_version=current.version,
            data={"region": Region.objects.get(code="63.72.02.1003")}))  # fmt: skip
        move.start()
        assert holding.wait(timeout=30)
        # when the receiving LKS accepts the referral, and the move goes on a second later
        accept = beside(lambda: referral_services.referral_accept(actor=world.other_operator, referral=referral), go)
        # then one waits for the other, and neither is killed as a deadlock's victim
        assert {"move": move.outcome(), "accept": accept.outcome()} == {"move": "done", "accept": "done"}
    finally:
        organisation_moved.disconnect(dispatch_uid="referrals.referrals_follow")
        organisation_moved.connect(referrals_follow, dispatch_uid="referrals.referrals_follow")
    referral = Referral.objects.get()
    moved = Organisation.objects.get(pk=lks.pk)
    end = "to" if moving == "receiver" else "from"
    assert (getattr(referral, f"{end}_province_code"), getattr(referral, f"{end}_regency_code")) == (
        moved.province_code, moved.regency_code)  # fmt: skip
    assert Placement.objects.get(status=PlacementStatus.ACTIVE).organisation_id == world.lks_same_regency.pk
    assert broken_invariants() == []


def test_a_merge_of_duplicates_while_an_import_discharges_and_corrects_the_client_waits_for_it(
    tmp_path, world, monkeypatch
):
    from sinergi.people.services.merges import duplicate_merge

    run_now(make_job(tmp_path, [child(1)], world.province_admin, name="a.xlsx"))
    candidate, keep, _other = recorded_twice(tmp_path, world)
    row = child(1, left=datetime.date(2024, 6, 1))
    row[8] = "Ibu Satu Dibetulkan"  # the mother's name corrected in the row that discharges the child
    job = make_job(tmp_path, [row], world.province_admin, name="keluar.xlsx")
    # The import has discharged the stay and is about to correct the person
    discharged, go = threading.Event(), threading.Event()
    held_before(monkeypatch, ClientsEntity, "_correct", discharged, go)
    importing = InThread(lambda: import_job_run(job_id=job.pk))
    importing.start()
    assert discharged.wait(timeout=30)
    # when a board member merges the two records, and the import goes on a second later
    merging = beside(lambda: duplicate_merge(actor=world.province_admin, candidate=candidate, keep=keep), go)
    # then the merge waits for the import (and decides on what it saved); neither is a deadlock's victim
    assert importing.outcome() == "succeeded"
    assert "OperationalError" not in merging.outcome()
    assert broken_invariants([job]) == []


def test_a_referral_sent_by_the_province_board_accepted_beside_a_transfer_between_the_same_lks_waits(
    world, monkeypatch
):
    from sinergi.organisations.tests.factories import BoardFactory
    from sinergi.referrals.services import transitions

    a, b = world.lks, world.lks_same_regency
    board = BoardFactory(region_id="63", name="LKKKS Provinsi Kalimantan Selatan")
    ani = PlacementFactory(person__organisation=a, organisation=a, person__full_name="Ani Papan").person
    budi_stay = PlacementFactory(person__organisation=a, organisation=a, person__full_name="Budi Pindah")
    # A referral of a child of LKS A to LKS B, sent by the province admin in the board's name
    referral = _referral(world, world.province_admin, ani, board, b)
    summaries_rebuild()  # (factories write no summaries)
    # Its accept has taken its locks and the referral
    reached, go = threading.Event(), threading.Event()
    held_after(monkeypatch, transitions, "_locked", reached, go)
    accept = InThread(lambda: referral_services.referral_accept(actor=world.other_operator, referral=referral))
    accept.start()
    assert reached.wait(timeout=30)
    # when a transfer of another child from A to B starts, and the accept goes on a second later
    transfer = beside(
        lambda: placement_transfer(
            actor=world.province_admin, placement=budi_stay, to_organisation=b, on=datetime.date.today()
        ),
        go,
    )
    # then one waits for the other: the accept held the stay's LKS A too, not only the board and B
    assert {"accept": accept.outcome(), "transfer": transfer.outcome()} == {"accept": "done", "transfer": "done"}
    assert broken_invariants() == []


def test_an_import_correcting_a_client_and_a_correction_of_their_stay_on_its_page_wait_for_each_other(
    tmp_path, world, monkeypatch
):
    from sinergi.people.exchange.clients.write import saving as clients_module  # where lks_lock is looked up

    run_now(make_job(tmp_path, [child(1)], world.province_admin, name="first.xlsx"))
    stay = Placement.objects.get()
    corrected = child(1)
    corrected[8] = "Ibu Satu Contoh Lain"  # the mother's name corrected: the row changes the person
    job = make_job(tmp_path, [corrected], world.province_admin, name="koreksi.xlsx")
    # The import holds its LKS
    reached, go = threading.Event(), threading.Event()
    held_after(monkeypatch, clients_module, "lks_lock", reached, go)
    importing = InThread(lambda: import_job_run(job_id=job.pk))
    importing.start()
    assert reached.wait(timeout=30)
    # when a board member corrects the stay on its page, and the import goes on a second later
    correcting = beside(
        lambda: placement_correct(
            actor=world.province_admin,
            placement=stay,
            data={"ppks_category": ppks("anak_telantar"), "setting": "community", "admitted_on": ADMITTED},
        ),
        go,
    )
    # then the correction waits for the import (the LKS first, as the import takes it): neither is a deadlock's victim
    assert {"import": importing.outcome(), "correct": correcting.outcome()} == {
        "import": "succeeded",
        "correct": "done",
    }
    assert broken_invariants([job]) == []


def test_an_import_writing_at_two_lks_in_two_batches_and_a_transfer_between_them_wait_for_each_other(
    tmp_path, world, monkeypatch
):
    from sinergi.people.exchange.clients.write import saving as clients_module  # where lks_lock is looked up

    assert world.lks.pk < world.lks_same_regency.pk  # Harapan first in id order
    run_now(make_job(tmp_path, [child(1)], world.province_admin, name="base.xlsx"))
    stay = Placement.objects.get()
    # A list of more rows than a write batch (10,000; 1 here): its first batch writes at Tetangga, its second at Harapan
    monkeypatch.setattr(ClientsEntity, "write_batch_size", 1)
    job = make_job(tmp_path, [child(2, TETANGGA), child(3, HARAPAN)], world.province_admin, name="dua.xlsx")
    reached, go = threading.Event(), threading.Event()
    held_after(monkeypatch, clients_module, "lks_lock", reached, go)
    importing = InThread(lambda: import_job_run(job_id=job.pk))
    importing.start()
    assert reached.wait(timeout=30)
    # when a transfer from Harapan to Tetangga starts, and the import goes on a second later
    transfer = beside(
        lambda: placement_transfer(
            actor=world.province_admin, placement=stay, to_organisation=world.lks_same_regency, on=datetime.date.today()
        ),
        go,
    )
    # then one waits for the other: the import took both LKS, in id order, before its first batch
    assert {"import": importing.outcome(), "transfer": transfer.outcome()} == {
        "import": "succeeded",
        "transfer": "done",
    }
    assert broken_invariants([job]) == []


def test_a_consent_withdrawn_while_the_administrator_erases_the_client_waits_for_the_erasure(
    tmp_path, world, monkeypatch
):
    from sinergi.people.services import rights
    from sinergi.people.services.consents import consent_withdraw

    left = datetime.date(2024, 3, 1)
    headers = [*HEADERS, "Persetujuan oleh", "Nama pemberi persetujuan", "Tanggal persetujuan", "Dasar pemrosesan",
               "Cakupan persetujuan"]  # fmt: skip
    row = [*child(4, left=left), "Orang tua", "Siti Pemberi Contoh", ADMITTED, "Persetujuan",
           "Pelayanan dan pengasuhan di LKS"]  # fmt: skip
    path = xlsx_file(tmp_path, [headers, row], name="a.xlsx")
    with path.open("rb") as handle:
        job = import_job_create(actor=world.province_admin, entity_key="clients", file=File(handle),
                                original_name="a.xlsx", dry_run=False, enqueue=False)  # fmt: skip
    run_now(job)
    person = Person.objects.get()
    consent = Consent.objects.get(person=person)
    # The erasure holds the person and has found nothing against it
    reached, go = threading.Event(), threading.Event()
    held_after(monkeypatch, rights, "erasure_refusal", reached, go)
    erasing = InThread(
        lambda: rights.person_erase(
            actor=world.province_admin, person=person, reason="Permintaan yang bersangkutan", subject_asked=True
        )
    )
    erasing.start()
    assert reached.wait(timeout=30)
    # when the consent is withdrawn on the page, and the erasure goes on a second later
    withdrawing = beside(
        lambda: consent_withdraw(actor=world.province_admin, consent=consent, on=datetime.date.today()), go
    )
    # then the withdrawal waits for the erasure, and finds the record erased
    outcomes = {"erase": erasing.outcome(), "withdraw": withdrawing.outcome()}
    assert outcomes["erase"] == "done" and "OperationalError" not in outcomes["withdraw"], outcomes
