"""A confirm of a trial while the retention purge removes that trial's upload: one waits for the other. Either the
purge goes first and the confirm is told the file is gone, or the confirm first and the purge keeps the upload its
new import needs (a review found the confirm's import queued over a deleted file)."""

import threading
import time

import pytest
from django.db import connection, transaction

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.exchange import services
from sinergi.exchange.models import ImportJob, ImportStatus
from sinergi.exchange.services import retention

from .factories import ImportJobFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.transactional,
    # SQLite has one writer at a time (transactions begin IMMEDIATE): the two are serial there.
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's"),
]


def test_a_confirm_made_while_the_purge_removes_the_trials_upload_waits_and_is_told_the_file_is_gone(monkeypatch):
    from sinergi.regions.services import region_tree_load

    region_tree_load(provinces=["63"])
    board_member = user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.uji")
    trial = ImportJobFactory(created_by=board_member, upload=b"old", status=ImportStatus.CHECKED, age=31)
    upload = trial.file.name
    deleting, go = threading.Event(), threading.Event()
    real_delete = retention._delete_stored

    def paused_delete(storage, names):
        deleting.set()  # the trial's row is locked now, its upload about to go
        go.wait(10)
        return real_delete(storage, names)

    monkeypatch.setattr(retention, "_delete_stored", paused_delete)
    outcome = {}

    def purge():
        try:
            outcome["purged"] = [job.pk for job in services.exchange_files_purge()]
        finally:
            connection.close()

    def confirm():
        try:
            with transaction.atomic():
                services.import_job_confirm(job=ImportJob.objects.get(pk=trial.pk), actor=board_member)
            outcome["confirm"] = "confirmed"
        except Exception as error:  # noqa: BLE001 - the answer is the finding
            outcome["confirm"] = repr(error)
        finally:
            connection.close()

    purging = threading.Thread(target=purge)
    purging.start()
    assert deleting.wait(10)
    confirming = threading.Thread(target=confirm)
    confirming.start()  # waits for the trial's row
    time.sleep(1.0)
    go.set()
    purging.join(30)
    confirming.join(30)

    assert outcome["purged"] == [trial.pk]
    assert "FileGone" in outcome["confirm"], outcome
    assert not ImportJob.objects.filter(source_id=trial.pk).exists()  # no import queued over a deleted upload
    assert ImportJob.objects.filter(file=upload).count() == 0
