"""The limit on a user's waiting jobs (JOBS_PENDING_PER_USER, "three jobs waiting at once") holds for every new run,
not only an upload: "Periksa lagi" on failed or cancelled jobs and "Impor sekarang" on checked trials queued any
number (fifty-seventh review, M3)."""

import pytest

from sinergi.exchange import services
from sinergi.exchange.models import ImportJob, ImportStatus
from sinergi.exchange.services import uploads

from .factories import ImportJobFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stay_queued(monkeypatch):
    monkeypatch.setattr(uploads, "_enqueue", lambda job: None)  # no worker in these tests: the runs stay queued


def queued(user) -> int:
    return ImportJob.objects.filter(created_by=user, status__in=(ImportStatus.QUEUED, ImportStatus.RUNNING)).count()


def test_retrying_cancelled_jobs_stops_at_the_pending_limit_with_the_uploads_words(stay_queued, board_member):
    # given six cancelled uploads of one user
    old = [
        ImportJobFactory(created_by=board_member, status=ImportStatus.CANCELLED, upload=b"Nama LKS\nUji\n",
                         file_kind="csv")
        for _ in range(6)
    ]  # fmt: skip
    # when each is checked again
    refused = []
    for job in old:
        try:
            services.import_job_retry(job=job, actor=board_member)
        except services.TransitionError as error:
            refused.append(str(error))
    # then three wait, and the others are refused as a fourth upload is, and stay retryable
    assert queued(board_member) == 3
    assert refused == [str(services.TOO_MANY_PENDING)] * 3
    assert [job.can_retry for job in ImportJob.objects.filter(pk__in=[j.pk for j in old[3:]])] == [True] * 3


def test_confirming_checked_trials_stops_at_the_pending_limit(stay_queued, board_member):
    # given three jobs waiting and a checked trial
    for _ in range(3):
        ImportJobFactory(created_by=board_member, status=ImportStatus.QUEUED, upload=b"Nama LKS\nUji\n")
    trial = ImportJobFactory(created_by=board_member, upload=b"Nama LKS\nLain\n", file_kind="csv")
    # when it is confirmed
    with pytest.raises(services.TransitionError) as refused:
        services.import_job_confirm(job=trial, actor=board_member)
    # then it is refused in the upload's words, nothing queued; once a job has ended it goes
    assert str(refused.value) == str(services.TOO_MANY_PENDING)
    assert queued(board_member) == 3 and trial.confirmed_as() is None
    ImportJob.objects.filter(created_by=board_member, status=ImportStatus.QUEUED).first().delete()
    real = services.import_job_confirm(job=trial, actor=board_member)
    assert real.status == ImportStatus.QUEUED and not real.dry_run


def test_the_retry_page_says_why_nothing_started(stay_queued, client, board_member):
    for _ in range(3):
        ImportJobFactory(created_by=board_member, status=ImportStatus.QUEUED, upload=b"Nama LKS\nUji\n")
    failed = ImportJobFactory(created_by=board_member, status=ImportStatus.FAILED, upload=b"Nama LKS\nLain\n")
    client.force_login(board_member)

    response = client.post(f"/exchange/imports/{failed.pk}/retry/", follow=True)

    assert response.redirect_chain[-1][0] == f"/exchange/imports/{failed.pk}/"
    assert str(services.TOO_MANY_PENDING) in response.content.decode()
    assert queued(board_member) == 3
