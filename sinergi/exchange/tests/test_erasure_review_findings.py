"""Review of the erasure's purge of the jobs that held the person (sixty-first review): what it must not touch
(a job still queued or running on the same upload, jobs of other people who share a first name), and what it must
not leave (the person's name in the job's notices or in a file name written with underscores), nor break (the
JSON of a preview)."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from sinergi.exchange import services
from sinergi.exchange.models import ImportJob, ImportStatus

from .factories import ImportJobFactory

pytestmark = pytest.mark.django_db

NAME = "Bunga Auditia Uji"
NIK = "6371045205140007"


def purge(jobs: list[ImportJob], identifiers: list[str], capture) -> list[int]:
    with capture(execute=True):
        purged, _exports = services.jobs_purge_for_erasure(
            import_pks=[job.pk for job in jobs], export_pks=[], identifiers=identifiers
        )
    return purged


def test_a_job_still_queued_on_the_same_upload_keeps_it_and_is_not_marked_purged(django_capture_on_commit_callbacks):
    # Given a finished trial that held the person, and the import confirmed from it still waiting for the worker
    trial = ImportJobFactory(entity="clients", upload=b"rows")
    queued = ImportJobFactory(
        entity="clients", status=ImportStatus.QUEUED, finished_at=None, dry_run=False, source=trial,
        file=trial.file.name,
    )  # fmt: skip

    purged = purge([trial], [NAME], django_capture_on_commit_callbacks)

    # Then the trial is purged, but the queued import neither loses the file it is about to read, nor is it marked
    # purged (what its run then writes, its report, would be named by a job the retention never purges again)
    assert purged == [trial.pk]
    queued.refresh_from_db()
    assert (queued.file.name, queued.files_purged_at) == (trial.file.name, None)
    assert default_storage.exists(trial.file.name)
    # and once it has finished, the retention (which finds the file through it) removes it
    ImportJob.objects.filter(pk=queued.pk).update(status=ImportStatus.FAILED, finished_at=trial.finished_at)
    ImportJob.objects.filter(pk=trial.pk).update(finished_at=trial.finished_at)
    services.exchange_files_purge(now=trial.finished_at + datetime.timedelta(days=31))
    assert not default_storage.exists(trial.file.name)


def test_a_line_break_before_a_name_does_not_break_the_preview_nor_is_taken_for_it(django_capture_on_commit_callbacks):
    # Given a job that says "Nama ibu:" and, on the next line, "Ani Lestari" (JSON writes the break as \n)
    groups = [{"column": "Catatan", "message": "Nama ibu:\nAni Lestari", "count": 1, "rows": [3]}]
    job = ImportJobFactory(entity="clients", preview={"create": [], "warnings": {"count": 1, "groups": groups}})

    # Then a person called "Nani" is not found in it, and purging it for her keeps its text as it was
    assert services.import_jobs_quoting([job.pk], ["Nani Rahma", "Nani"]) == []
    purge([job], ["Nani"], django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.preview["warnings"]["groups"][0]["message"] == "Nama ibu:\nAni Lestari"


def test_a_one_word_name_is_found_as_a_whole_cell_or_quoted_not_inside_other_people_s_names(db):
    # Given a person called only "Siti", as many are
    quoting = [
        ImportJobFactory(entity="clients", preview={"create": [{"key": "SITI", "values": []}]}),
        ImportJobFactory(entity="clients", problems=[[3, "NIK", "", "Tercatat atas nama “Siti” di LKS ini."]]),
        ImportJobFactory(entity="clients", original_name="siti.xlsx"),
    ]
    # and other children's files that name a Siti Aminah, or a mother Siti Rahayu
    others = [
        ImportJobFactory(entity="clients", preview={"create": [{"key": "Siti Aminah", "values": []}]}),
        ImportJobFactory(entity="clients", preview={"create": [{"key": "Budi", "values": ["Siti Rahayu"]}]}),
        ImportJobFactory(entity="clients", original_name="data siti aminah.xlsx"),
    ]

    found = services.import_jobs_quoting([job.pk for job in [*quoting, *others]], ["Siti"])

    assert found == [job.pk for job in quoting]


def test_the_purged_job_s_notices_and_its_underscored_file_name_stop_naming_the_person(
    django_capture_on_commit_callbacks,
):
    # Given a job (found by its access-log lines) whose warnings, kept as notices for import_data, quote the person,
    # and whose file is named after her with underscores, as files often are
    warning = f"Baris tanpa NIK ini dicocokkan dengan penerima layanan tersimpan “{NAME}” melalui nama."
    job = ImportJobFactory(
        entity="clients", original_name="data_bunga_auditia_uji.xlsx", notices=["1 peringatan", warning]
    )
    by_number = ImportJobFactory(entity="clients", original_name=f"nik_{NIK}.csv")

    assert services.import_jobs_quoting([by_number.pk], [NAME, NIK]) == [by_number.pk]
    purge([job], [NAME, NIK], django_capture_on_commit_callbacks)

    job.refresh_from_db()
    assert NAME.lower() not in " ".join(job.notices).lower() and "***" in job.notices[1]
    assert job.original_name == f"clients #{job.pk}.xlsx"


def test_a_report_that_cannot_be_deleted_does_not_fail_the_committed_erasure(
    django_capture_on_commit_callbacks, monkeypatch
):
    job = ImportJobFactory(entity="clients", upload=b"rows")
    job.error_report.save("r.xlsx", ContentFile(b"x"), save=True)

    def refuse(name: str) -> None:
        raise RuntimeError("the storage is away")

    storage = job.file.storage
    storage.exists(job.file.name)  # a lazy storage sets itself up
    monkeypatch.setattr(type(getattr(storage, "_wrapped", storage)), "delete", lambda storage, name: refuse(name))
    purge([job], [NAME], django_capture_on_commit_callbacks)  # no exception after the commit

    job.refresh_from_db()
    assert job.files_purged_at is not None


def test_a_name_with_letters_past_ascii_is_found_in_any_case(db):
    job = ImportJobFactory(entity="clients", preview={"create": [{"key": "NGUYỄN VĂN ÂN", "values": []}]})
    other = ImportJobFactory(entity="clients", preview={"create": [{"key": "Nguyen Van Binh", "values": []}]})
    arabic = ImportJobFactory(entity="clients", preview={"create": [{"key": "عائشة", "values": []}]})

    assert services.import_jobs_quoting([job.pk, other.pk], ["Nguyễn Văn Ân"]) == [job.pk]
    assert services.import_jobs_quoting([job.pk, arabic.pk], ["عائشة"]) == [arabic.pk]


def test_a_report_link_of_a_job_purged_for_an_erasure_says_why_not_the_retention(
    client, django_capture_on_commit_callbacks
):
    # Given a job with a report (its page left open, or its link kept) purged by an erasure
    job = ImportJobFactory(entity="lks", upload=b"rows", report=b"report", problem_count=1)
    purge([job], [NAME], django_capture_on_commit_callbacks)

    # When its report is asked for
    client.force_login(job.created_by)
    page = client.get(f"/exchange/imports/{job.pk}/report/", follow=True).content.decode()

    # Then the page says it went with an erasure, not "30 hari setelah impor selesai (masa simpan)"
    assert "karena memuat data orang yang datanya dihapus" in page and "masa simpan" not in page


def test_a_sheet_named_after_the_person_is_found_and_no_longer_named(django_capture_on_commit_callbacks):
    # Given a workbook with a sheet per child, one of them imported on its own
    job = ImportJobFactory(entity="clients", sheet=NAME, sheet_choices=[NAME, "Citra Lain"], original_name="anak.xlsx")

    assert services.import_jobs_quoting([job.pk], [NAME]) == [job.pk]
    purge([job], [NAME], django_capture_on_commit_callbacks)

    job.refresh_from_db()
    assert (job.sheet, job.sheet_choices) == ("***", ["***", "Citra Lain"])


def test_an_erasure_whose_only_recent_job_never_started_goes_through(django_capture_on_commit_callbacks):
    from sinergi.people.exchange.erasure import erased_person_jobs_purge

    # Given the server's only import of the month, cancelled before the worker took it (no started_at)
    job = ImportJobFactory(entity="clients", status=ImportStatus.CANCELLED, started_at=None, upload=b"rows")

    # When a person is erased, the exchange's receiver neither fails (min() of no start) nor takes the job
    with django_capture_on_commit_callbacks(execute=True):
        assert erased_person_jobs_purge(person_ids=[987654], identifiers=[NAME]) == {}
    assert ImportJob.objects.get(pk=job.pk).files_purged_at is None


def test_a_name_with_a_quotation_mark_is_found_in_the_lists(db):
    job = ImportJobFactory(entity="clients", preview={"create": [{"key": '"Ani" Lestari', "values": []}]})

    assert services.import_jobs_quoting([job.pk], ['"Ani" Lestari']) == [job.pk]
