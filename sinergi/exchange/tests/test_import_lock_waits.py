"""An import whose rows another session holds locked (PostgreSQL): its wait is bounded, and the user's cancel ends
it at once. It used to wait for as long as the lock was held (a `BEGIN; SELECT … FOR UPDATE` left open in psql:
for ever), its progress frozen, its cancel not acted on until the lock went, and every other job waiting behind it
in the one worker. Both with the import's own connection and with the writer thread (large files)."""

import threading
import time
from collections.abc import Callable

import pytest
from django.core.files import File
from django.db import connection, connections

from sinergi.accounts.tests.factories import UserFactory
from sinergi.exchange import services
from sinergi.exchange.models import ImportJob, ImportStatus
from sinergi.exchange.pipeline import BUSY
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory

from .conftest import HEADERS, xlsx_file

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.transactional,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks and lock_timeout are PostgreSQL's"),
    pytest.mark.parametrize("writer_rows", [1_000_000, 1], ids=["own-connection", "writer-thread"]),
]
HELD_AT_MOST = 20  # seconds: the old code waited for the lock; this ends the test instead of hanging it


@pytest.fixture
def lks_and_its_update(tmp_path):
    from sinergi.regions.services import region_tree_load
    from sinergi.vocabularies.models import Term
    from sinergi.vocabularies.seed import seed_vocabularies

    region_tree_load(provinces=["63"])  # a transactional test's database may have been emptied before
    seed_vocabularies(Term)
    actor = UserFactory(is_superuser=True, username="admin.kunci")
    lks = OrganisationFactory(
        name="LKSA Lama Banjarmasin", region_id="63.71.01.1001", registration_number="TD/LAMA/1", capacity=30
    )
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Lama Banjarmasin", "anak", "63.71.01.1001", "TD/LAMA/1", 40]])
    with path.open("rb") as handle:
        job = services.import_job_create(
            actor=actor, entity_key="lks", file=File(handle), original_name=path.name, dry_run=False, enqueue=False
        )
    return lks, job, actor


class RowHeld:
    """Another session (psql, another program) holding the LKS's row: `SELECT … FOR UPDATE` in an open
    transaction, let go after HELD_AT_MOST seconds at the latest."""

    def __init__(self, lks: Organisation) -> None:
        self.session = connections.create_connection("default")
        self.session.inc_thread_sharing()  # let go by the timer's thread, or by the test's
        self.session.set_autocommit(False)
        with self.session.cursor() as cursor:
            cursor.execute("SELECT id FROM organisations_organisation WHERE id = %s FOR UPDATE", [lks.pk])
        self.released = threading.Event()
        self._releasing = threading.Lock()
        self._timer = threading.Timer(HELD_AT_MOST, self.release)
        self._timer.start()

    def release(self) -> None:
        with self._releasing:
            if not self.released.is_set():
                self.released.set()
                self.session.rollback()
                self.session.close()

    def stop(self) -> None:
        self._timer.cancel()
        self._timer.join()
        self.release()


def import_in_a_thread(job: ImportJob, ended_at: list[float]) -> threading.Thread:
    """Runs the job as the worker would, in a thread of its own (the test's thread then holds, cancels or looks);
    `ended_at` gets the moment it ended."""

    def worker() -> None:
        try:
            services.import_job_run(job_id=job.pk)
            ended_at.append(time.monotonic())
        finally:
            connection.close()

    run = threading.Thread(target=worker)
    run.start()
    return run


def soon(condition: Callable[[], bool], seconds: float = 10) -> bool:
    """Whether `condition()` holds within `seconds` (asked ten times a second)."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)
    return condition()


def waiting_for_a_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock')"
        )
        return bool(cursor.fetchone()[0])


def test_an_import_waiting_for_a_row_held_elsewhere_stops_after_the_lock_timeout_as_busy_with_nothing_saved(
    settings, lks_and_its_update, writer_rows
):
    lks, job, _actor = lks_and_its_update
    settings.SINERGI = {**settings.SINERGI, "IMPORT_LOCK_TIMEOUT_MS": 1500, "IMPORT_CONCURRENT_WRITE_ROWS": writer_rows}
    held = RowHeld(lks)
    try:
        started = time.monotonic()
        services.import_job_run(job_id=job.pk)
        took = time.monotonic() - started
        still_held = not held.released.is_set()
    finally:
        held.stop()

    job.refresh_from_db()
    assert still_held, f"the import waited until the row was let go ({took:.1f} s)"
    assert (job.status, job.message) == (ImportStatus.REFUSED, str(BUSY))
    assert took < 10, took
    lks.refresh_from_db()
    assert (lks.capacity, lks.version) == (30, 1)


def test_a_cancel_while_the_import_waits_for_a_row_held_elsewhere_ends_it_at_once_with_nothing_saved(
    settings, lks_and_its_update, writer_rows
):
    lks, job, actor = lks_and_its_update
    settings.SINERGI = {**settings.SINERGI, "IMPORT_CONCURRENT_WRITE_ROWS": writer_rows}  # default timeout: minutes
    held = RowHeld(lks)
    ended_at: list[float] = []

    try:
        run = import_in_a_thread(job, ended_at)
        assert soon(waiting_for_a_lock)
        assert any(thread.name == "sinergi-import-writer" for thread in threading.enumerate()) == (writer_rows == 1)

        # When the user cancels while the import waits
        cancelled_at = time.monotonic()
        services.import_job_cancel(job=ImportJob.objects.get(pk=job.pk), actor=actor)
        run.join(HELD_AT_MOST + 10)
        still_held = not held.released.is_set()
    finally:
        held.stop()

    # Then it ended within seconds, while the row was still held, and saved nothing
    ended_after = [moment - cancelled_at for moment in ended_at]
    assert still_held and ended_after and ended_after[0] < 5, ended_after
    job.refresh_from_db()
    assert (job.status, job.cancel_requested) == (ImportStatus.CANCELLED, True)
    lks.refresh_from_db()
    assert (lks.capacity, lks.version) == (30, 1)


def test_the_job_page_says_while_the_import_waits_for_data_another_process_holds_and_no_longer_after(
    settings, lks_and_its_update, writer_rows
):
    from django.template.loader import render_to_string

    lks, job, _actor = lks_and_its_update
    settings.SINERGI = {**settings.SINERGI, "IMPORT_CONCURRENT_WRITE_ROWS": writer_rows}  # default timeout: minutes
    held = RowHeld(lks)

    try:
        run = import_in_a_thread(job, [])
        soon(lambda: ImportJob.objects.get(pk=job.pk).lock_wait_since is not None)
        waiting = ImportJob.objects.get(pk=job.pk)
        page = render_to_string("exchange/job.html#status", {"job": waiting})
        # When the other session lets go, the import goes on
        held.release()
        run.join(HELD_AT_MOST + 10)
    finally:
        held.stop()

    assert waiting.waiting_for_lock, "the wait was never recorded on the job"
    assert 'id="job-lock-wait"' in page and "menunggu data yang sedang disimpan oleh proses lain" in page
    assert "5 menit" in page  # how long it may wait before it stops (the default time-out)
    job.refresh_from_db()
    assert (job.status, job.lock_wait_since) == (ImportStatus.SUCCEEDED, None)
    lks.refresh_from_db()
    assert lks.capacity == 40
