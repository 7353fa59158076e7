"""Thirty-fourth review (security and privacy of the exchange): a header too wide to match column by column, uploads
refused as a whole kept for nothing, a user's upload volume, and sizes that say why a file is too large."""

import datetime
from pathlib import Path

import pytest
from django.core.files import File
from django.utils import timezone
from django.utils.formats import date_format

from sinergi.accounts.zones import user_time_zone
from sinergi.audit.models import AuditEvent
from sinergi.exchange import pipeline, services
from sinergi.exchange.files import FileRefused, inspect
from sinergi.exchange.models import ImportJob, ImportStatus
from sinergi.exchange.pipeline import header_names

from .conftest import HEADERS, csv_file, media_root, run, xlsx_file

pytestmark = pytest.mark.django_db


# ------------------------------------------------------------------------------- F7: a header of many columns


@pytest.fixture
def no_hints(monkeypatch):
    """Fails the test if an unknown header is compared with the known ones (difflib, ~0.5 ms a column)."""

    def compared(*args, **kwargs):
        raise AssertionError("a header of too many columns was matched column by column")

    monkeypatch.setattr(header_names, "_meant_column", compared)


@pytest.mark.parametrize("make", [csv_file, xlsx_file], ids=["csv", "xlsx"])
def test_a_header_of_more_columns_than_the_cap_is_refused_before_any_matching(tmp_path, board_member, no_hints, make):
    header = HEADERS + [f"K{i}" for i in range(pipeline.HEADER_MAX_COLUMNS + 1 - len(HEADERS) + 1000)]
    path = make(tmp_path, [header, ["LKSA Baru", "anak", "63.71", "TD/1", 10]])

    result = run(path, board_member, dry_run=True)

    assert (result.status, result.message) == (
        "refused",
        "Baris 1 berisi 1.501 kolom, padahal file impor boleh memuat paling banyak 500 kolom (templat impor memuat "
        "sekitar 30). Hapus kolom yang tidak dipakai, atau salin datanya ke templat impor, lalu unggah lagi.",
    )
    assert result.problems == [] and not [n for n in result.notices if "tidak dikenal" in n]


def test_a_header_of_as_many_columns_as_the_cap_is_read(tmp_path, board_member):
    header = HEADERS + [f"Catatan {i}" for i in range(pipeline.HEADER_MAX_COLUMNS - len(HEADERS))]
    path = csv_file(tmp_path, [header, ["LKSA Baru", "anak", "63.71", "TD/1", 10]])

    result = run(path, board_member, dry_run=True)

    assert result.status == "checked"


def test_the_notice_of_unknown_columns_names_the_first_twenty_and_counts_the_others(tmp_path, board_member):
    header = HEADERS + ["Tangal berdiri"] + [f"Catatan {i}" for i in range(1, 31)]
    path = csv_file(tmp_path, [header, ["LKSA Baru", "anak", "63.71", "TD/1", 10]])

    result = run(path, board_member, dry_run=True)

    named = ", ".join(f"“Catatan {i}”" for i in range(1, 20))
    assert f"Kolom yang tidak dikenal diabaikan: “Tangal berdiri”, {named}, dan 11 kolom lain." in result.notices


# ------------------------------------------------------------------------------- F10: sizes that differ


@pytest.mark.parametrize(
    "over, message",
    [
        (1, "File terlalu besar (lebih dari 25 MB). Bagi data menjadi beberapa file."),
        (6000, "File terlalu besar (25,01 MB; paling besar 25 MB). Bagi data menjadi beberapa file."),
        (300 * 1024, "File terlalu besar (25,3 MB; paling besar 25 MB). Bagi data menjadi beberapa file."),
    ],
)
def test_a_file_over_the_size_limit_says_a_size_other_than_the_limit(tmp_path, over, message):
    path = tmp_path / "besar.csv"
    with path.open("wb") as handle:
        handle.truncate(25 * 1024 * 1024 + over)  # sparse: refused by its size, never read

    with pytest.raises(FileRefused) as refused:
        inspect(path)

    assert str(refused.value) == message


# ------------------------------------------------------------------------------- F6: uploads kept for nothing


def stored_uploads() -> list[Path]:
    root = media_root() / "exchange" / "imports"
    return sorted(p for p in root.rglob("*.upload")) if root.exists() else []


def create(actor, path: Path, *, entity_key: str = "lks") -> ImportJob:
    with path.open("rb") as handle:
        return services.import_job_create(
            actor=actor, entity_key=entity_key, file=File(handle), original_name=path.name, enqueue=False
        )


def checked(actor, path: Path) -> ImportJob:
    job = create(actor, path)
    services.import_job_run(job_id=job.pk, actor=actor)
    return ImportJob.objects.get(pk=job.pk)


REFUSED_AS_A_WHOLE = {
    "no header": [["foo", "bar", "baz"], ["1", "2", "3"]],
    "a required column missing": [HEADERS[:1] + HEADERS[2:], ["LKSA Baru", "63.71", "TD/1", 10]],
    "too many columns": [HEADERS + [f"K{i}" for i in range(600)], ["LKSA Baru", "anak", "63.71", "TD/1", 10]],
}


@pytest.mark.parametrize("rows", REFUSED_AS_A_WHOLE.values(), ids=REFUSED_AS_A_WHOLE.keys())
def test_an_upload_refused_as_a_whole_is_deleted_at_once_and_its_job_kept(client, tmp_path, board_member, rows):
    job = checked(board_member, csv_file(tmp_path, rows))

    assert (job.status, job.refused_count, job.file.name) == (ImportStatus.REFUSED, 0, "")
    assert job.message and stored_uploads() == []
    assert AuditEvent.objects.filter(action="exchange.import.checked", object_id=str(job.pk)).exists()
    client.force_login(board_member)
    page = client.get(f"/exchange/imports/{job.pk}/")
    assert page.status_code == 200 and "job-retry" not in page.content.decode()
    if job.error_report:  # a missing column: the report marks it, and is still handed over
        assert client.get(f"/exchange/imports/{job.pk}/report/").status_code == 200


def test_an_upload_refused_for_its_rows_is_kept_for_its_report(tmp_path, board_member):
    job = checked(board_member, csv_file(tmp_path, [HEADERS, ["LKSA Luar", "anak", "63.72", "TD/X", 1]]))

    assert job.status == ImportStatus.REFUSED and job.refused_count == 1
    assert [p.name for p in stored_uploads()] == [Path(job.file.name).name]


def test_a_deleted_upload_is_not_shared_with_the_same_bytes_sent_again(tmp_path, board_member):
    path = csv_file(tmp_path, REFUSED_AS_A_WHOLE["no header"])
    first = create(board_member, path)
    stored = first.file.name
    services.import_job_run(job_id=first.pk, actor=board_member)

    again = create(board_member, path)

    assert again.file.name != stored
    assert [p.name for p in stored_uploads()] == [Path(again.file.name).name]


def test_a_copy_shared_with_a_job_that_still_needs_it_stays(tmp_path, board_member):
    path = csv_file(tmp_path, REFUSED_AS_A_WHOLE["no header"])
    first = create(board_member, path)
    refused = create(board_member, path)  # the same bytes: one stored copy
    assert refused.file.name == first.file.name

    services.import_job_run(job_id=refused.pk, actor=board_member)

    assert ImportJob.objects.get(pk=refused.pk).file.name == ""
    assert [p.name for p in stored_uploads()] == [Path(first.file.name).name]


def sized(tmp_path: Path, name: str, size: int) -> Path:
    """A CSV of about `size` bytes, each different."""
    rows = [HEADERS] + [[f"LKSA {name} {i}", "anak", "63.71", f"TD/{i}", 10] for i in range(size // 40)]
    return csv_file(tmp_path, rows, name=f"{name}.csv")


def test_a_user_may_store_only_so_many_megabytes_of_uploads_a_day(tmp_path, board_member, settings):
    settings.SINERGI = {**settings.SINERGI, "IMPORT_UPLOAD_MB_PER_DAY": 1, "JOBS_PENDING_PER_USER": 10}
    first = create(board_member, sized(tmp_path, "satu", 450_000))
    second = create(board_member, sized(tmp_path, "dua", 450_000))
    now = timezone.now()
    ImportJob.objects.filter(pk=first.pk).update(created_at=now - datetime.timedelta(hours=20))
    ImportJob.objects.filter(pk=second.pk).update(created_at=now - datetime.timedelta(hours=10))
    create(board_member, tmp_path / "satu.csv")  # the same bytes again share their copy: counted once
    used = sum({job.file_sha256: job.file_size for job in ImportJob.objects.all()}.values())

    with pytest.raises(services.FileRefused) as refused:
        create(board_member, sized(tmp_path, "tiga", 450_000))

    # Room comes when "dua" leaves the 24 hours, sent last 10 hours ago ("satu", sent first, was sent again since: a
    # review found the first upload's time named, and the upload refused again then)
    when = timezone.localtime(now + datetime.timedelta(hours=14), user_time_zone(board_member))
    assert str(refused.value) == (
        f"Anda sudah mengunggah {used / 1048576:.1f} MB dalam 24 jam terakhir; paling banyak 1 MB sehari per "
        f"pengguna. Unggah file ini lagi mulai {date_format(when, 'j F Y H.i')}."
    ).replace(".", ",", 1)
    assert ImportJob.objects.count() == 3 and len(stored_uploads()) == 2


def test_uploads_on_the_command_line_do_not_count_against_a_users_web_uploads(tmp_path, board_member, settings):
    settings.SINERGI = {**settings.SINERGI, "IMPORT_UPLOAD_MB_PER_DAY": 1, "JOBS_PENDING_PER_USER": 10}
    for name in ("satu", "dua"):  # import_data --as the user (a review: their day's allowance was used up)
        with sized(tmp_path, name, 450_000).open("rb") as handle:
            services.import_job_create(
                actor=board_member, entity_key="lks", file=File(handle), original_name=f"{name}.csv", enqueue=False,
                via=services.COMMAND_LINE,
            )  # fmt: skip

    assert create(board_member, sized(tmp_path, "tiga", 450_000)).pk


def test_uploads_older_than_a_day_do_not_count(tmp_path, board_member, settings):
    settings.SINERGI = {**settings.SINERGI, "IMPORT_UPLOAD_MB_PER_DAY": 1, "JOBS_PENDING_PER_USER": 10}
    create(board_member, sized(tmp_path, "satu", 450_000))
    create(board_member, sized(tmp_path, "dua", 450_000))
    ImportJob.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))

    job = create(board_member, sized(tmp_path, "tiga", 450_000))

    assert job.pk and len(stored_uploads()) == 3
