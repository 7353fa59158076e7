"""The retention clean-up: the stored files of old finished jobs go, the job rows stay and say so, nothing else is
touched, and the pages that offered a removed file explain instead of failing."""

import io
import os
import time
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from sinergi.exchange.models import ExportJob, ExportStatus, ImportJob, ImportStatus
from sinergi.exchange.services import exchange_files_purge

from .factories import ExportJobFactory, ImportJobFactory

pytestmark = pytest.mark.django_db


def stored(name: str) -> bool:
    return bool(name) and default_storage.exists(name)


@pytest.fixture
def jobs(board_member):
    """Jobs of every age and state, each with its files stored."""
    return {
        "old_import": ImportJobFactory(created_by=board_member, upload=b"old", report=b"PK-report", age=31),
        "recent_import": ImportJobFactory(created_by=board_member, upload=b"recent", report=b"PK-report", age=29),
        "old_running": ImportJobFactory(
            created_by=board_member, upload=b"running", status=ImportStatus.RUNNING, finished_at=None, age=40
        ),
        "old_queued": ImportJobFactory(
            created_by=board_member, upload=b"queued", status=ImportStatus.QUEUED, finished_at=None, age=40
        ),
        "old_export": ExportJobFactory(requested_by=board_member, content=b"PK-export", age=31),
        "recent_export": ExportJobFactory(requested_by=board_member, content=b"PK-export", age=29),
        "old_running_export": ExportJobFactory(requested_by=board_member, status=ExportStatus.RUNNING, age=40),
    }


def test_files_of_jobs_finished_over_thirty_days_ago_are_removed_and_the_jobs_say_so(jobs):
    old_import, old_export = jobs["old_import"], jobs["old_export"]
    read = {"row": 2, "key": "Budi Contoh", "values": [["Nama lengkap", "Budi Contoh"], ["Telepon wali", "0812"]]}
    ImportJob.objects.filter(pk__in=[old_import.pk, jobs["recent_import"].pk]).update(
        preview={"create": [read], "update": []}
    )
    names = [old_import.file.name, old_import.error_report.name, old_export.file.name]
    assert all(stored(name) for name in names)

    purged = exchange_files_purge()

    assert [(p.kind, p.pk, p.files) for p in purged] == [
        ("import", old_import.pk, names[:2]),
        ("export", old_export.pk, names[2:]),
    ]
    assert not any(stored(name) for name in names)
    old_import.refresh_from_db()
    assert (old_import.file.name, old_import.error_report.name, old_import.status) == ("", "", ImportStatus.CHECKED)
    assert old_import.files_purged_at is not None
    assert old_import.notices[-1].startswith(
        "File unggahan dan laporan impor ini dihapus otomatis 30 hari setelah impor selesai (masa simpan), bersama "
        "daftar data yang dibuat dan diubah beserta isiannya"
    )
    # What the file said of each record goes with the upload; a recent job keeps it
    assert old_import.preview == {"create": [], "update": []}
    assert ImportJob.objects.get(pk=jobs["recent_import"].pk).preview["create"] == [read]
    old_export.refresh_from_db()
    assert (old_export.file.name, old_export.status) == ("", ExportStatus.SUCCEEDED)
    # Said on its page from file_purged_at, in the reader's language: no text in the server's language is stored
    assert old_export.file_purged_at is not None and old_export.message == ""


def test_recent_queued_and_running_jobs_keep_their_files(jobs):
    exchange_files_purge()

    for key in ("recent_import", "old_running", "old_queued"):
        job = ImportJob.objects.get(pk=jobs[key].pk)
        assert stored(job.file.name) and job.files_purged_at is None, key
    assert stored(jobs["recent_import"].error_report.name)
    assert stored(jobs["recent_export"].file.name)


def test_the_hourly_clean_up_ends_jobs_abandoned_by_a_dead_worker_and_keeps_their_upload(jobs):
    # Given running jobs whose workers died (nobody holds their locks) and whose pages nobody opens
    call_command("send_reminders", stdout=io.StringIO())

    # Then they are ended, and their upload is kept for the retention period, to be run again
    job = ImportJob.objects.get(pk=jobs["old_running"].pk)
    assert (job.status, stored(job.file.name), job.files_purged_at) == (ImportStatus.FAILED, True, None)
    assert ExportJob.objects.get(pk=jobs["old_running_export"].pk).status == ExportStatus.FAILED


def test_a_dry_run_lists_the_files_and_removes_nothing(jobs):
    purged = exchange_files_purge(dry_run=True)

    assert [p.pk for p in purged] == [jobs["old_import"].pk, jobs["old_export"].pk]
    assert all(stored(name) for p in purged for name in p.files)
    assert ImportJob.objects.filter(files_purged_at__isnull=False).count() == 0


def test_the_retention_period_is_a_setting(jobs, settings):
    settings.SINERGI = {**settings.SINERGI, "EXCHANGE_FILE_RETENTION_DAYS": 35}

    assert exchange_files_purge() == []


def test_an_upload_still_used_by_a_younger_import_is_kept(board_member):
    # A dry run 31 days old, confirmed 29 days ago: the real import shares the stored upload.
    dry_run = ImportJobFactory(created_by=board_member, upload=b"shared", age=31)
    real = ImportJobFactory(created_by=board_member, dry_run=False, status=ImportStatus.SUCCEEDED, age=29)
    ImportJob.objects.filter(pk=real.pk).update(file=dry_run.file.name)

    exchange_files_purge()

    dry_run.refresh_from_db()
    assert dry_run.file.name == "" and dry_run.files_purged_at is not None
    assert stored(ImportJob.objects.get(pk=real.pk).file.name)


def test_the_command_prints_what_it_removes_and_has_a_dry_run(jobs):
    dry = io.StringIO()
    call_command("purge_exchange_files", "--dry-run", stdout=dry)
    assert f"impor #{jobs['old_import'].pk}" in dry.getvalue() and f"ekspor #{jobs['old_export'].pk}" in dry.getvalue()
    assert dry.getvalue().splitlines()[-1] == (
        "3 file dari 2 pekerjaan akan dihapus (uji coba, tidak ada yang dihapus); masa simpan 30 hari."
    )
    assert stored(jobs["old_export"].file.name)

    out = io.StringIO()
    call_command("purge_exchange_files", stdout=out)
    assert out.getvalue().splitlines()[-1] == "3 file dari 2 pekerjaan dihapus; masa simpan 30 hari."
    assert not stored(jobs["old_export"].file.name)


def aged(path: Path, *, days: float, content: str = "") -> Path:
    """A file last changed `days` ago (as a restore with its times kept leaves it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if content or not path.exists():  # a job's stored file keeps what it holds
        path.write_text(content)
    moment = time.time() - days * 86400
    os.utime(path, (moment, moment))
    return path


def test_files_no_job_names_are_removed_a_day_past_the_retention(board_member):
    media = Path(default_storage.location)
    # given an upload and a report restored from a media backup taken before the purge blanked their jobs
    upload = aged(
        media / "exchange/imports/2026/10/f4ec495f12698b295b8da8a82882a7d0.upload",
        days=40,
        content="Nama lengkap,NIK\nAnak Uji Pulih,6371040102129999\n",
    )
    report = aged(media / "exchange/reports/data-kesalahan.xlsx", days=31.5)
    # and files kept: one restored but still within the retention and its day, one a job names (however old)
    young = aged(media / "exchange/exports/2026/11/0a1b2c.xlsx", days=30.5)
    named = ImportJobFactory(created_by=board_member, upload=b"recent", age=2)
    aged(media / named.file.name, days=60)
    elsewhere = aged(media / "agreements/7/perjanjian.pdf", days=400)  # not the exchange's

    purged = exchange_files_purge()

    assert [(p.kind, p.files) for p in purged] == [
        (
            "unnamed",
            [
                "exchange/imports/2026/10/f4ec495f12698b295b8da8a82882a7d0.upload",
                "exchange/reports/data-kesalahan.xlsx",
            ],
        )
    ]
    assert not upload.exists() and not report.exists()
    assert young.exists() and stored(named.file.name) and elsewhere.exists()


def test_a_dry_run_lists_the_files_no_job_names_and_keeps_them(board_member):
    orphan = aged(Path(default_storage.location) / "exchange/exports/2026/09/9f8e7d.csv", days=45)

    out = io.StringIO()
    call_command("purge_exchange_files", "--dry-run", stdout=out)

    assert out.getvalue().splitlines() == [
        "file yang tidak disebut pekerjaan mana pun: exchange/exports/2026/09/9f8e7d.csv",
        "1 file dari 0 pekerjaan akan dihapus (uji coba, tidak ada yang dihapus); masa simpan 30 hari.",
    ]
    assert orphan.exists()


def test_the_hourly_reminders_run_the_clean_up(board_member):
    export = ExportJobFactory(requested_by=board_member, content=b"PK-export", age=31)
    out = io.StringIO()

    call_command("send_reminders", stdout=out)

    assert "exchange_files_purge: 1" in out.getvalue().splitlines()
    assert not stored(export.file.name)


# ---------------------------------------------------------------------------------------------- the pages after


def test_a_purged_export_explains_itself_instead_of_offering_a_broken_link(client, board_member):
    export = ExportJobFactory(requested_by=board_member, content=b"PK-export", age=31)
    exchange_files_purge()
    client.force_login(board_member)

    page = client.get(f"/exchange/exports/{export.pk}/").content.decode()
    assert "File ekspor ini dihapus otomatis 30 hari setelah selesai" in page
    assert 'id="export-download"' not in page and 'id="export-again"' in page
    response = client.get(f"/exchange/exports/{export.pk}/download/", follow=True)
    assert response.redirect_chain == [(f"/exchange/exports/{export.pk}/", 302)]
    assert "File ekspor ini dihapus otomatis" in response.content.decode()
    assert "File sudah dihapus" in client.get("/exchange/").content.decode()


def test_a_purged_exports_page_says_the_file_was_deleted_instead_of_ready(client, board_member):
    # Given a finished export of active LKS whose file the retention clean-up removed
    export = ExportJobFactory(requested_by=board_member, content=b"PK-export", age=31, filters={"status": ["active"]})
    exchange_files_purge()
    client.force_login(board_member)

    # When its owner opens its page
    page = client.get(f"/exchange/exports/{export.pk}/").content.decode()

    # Then it says the file was deleted, with no full "ready" bar and no download, but the same export offered again
    assert '<strong id="export-state" tabindex="-1">File sudah dihapus</strong>' in page and "Siap diunduh" not in page
    assert 'id="export-progress"' not in page and 'id="export-download"' not in page
    assert 'id="export-again" href="/exchange/export/lks/?status=active&amp;format=xlsx"' in page
    assert "File ekspor ini dihapus otomatis 30 hari setelah selesai" in page


def test_a_purged_export_is_explained_in_the_language_of_whoever_reads_it(client, board_member, settings):
    # Given an export asked for and purged on the Indonesian interface
    export = ExportJobFactory(requested_by=board_member, content=b"PK-export", age=31, language="id")
    exchange_files_purge()
    client.force_login(board_member)

    # When it is read on the English interface
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(f"/exchange/exports/{export.pk}/").content.decode()
    index = client.get("/exchange/").content.decode()

    # Then its state and the notice are in English, on its page and on the list
    assert '<strong id="export-state" tabindex="-1">File deleted</strong>' in page
    assert "This export file was deleted automatically 30 days after it was made" in page
    assert "dihapus" not in page
    assert "File deleted" in index and "Ready for download" not in index


def test_an_export_purged_with_the_notice_in_its_message_reads_in_the_viewers_language(client, board_member, settings):
    # Given an export purged before the notice was said from its state: the notice stored as Indonesian text, after
    # the retention period of that time
    export = ExportJobFactory(requested_by=board_member, age=31)
    notice = "File ekspor ini dihapus otomatis 45 hari setelah selesai (masa simpan). Buat ekspor baru bila masih "
    notice += "diperlukan."
    ExportJob.objects.filter(pk=export.pk).update(
        status=ExportStatus.SUCCEEDED, file_purged_at=timezone.now(), message=notice
    )
    client.force_login(board_member)

    # When it is read on the English interface
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(f"/exchange/exports/{export.pk}/").content.decode()

    # Then the notice is said once, in English, with the days it was kept then
    assert "This export file was deleted automatically 45 days after it was made" in page
    assert notice not in page and 'id="export-message"' not in page


def test_an_export_file_lost_from_storage_is_explained_too(client, board_member):
    export = ExportJobFactory(requested_by=board_member, content=b"PK-export")
    Path(export.file.path).unlink()
    client.force_login(board_member)

    response = client.get(f"/exchange/exports/{export.pk}/download/", follow=True)

    assert "File ekspor ini sudah tidak tersimpan lagi." in response.content.decode()


def test_a_purged_import_explains_itself_and_cannot_be_confirmed(client, board_member):
    job = ImportJobFactory(created_by=board_member, upload=b"old", report=b"PK-report", created_count=1, age=31)
    exchange_files_purge()
    client.force_login(board_member)

    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()
    assert "File unggahan dan laporan impor ini dihapus otomatis 30 hari" in page
    assert 'id="job-report"' not in page and 'id="job-confirm"' not in page and 'id="job-file-purged"' in page
    report = client.get(f"/exchange/imports/{job.pk}/report/", follow=True)
    assert report.redirect_chain == [(f"/exchange/imports/{job.pk}/", 302)]
    confirmed = client.post(f"/exchange/imports/{job.pk}/confirm/", follow=True)
    assert "Unggah file lagi bila masih diperlukan." in confirmed.content.decode()
    assert ImportJob.objects.count() == 1


def test_a_word_searched_for_leaves_the_export_job_with_its_file(board_member):
    # A security review found the search word (often a name) kept on the job for ever; its audit event keeps "*".
    export = ExportJobFactory(requested_by=board_member, content=b"PK-export", age=31,
                              filters={"q": ["Budi"], "status": ["active"]})  # fmt: skip

    exchange_files_purge()

    export.refresh_from_db()
    assert export.filters == {"status": ["active"]}


def test_the_page_of_a_purged_import_gives_its_counts_and_says_its_lists_went_with_the_file(client, jobs, board_member):
    old_import = jobs["old_import"]
    read = {"row": 2, "key": "Budi Contoh", "values": [["Nama lengkap", "Budi Contoh"]]}
    ImportJob.objects.filter(pk=old_import.pk).update(preview={"create": [read], "update": []}, created_count=1)
    exchange_files_purge()
    client.force_login(board_member)

    response = client.get(f"/exchange/imports/{old_import.pk}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "bersama daftar data yang dibuat dan diubah beserta isiannya" in page and "Budi Contoh" not in page


def test_the_page_of_an_import_made_before_the_cells_as_read_were_kept_still_lists_its_new_records(
    client, jobs, board_member
):
    # An upgrade review found it failing (500): the template read `item.values`, the dict's own method, on every job
    # made before the cells were kept.
    recent = jobs["recent_import"]
    ImportJob.objects.filter(pk=recent.pk).update(
        preview={"create": [{"row": 2, "key": "Budi Contoh"}]}, created_count=1
    )
    client.force_login(board_member)

    response = client.get(f"/exchange/imports/{recent.pk}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Baris 2: Budi Contoh" in page and "Buka satu baris" not in page


def test_the_values_a_trial_never_confirmed_would_have_written_go_with_its_upload(board_member):
    # a trial's update: the new phone it read was never saved anywhere else
    trial = ImportJobFactory(created_by=board_member, upload=b"old", age=31)
    update = {"row": 3, "key": "Sari Contoh", "changes": {"Telepon wali": ["0812 1111", "0813 9999"]}}
    warnings = {"count": 1, "kinds": 1, "groups": [], "notices": [0, 1]}
    ImportJob.objects.filter(pk=trial.pk).update(preview={"create": [], "update": [update], "warnings": warnings})

    exchange_files_purge()

    trial.refresh_from_db()
    assert trial.preview == {"create": [], "update": [], "warnings": warnings}
    assert "0813 9999" not in str(trial.preview) and "Sari Contoh" not in str(trial.preview)


def test_a_backlog_is_purged_one_job_at_a_time_not_read_whole_into_memory(board_member):
    # A year's backlog on the first hourly run after an upgrade: thousands of jobs, each with its preview (a review
    # measured 5.4 GB for 20,000 jobs read at once). Here twelve jobs of about 1 MB each.
    import tracemalloc

    big = {"create": [{"row": n, "key": f"Anak Contoh {n:05d}", "values": [["Nama", "x" * 400]]} for n in range(2000)]}
    for _ in range(12):
        job = ImportJobFactory(created_by=board_member, upload=b"old", age=40)
        ImportJob.objects.filter(pk=job.pk).update(preview=big)

    tracemalloc.start()
    try:
        purged = exchange_files_purge()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert len(purged) == 12
    assert peak < 8_000_000, f"{peak / 1e6:.1f} MB"


def test_a_number_in_the_name_of_a_purged_file_is_masked_as_its_cells_are(board_member):
    # (A review: a file named after a child's NIK kept the number in the lists for good after the purge.)
    job = ImportJobFactory(created_by=board_member, upload=b"old", age=31, original_name="nik 6371012345670001.xlsx")

    exchange_files_purge()

    job.refresh_from_db()
    assert job.original_name == "nik 6371********0001.xlsx"


def test_the_audit_log_keeps_no_file_name_only_its_type_and_names_the_import_by_number(board_member, tmp_path):
    # People name files after a child or a family card; an audit event outlives the erasure of either
    from django.core.files import File

    from sinergi.audit.models import AuditEvent
    from sinergi.exchange.services import import_job_create, import_job_run, import_upload_refused

    from .conftest import HEADERS, xlsx_file

    path = xlsx_file(tmp_path, [HEADERS], name="Bunga Uji kk 6371010101010002.xlsx")
    with path.open("rb") as handle:
        job = import_job_create(
            actor=board_member, entity_key="lks", file=File(handle), original_name=path.name, enqueue=False
        )
    import_job_run(job_id=job.pk)
    import_upload_refused(actor=board_member, entity_key="lks", original_name=path.name, size=1, reason="x")

    events = AuditEvent.objects.filter(action__startswith="exchange.import.")
    assert sorted(event.action for event in events) == ["exchange.import.checked", "exchange.import.upload_refused"]
    assert {event.data["file_type"] for event in events} == {".xlsx"}
    for event in events:
        kept = " ".join(str(value) for value in (event.object_repr, event.data, event.changes))
        assert "Bunga" not in kept and "6371" not in kept, kept
    assert events.get(action="exchange.import.checked").object_repr == f"lks #{job.pk}"


def test_the_migration_takes_the_file_names_out_of_earlier_import_events(board_member):
    import importlib

    from django.apps import apps

    from sinergi.audit.models import AuditEvent
    from sinergi.audit.services import audit_record
    from sinergi.exchange.models import ImportJob

    migration = importlib.import_module("sinergi.exchange.migrations.0018_audit_events_without_file_names")
    job = ImportJob.objects.create(entity="clients", created_by=board_member, original_name="x.csv")
    earlier = audit_record(
        actor=board_member,
        action="exchange.import.succeeded",
        obj=job,
        object_repr="clients Bunga Uji 6371045205140007.csv",
        data={"entity": "clients", "file": "Bunga Uji 6371********0007.csv", "sheet": "Bunga", "rows": 3},
    )
    refused = audit_record(
        actor=board_member, action="exchange.import.upload_refused", data={"entity": "lks", "file": "Siti.XLSX"}
    )
    other = audit_record(actor=board_member, action="people.person.updated", data={"file": "kept.csv"})

    migration.file_names_out_of_the_audit(apps, None)

    earlier.refresh_from_db(), refused.refresh_from_db(), other.refresh_from_db()
    assert (earlier.object_repr, earlier.data) == (
        f"clients #{job.pk}",
        {"entity": "clients", "rows": 3, "file_type": ".csv"},
    )
    assert refused.data == {"entity": "lks", "file_type": ".xlsx"}
    assert other.data == {"file": "kept.csv"}  # not an import's event
    assert AuditEvent.objects.count() == 3
