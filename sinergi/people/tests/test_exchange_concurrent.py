"""Client imports that write while they check (PostgreSQL, exchange/writer.py).

The writer has its own connection, which cannot see a test's open transaction: these tests use a transactional
database and run in their own invocation with the browser journeys (marker `transactional`, see the Makefile).
"""

import datetime
import time

import pytest
from django.db import connection
from django.utils import translation

from sinergi.audit.models import AuditEvent
from sinergi.core.errors import ConflictError
from sinergi.exchange import writer as writer_module
from sinergi.exchange.models import ImportJob
from sinergi.exchange.pipeline import ImportCancelled
from sinergi.exchange.services import import_job_create, import_job_run
from sinergi.people.exchange.clients import ClientsEntity
from sinergi.people.models import Person, PersonAccess, Placement
from sinergi.people.nik import nik_compose
from sinergi.people.summaries import summaries_rebuild
from sinergi.people.tests.factories import people_world
from sinergi.people.tests.test_exchange import HEADERS, clients_file, import_clients, snapshot, summary_rows

pytestmark = [
    pytest.mark.transactional,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="imports write alongside only on PostgreSQL"),
]


@pytest.fixture
def world(settings):
    # A transactional test starts from (and leaves) an empty database: load what the other tests get once.
    from sinergi.regions.services import region_tree_load
    from sinergi.vocabularies.models import Term
    from sinergi.vocabularies.seed import seed_vocabularies

    region_tree_load(provinces=["63"])
    seed_vocabularies(Term)
    settings.SINERGI = {**settings.SINERGI, "IMPORT_CONCURRENT_WRITE_ROWS": 1}
    world = people_world()
    world.lks.registration_number = "TD/HARAPAN/1"
    world.lks.save()
    return world


def child_rows(count: int, *, bad_row: int | None = None) -> list[list]:
    rows = []
    for i in range(1, count + 1):
        birth = datetime.date(2012, 1, 1) + datetime.timedelta(days=i)
        row = {
            "Nama lengkap": f"Anak {i} Contoh",
            "Jenis kelamin": "L",
            "Tanggal lahir": birth,
            "NIK": nik_compose(district_code="63.71.01", birth_date=birth, sex="L", serial=i),
            "Alasan KK kosong": "unknown",
            "Kategori PPKS": "anak_telantar" if i != bad_row else "bukan_kategori",
            "Bentuk layanan": "Dalam panti (residensial)",
            "Tanggal masuk": datetime.date(2024, 1, 15),
            "Nama ibu kandung": f"Ibu {i} Contoh",
        }
        rows.append([row[h] for h in HEADERS])
    return rows


@pytest.fixture
def saves(monkeypatch):
    """The batches the writer saved, with the language active in its thread."""
    seen: list[tuple[int, str]] = []
    original = ClientsEntity.save

    def save(self, plans, ctx):
        seen.append((len(plans), translation.get_language()))
        return original(self, plans, ctx)

    monkeypatch.setattr(ClientsEntity, "save", save)
    monkeypatch.setattr(ClientsEntity, "write_batch_size", 7)
    return seen


def test_a_large_file_is_written_while_checked_and_ends_as_a_sequential_import_would(tmp_path, world, saves):
    # given a file of 20 children, checked 5 rows at a time and written 7 at a time
    path = clients_file(tmp_path, child_rows(20))
    # when
    with translation.override("en"):
        result = import_clients(path, world.operator, batch_size=5)
    # then every row is written by the writer, in batches, speaking the import's language
    assert (result.status, result.created) == ("succeeded", 20), (result.message, result.problems[:3])
    assert [size for size, _language in saves] == [7, 7, 6] and {lang for _size, lang in saves} == {"en"}
    assert Person.objects.count() == Placement.objects.count() == 20
    assert PersonAccess.objects.filter(what="created").count() == 20
    kept = summary_rows()
    summaries_rebuild()
    assert summary_rows() == kept


def test_a_problem_in_the_last_row_rolls_back_what_the_writer_had_written(tmp_path, world, saves):
    before = snapshot()
    path = clients_file(tmp_path, child_rows(20, bad_row=20))
    result = import_clients(path, world.operator, batch_size=5)
    assert result.status == "refused" and [p.row for p in result.problems] == [21]
    assert saves, "the writer had started writing before the last batch was checked"
    assert snapshot() == before


def test_a_cancel_while_the_writer_works_rolls_everything_back(tmp_path, world, saves, monkeypatch):
    before = snapshot()
    # the summaries take a while, so the import is still writing when the user cancels
    original = ClientsEntity.after_import
    monkeypatch.setattr(ClientsEntity, "after_import", lambda self, ctx: time.sleep(1.2) or original(self, ctx))
    path = clients_file(tmp_path, child_rows(10))
    with pytest.raises(ImportCancelled):
        import_clients(path, world.operator, progress=lambda phase, done, total: phase == "saving")
    assert snapshot() == before


def test_a_stop_while_the_writer_works_rolls_everything_back_before_it_is_raised(tmp_path, world, saves, monkeypatch):
    # Ctrl+C on the command line, or a worker's second shutdown signal, while the writer is still saving: the
    # writer must not commit once the run has said it stopped.
    before = snapshot()
    original = ClientsEntity.after_import
    monkeypatch.setattr(ClientsEntity, "after_import", lambda self, ctx: time.sleep(1.2) or original(self, ctx))

    def stop(phase, done, total):
        if phase == "saving":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_clients(clients_file(tmp_path, child_rows(10)), world.operator, progress=stop)
    assert snapshot() == before
    time.sleep(1.5)  # nor later, once the writer's own work is done
    assert snapshot() == before


def test_the_writer_holds_the_jobs_lock_until_its_commit_has_landed(tmp_path, world, saves, monkeypatch):
    # The writer commits on its own connection: should the runner die during that commit, the job must still look
    # alive until the commit lands, or it would be called "nothing saved" while the data is saved.
    from sinergi.exchange import runners

    holders: list[int] = []
    original = ClientsEntity.after_import

    def count_holders(self, ctx):
        with connection.cursor() as cursor:  # the writer thread's connection
            cursor.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 "
                "AND ((classid::bigint << 32) | objid::bigint) = %s",
                [runners.advisory_key("import", 987654)],
            )
            holders.append(cursor.fetchone()[0])
        return original(self, ctx)

    monkeypatch.setattr(ClientsEntity, "after_import", count_holders)
    with runners.running("import", 987654, claim=lambda: True):
        result = import_clients(clients_file(tmp_path, child_rows(10)), world.operator)

    assert result.status == "succeeded" and holders == [2]  # the runner's session and the writer's
    # Both let go once done. (A closed connection's server process ends a moment after the client has let it go:
    # pg_locks may show its lock for a few milliseconds more, longer on a busy machine.)
    deadline = time.monotonic() + 5
    while runners.runner_alive("import", 987654) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not runners.runner_alive("import", 987654)


def test_a_refusal_while_writing_is_reported_and_nothing_is_kept(tmp_path, world, monkeypatch):
    def refuse(self, plans, ctx):
        Person.objects.filter(organisation=world.lks).update(notes="written, then rolled back")
        raise ConflictError("Baris 2: diubah orang lain selama impor berjalan.")

    monkeypatch.setattr(ClientsEntity, "save", refuse)
    before = snapshot()
    result = import_clients(clients_file(tmp_path, child_rows(3)), world.operator)
    assert (result.status, result.message) == ("refused", "Baris 2: diubah orang lain selama impor berjalan.")
    assert snapshot() == before


def test_an_import_job_written_alongside_records_one_audit_event_with_its_counts(tmp_path, world, saves):
    from django.core.files import File

    path = clients_file(tmp_path, child_rows(12))
    with path.open("rb") as handle:
        job = import_job_create(
            actor=world.operator, entity_key="clients", file=File(handle), original_name="klien.xlsx", dry_run=False,
            enqueue=False,
        )  # fmt: skip
    ImportJob.objects.filter(pk=job.pk).update(ip_address="198.51.100.7")  # where it was uploaded from
    job = import_job_run(job_id=job.pk)
    assert (job.status, job.created_count) == ("succeeded", 12)
    event = AuditEvent.objects.get(action="exchange.import.succeeded")
    assert (event.data["created"], event.data["entity"]) == (12, "clients")
    # The writer's thread writes the access lines with the upload's address, as the import's own thread would
    assert set(PersonAccess.objects.filter(what="created").values_list("ip_address", flat=True)) == {"198.51.100.7"}


def test_small_files_and_callers_inside_a_transaction_are_written_after_the_check(world, settings):
    settings.SINERGI = {**settings.SINERGI, "IMPORT_CONCURRENT_WRITE_ROWS": 100}
    assert writer_module.writes_alongside(100) and not writer_module.writes_alongside(99)
    from django.db import transaction

    with transaction.atomic():
        assert not writer_module.writes_alongside(100)


def test_an_export_logs_everyone_beside_its_query_before_the_first_byte(world):
    # given two clients at the operator's LKS
    from sinergi.exchange.columns import get_entity
    from sinergi.exchange.exports import csv_chunks
    from sinergi.people.tests.factories import PersonFactory, PlacementFactory

    for name in ("Ani Contoh", "Budi Contoh"):
        PlacementFactory(person=PersonFactory(organisation=world.lks, full_name=name), organisation=world.lks)
    entity = get_entity("clients")
    chunks = csv_chunks(
        entity=entity,
        queryset=entity.export_queryset(actor=world.operator, purpose="reporting"),
        actor=world.operator,
        purpose="reporting",
    )
    # when the first bytes come out, both access-log lines are already committed: another connection sees them
    # (this one is busy streaming the file)
    first = next(chunks) + next(chunks)
    assert (
        seen_from_another_connection(lambda: PersonAccess.objects.filter(what="exported", actor=world.operator).count())
        == 2
    )
    content = (first + b"".join(chunks)).decode("utf-8-sig")
    assert "Ani Contoh" in content and "Budi Contoh" in content


def seen_from_another_connection(query):
    import threading

    from django.db import connection as thread_connection

    found = []

    def run():
        try:
            found.append(query())
        finally:
            thread_connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return found[0] if found else None


def test_a_failing_statement_beside_is_raised_by_wait(world):
    from django.db import DatabaseError

    from sinergi.exchange.dbwrite import execute_beside

    wait = execute_beside("INSERT INTO no_such_table VALUES (%s)", [1])
    with pytest.raises(DatabaseError):
        wait()
