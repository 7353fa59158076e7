"""An error that escapes a job's own handling must not reach the database worker: it would record the failure with a
write of its own, and when that write failed too (SQLite busy) the worker's loop ended for every later job."""

import logging

import pytest
from django.db import OperationalError

from sinergi.exchange import exports, services, tasks


@pytest.mark.django_db  # the connections it closes after the error may have been opened by an earlier test
def test_an_import_or_export_error_is_logged_and_kept_from_the_worker(monkeypatch, caplog):
    def locked(**kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(services, "import_job_run", locked)
    monkeypatch.setattr(exports, "export_job_run", locked)

    with caplog.at_level(logging.ERROR, logger="sinergi.exchange.tasks"):
        tasks.run_import_job.call(41)
        tasks.run_export_job.call(42)

    assert [record.getMessage() for record in caplog.records] == [
        "Import job 41 ended with an error that its job could not record",
        "Export job 42 ended with an error that its job could not record",
    ]


def test_a_stop_asked_for_still_stops_the_worker(monkeypatch):
    def interrupted(**kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(services, "import_job_run", interrupted)
    with pytest.raises(KeyboardInterrupt):
        tasks.run_import_job.call(43)
