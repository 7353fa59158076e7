"""The exchange's commands as a server's scripts and cron run them (twenty-eighth review): exit statuses that tell
outcomes apart, a stop by a signal handled as Ctrl+C, files written whole or not at all, logs without a terminal's
bar, the channel and the server account in the audit, and the service's account only."""

import io
import os
import signal

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError

from sinergi.audit.models import AuditEvent
from sinergi.exchange import services
from sinergi.exchange.management import cli
from sinergi.exchange.management.commands import import_data
from sinergi.exchange.models import ImportJob, ImportStatus
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory

from .conftest import HEADERS, xlsx_file
from .factories import ExportJobFactory, ImportJobFactory

pytestmark = pytest.mark.django_db


def call(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def exit_status(*args) -> tuple[int, str]:
    with pytest.raises(CommandError) as ended:
        call(*args)
    return ended.value.returncode, str(ended.value)


# --------------------------------------------------------------------------------------------- exit statuses


def test_each_outcome_of_an_import_has_its_own_exit_status(tmp_path, board_member):
    rows_with_problems = xlsx_file(tmp_path, [HEADERS, ["LKSA Luar", "anak", "63.72", "TD/X", 1]], name="luar.xlsx")
    not_a_spreadsheet = tmp_path / "surat.csv"
    not_a_spreadsheet.write_bytes(b"\x00\x01\x02PK\x03\x04 not a table")

    assert exit_status("import_data", "lks", str(rows_with_problems), "--as", "pengurus.uji")[0] == 1
    assert exit_status("import_data", "lks", str(tmp_path / "hilang.xlsx"))[0] == 2
    assert exit_status("import_data", "lks", str(rows_with_problems), "--as", "tidak.ada")[0] == 2
    assert exit_status("import_data", "lks", str(not_a_spreadsheet))[0] == 3
    assert "Status keluar: 0 selesai; 1 ada baris bermasalah" in import_data.Command().help


@pytest.mark.parametrize("command", ["import_data", "export_data"])
def test_a_database_held_by_another_writer_past_the_wait_ends_with_a_line_not_a_traceback(
    tmp_path, board_member, monkeypatch, command
):
    # SQLite's one write lock held by a large import or a migration for longer than the busy time-out
    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Baru", "anak", "63.71", "TD/B", 1]])
    if command == "import_data":
        monkeypatch.setattr(services.ImportJob, "save", locked)
        args = ("import_data", "lks", str(path), "--as", "pengurus.uji")
    else:
        monkeypatch.setattr(AuditEvent, "save", locked)
        args = ("export_data", "lks", str(tmp_path / "lks.csv"))
    assert exit_status(*args) == (4, str(cli.DATABASE_BUSY))
    assert not ImportJob.objects.exists()


def test_another_database_error_is_not_taken_for_a_busy_database(tmp_path, board_member, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("no such table: exchange_importjob")

    monkeypatch.setattr(services.ImportJob, "save", broken)
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Baru", "anak", "63.71", "TD/B", 1]])
    with pytest.raises(OperationalError):
        call("import_data", "lks", str(path), "--as", "pengurus.uji")


def test_a_user_without_the_right_is_told_by_name_as_the_export_tells_it(tmp_path, operator):
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Baru", "anak", "63.71", "TD/B", 1]])
    operator.memberships.all().delete()

    status, message = exit_status("import_data", "lks", str(path), "--as", "operator.uji")

    assert (status, message) == (2, "Pengguna “operator.uji” tidak berwenang mengimpor data LKS.")


@pytest.mark.parametrize("command", [["import_data", "lks"], ["export_data", "lks"], ["import_template", "lks"]])
@pytest.mark.parametrize("name", ["-", "/dev/stdin"])
def test_standard_streams_are_refused_with_a_word_not_taken_as_file_names(tmp_path, monkeypatch, command, name):
    monkeypatch.chdir(tmp_path)

    status, message = exit_status(*command, name)

    assert status == 2 and "tulis nama file biasa" in message
    assert list(tmp_path.iterdir()) == []  # no file called "-"


# --------------------------------------------------------------------------------------- stopping a run


@pytest.fixture
def a_run_stopped_by(monkeypatch):
    """Makes the run's first progress step stop it: by Ctrl+C, or by a signal sent to this process."""

    def stop_with(how):
        def progress(self, phase, done, total):
            if how == "ctrl-c":
                raise KeyboardInterrupt
            os.kill(os.getpid(), how)

        monkeypatch.setattr(import_data.ProgressBar, "__call__", progress)

    return stop_with


@pytest.mark.parametrize("how", ["ctrl-c", signal.SIGTERM, signal.SIGHUP], ids=["ctrl-c", "sigterm", "sighup"])
def test_a_run_stopped_by_ctrl_c_or_a_signal_is_cancelled_with_a_message_and_saves_nothing(
    tmp_path, board_member, a_run_stopped_by, how
):
    a_run_stopped_by(how)
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Baru", "anak", "63.71.01.1001", "TD/BARU", 5]])
    handlers = {number: signal.getsignal(number) for number in cli.STOP_SIGNALS}

    status, message = exit_status("import_data", "lks", str(path), "--as", "pengurus.uji")

    assert (status, message) == (4, "Impor dibatalkan; tidak ada data yang disimpan.")
    assert ImportJob.objects.get().status == ImportStatus.CANCELLED
    assert not Organisation.objects.exists()
    assert {number: signal.getsignal(number) for number in cli.STOP_SIGNALS} == handlers  # given back


def test_a_trial_stopped_is_called_a_trial(tmp_path, board_member, a_run_stopped_by):
    a_run_stopped_by("ctrl-c")
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Baru", "anak", "63.71.01.1001", "TD/BARU", 5]])

    assert exit_status("import_data", "lks", str(path), "--dry-run", "--as", "pengurus.uji") == (
        4,
        "Uji coba dibatalkan.",
    )


def test_a_stopped_run_whose_lock_goes_a_moment_later_is_still_ended_as_cancelled(monkeypatch, board_member):
    # PostgreSQL: the writer's session ends a moment after its thread closed it, holding the job's lock till then.
    job = ImportJobFactory(status=ImportStatus.RUNNING, dry_run=False, created_by=board_member)
    answers = iter([True, True, False])
    monkeypatch.setattr(services.runners, "runner_alive", lambda kind, pk: next(answers, False))

    settled = services.import_job_settle(job=job, stopped=True, wait_seconds=5)

    assert (settled.status, settled.message) == (ImportStatus.CANCELLED, str(services.CANCELLED))


def test_an_export_stopped_writes_nothing_and_says_so(tmp_path, monkeypatch):
    from sinergi.exchange.management.commands import export_data

    def stopped(**kwargs):
        yield b"ID,Nama LKS\r\n"
        raise KeyboardInterrupt

    OrganisationFactory()
    monkeypatch.setattr(export_data, "csv_chunks", stopped)

    status, message = exit_status("export_data", "lks", str(tmp_path / "lks.csv"))

    assert status == 4 and message.startswith("Ekspor dihentikan;")
    assert list(tmp_path.iterdir()) == []  # no hidden .part left


# ------------------------------------------------------------------------------------------ files written


def test_a_report_that_cannot_be_written_beside_the_file_says_so(tmp_path, board_member, monkeypatch):
    def disk_full(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(import_data, "write_whole", disk_full)
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Luar", "anak", "63.72", "TD/X", 1]])
    err = io.StringIO()

    with pytest.raises(CommandError) as refused:
        call_command("import_data", "lks", str(path), "--as", "pengurus.uji", stdout=io.StringIO(), stderr=err)

    assert refused.value.returncode == 1  # the rows' problems, as without the report
    assert f"Tidak dapat menulis {tmp_path / 'data-kesalahan.xlsx'}: ruang disk penuh." in err.getvalue()
    assert "tetap ada di halaman Impor/Ekspor" in err.getvalue()


def test_a_file_written_whole_leaves_nothing_when_the_disk_fills_halfway(tmp_path, monkeypatch):
    target = tmp_path / "laporan.xlsx"
    real_fdopen = os.fdopen

    def opened_then_full(fd, *args, **kwargs):
        handle = real_fdopen(fd, *args, **kwargs)  # the file now exists, empty

        class FillsUp:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                handle.close()
                return False

            def write(self, data):
                raise OSError(28, "No space left on device")

        return FillsUp()

    monkeypatch.setattr(cli.os, "fdopen", opened_then_full)

    with pytest.raises(OSError):
        cli.write_whole(target, b"data")

    assert not target.exists()


@pytest.fixture
def open_umask():
    """The usual umask of a shell (0022): a file made with open()'s defaults is readable by everyone."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_an_error_report_beside_the_file_is_readable_by_its_owner_only(tmp_path, board_member, open_umask):
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Luar", "anak", "63.72", "TD/X", 1]])

    with pytest.raises(CommandError):
        call("import_data", "lks", str(path), "--as", "pengurus.uji")

    report = tmp_path / "data-kesalahan.xlsx"
    assert report.stat().st_mode & 0o777 == 0o600


def test_a_file_written_whole_is_made_private_not_changed_after_writing(tmp_path, open_umask, monkeypatch):
    target = tmp_path / "laporan.xlsx"
    monkeypatch.setattr(cli.os, "chmod", None)  # no window in which the file is readable by others

    cli.write_whole(target, b"data")

    assert (target.read_bytes(), target.stat().st_mode & 0o777) == (b"data", 0o600)


@pytest.mark.parametrize("existing", [False, True])
def test_an_export_is_readable_by_its_owner_only_also_where_it_replaces_a_file(tmp_path, open_umask, existing):
    OrganisationFactory(region_id="63.71.01.1001")
    target = tmp_path / "lks.csv"
    if existing:
        target.write_text("lama")
        target.chmod(0o644)

    call("export_data", "lks", str(target))

    assert target.read_text() != "lama"  # replaced, as before
    assert target.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("command", [["export_data", "lks"], ["import_template", "lks"]])
def test_a_target_that_is_a_folder_is_refused_with_a_word(tmp_path, command):
    folder = tmp_path / "data.xlsx"
    folder.mkdir()

    status, message = exit_status(*command, str(folder))

    assert (status, message) == (4, f"Tidak dapat menulis {folder}: sudah ada folder dengan nama itu.")


def test_a_template_is_written_only_under_an_xlsx_name(tmp_path):
    assert exit_status("import_template", "lks", str(tmp_path / "templat.txt"))[0] == 2
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------------------------------------- logs


def test_progress_in_a_log_is_plain_lines_without_a_terminals_carriage_returns(tmp_path, board_member):
    rows = [["LKSA Lama Banjarmasin", "anak", "63.71.01.1001", f"TD/{n}", 30] for n in range(8)]
    path = xlsx_file(tmp_path, [HEADERS, *rows])

    _out, err = call("import_data", "lks", str(path), "--dry-run", "--as", "pengurus.uji")

    assert "\r" not in err
    assert [line.split(" (")[0] for line in err.splitlines()] == ["Memeriksa 8/8"]


def test_verbosity_zero_draws_no_progress(tmp_path, board_member):
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Baru", "anak", "63.71.01.1001", "TD/BARU", 5]])

    _out, err = call("import_data", "lks", str(path), "--dry-run", "--as", "pengurus.uji", "-v", "0")

    assert err == ""


# ---------------------------------------------------------------------------------------------- audit


def test_an_import_run_as_a_user_from_the_command_line_is_audited_as_such_with_the_server_account(
    tmp_path, board_member
):
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Baru", "anak", "63.71.01.1001", "TD/BARU", 5]])

    call("import_data", "lks", str(path), "--dry-run", "--as", "pengurus.uji")

    event = AuditEvent.objects.get(action="exchange.import.checked")
    assert (event.actor, event.data["via"]) == (board_member, "command line")
    assert event.data["os_user"]
    assert ImportJob.objects.get().via == "command line"


def test_an_upload_on_the_web_is_audited_as_the_web_without_a_server_account(tmp_path, board_member):
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Baru", "anak", "63.71.01.1001", "TD/BARU", 5]])
    with path.open("rb") as handle:
        from django.core.files import File

        job = services.import_job_create(
            actor=board_member, entity_key="lks", file=File(handle), original_name=path.name, enqueue=False
        )
    services.import_job_run(job_id=job.pk, actor=board_member)

    event = AuditEvent.objects.get(action="exchange.import.checked")
    assert event.data["via"] == "web" and "os_user" not in event.data


# ------------------------------------------------------------------------------ the service's account


def test_a_command_run_as_another_account_than_the_data_folders_owner_is_refused(tmp_path, monkeypatch, settings):
    settings.VAR_DIR = tmp_path
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Baru", "anak", "63.71.01.1001", "TD/BARU", 5]])
    monkeypatch.setattr(cli.os, "geteuid", lambda: os.stat(tmp_path).st_uid + 1)  # e.g. root over "sinergi"

    status, message = exit_status("import_data", "lks", str(path), "--dry-run")

    assert status == 2 and "Jalankan perintah ini sebagai akun layanan" in message
    assert not ImportJob.objects.exists()


# ---------------------------------------------------------------------------------------------- purge


def test_a_purge_that_cannot_delete_files_says_which_and_fails(monkeypatch):
    export = ExportJobFactory(content=b"an old export", age=400)
    assert export.file
    from sinergi.core.storage import PrivateFileSystemStorage

    def refused(storage, name):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(PrivateFileSystemStorage, "delete", refused)
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(CommandError) as failed:
        call_command("purge_exchange_files", stdout=out, stderr=err)

    assert failed.value.returncode == 4
    assert "1 file dari 1 pekerjaan yang melewati masa simpan tidak dapat dihapus (Permission denied)" in str(
        failed.value
    )
    assert f"ekspor #{export.pk}" in err.getvalue() and "tidak dapat dihapus" in err.getvalue()
    export.refresh_from_db()
    assert export.file and export.file_purged_at is None  # tried again by the next run


def test_the_server_account_is_the_processs_own_not_what_the_environment_claims(tmp_path, board_member, monkeypatch):
    import pwd

    monkeypatch.setenv("USER", "mallory")
    monkeypatch.setenv("LOGNAME", "mallory")
    monkeypatch.delenv("SUDO_USER", raising=False)
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Baru", "anak", "63.71.01.1001", "TD/BARU", 5]])

    call("import_data", "lks", str(path), "--dry-run", "--as", "pengurus.uji")

    event = AuditEvent.objects.get(action="exchange.import.checked")
    assert event.data["os_user"] == pwd.getpwuid(os.geteuid()).pw_name


def test_a_progress_line_of_a_phase_just_begun_shows_no_rate(tmp_path, board_member):
    bar_out = io.StringIO()
    from django.core.management.base import OutputWrapper

    bar = import_data.ProgressBar(OutputWrapper(bar_out))
    bar.phase_started -= 10  # the run began ten seconds ago
    bar("reading", 1000, 2000)
    bar("saving", 1000, 1000)  # the saving's first step, at once

    assert bar_out.getvalue().splitlines() == ["Memeriksa 1000/2000 (100 baris/d)", "Menyimpan 1000/1000"]


def test_the_queue_lists_waiting_and_running_jobs_oldest_first_with_who_and_what(board_member):
    from django.utils import timezone

    ImportJobFactory(status=ImportStatus.QUEUED, created_by=board_member, original_name="panti.xlsx", file_size=2048)
    running = ImportJobFactory(status=ImportStatus.RUNNING, dry_run=False, created_by=board_member, rows_total=10)
    ImportJob.objects.filter(pk=running.pk).update(created_at=timezone.now() - timezone.timedelta(minutes=5))
    ImportJobFactory(status=ImportStatus.CHECKED, created_by=board_member)  # finished: not listed

    out, _err = call("exchange_jobs")

    lines = out.splitlines()
    assert lines[0].startswith(f"impor #{running.pk}  berjalan sejak 5 menit  pengurus.uji  lks")
    assert "menunggu sejak 0 menit  pengurus.uji  uji coba lks  panti.xlsx (0.0 MB)" in lines[1]
    assert lines[-1] == "1 berjalan, 1 menunggu."


def test_an_empty_queue_says_so():
    assert call("exchange_jobs")[0] == "Tidak ada impor atau ekspor yang menunggu atau berjalan.\n"
