"""The same upload form sent twice at the same moment (PostgreSQL): both posts find no job for the key, both store
the file, and the unique constraint lets one job in; the other post answers with it and removes its copy.

Each post has its own connection, which cannot see a test's open transaction: a transactional database, run in
its own invocation with the browser journeys (marker `transactional`, see the Makefile)."""

import threading
import uuid
from pathlib import Path

import pytest
from django.core.files import File
from django.db import connection

from sinergi.accounts.tests.factories import UserFactory
from sinergi.exchange import services
from sinergi.exchange.models import ImportJob
from sinergi.exchange.services import uploads

from .conftest import HEADERS, xlsx_file

pytestmark = [
    pytest.mark.transactional,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite lets one writer in at a time"),
]


def test_two_posts_of_the_same_form_at_once_make_one_job_and_keep_one_file(tmp_path, settings, monkeypatch):
    # Given two posts of the same form with the same file, held until both have looked for the key
    actor = UserFactory(is_superuser=True, username="admin.sekaligus")
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Sekaligus", "anak", "63.71.01.1001", "TD/SEKALIGUS/1", 12]])
    key = uuid.uuid4()
    both_looked = threading.Barrier(2, timeout=10)
    looked_up = uploads._upload_sent_before
    first_look: set[int] = set()
    looks: list[bool] = []

    def look_together(*args):
        found = looked_up(*args)
        looks.append(found is not None)
        if threading.get_ident() not in first_look:
            first_look.add(threading.get_ident())
            both_looked.wait()
        return found

    monkeypatch.setattr(uploads, "_upload_sent_before", look_together)
    answers: list[int] = []
    errors: list[BaseException] = []

    def post() -> None:
        try:
            with path.open("rb") as handle:
                job = services.import_job_create(
                    actor=actor,
                    entity_key="lks",
                    file=File(handle),
                    original_name=path.name,
                    upload_key=key,
                    enqueue=False,
                )
            answers.append(job.pk)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    # When they are saved at the same moment
    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    # Then the constraint refused one of them (it looked again, after saving failed, and found the other's job)
    assert errors == []
    assert sorted(looks) == [False, False, True]
    # And both answer with the one job, and only its file is kept
    job = ImportJob.objects.get()
    assert answers == [job.pk, job.pk]
    media = Path(settings.STORAGES["default"]["OPTIONS"]["location"]) / "exchange" / "imports"
    assert [p for p in media.rglob("*") if p.is_file()] == [Path(job.file.path)]
