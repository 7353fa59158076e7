"""Findings of a security review of the imports and exports (a thirteenth review): a small file wrong in every cell
must not hold the worker for minutes and gigabytes, and a job whose report cannot be written still ends."""

import datetime
from pathlib import Path

import pytest
from django.core.files import File

from sinergi.exchange import files
from sinergi.exchange.files import FileRefused
from sinergi.exchange.models import ExportJob, ImportJob, ImportStatus
from sinergi.exchange.services import exchange_files_purge, import_job_create, import_job_run, running
from sinergi.exchange.services.results import kept_value

from .conftest import HEADERS, csv_file, run, xlsx_file

pytestmark = pytest.mark.django_db


def bad_rows(count: int) -> list[list]:
    """Rows each with two problems: an unknown service kind and a capacity that is no number."""
    return [[f"LKSA Salah {n}", "bukan jenis", "63.71.01.1001", f"TD/SALAH/{n}", "banyak"] for n in range(count)]


def test_the_check_stops_after_the_problem_limit_and_says_where(tmp_path, board_member, settings):
    settings.SINERGI = {**settings.SINERGI, "IMPORT_MAX_PROBLEMS": 10}

    result = run(csv_file(tmp_path, [HEADERS, *bad_rows(40)]), board_member, dry_run=True, batch_size=1000)

    assert result.status == "refused"
    assert len(result.problems) == 10  # five rows of two, not eighty problems
    assert result.message == (
        "Pemeriksaan dihentikan di baris 6: file ini sudah punya 10 masalah. Tidak ada yang disimpan. Biasanya satu "
        "kesalahan berulang di banyak baris (kolom yang tertukar, format yang salah): perbaiki yang tercantum di "
        "laporan, lalu unggah lagi untuk memeriksa sisanya."
    )


def test_under_the_limit_every_problem_is_reported(tmp_path, board_member):
    result = run(csv_file(tmp_path, [HEADERS, *bad_rows(40)]), board_member, dry_run=True)

    assert (result.status, len(result.problems), result.refused_rows) == ("refused", 80, 40)


def test_a_report_that_cannot_be_written_leaves_the_job_finished_and_says_so(tmp_path, board_member, monkeypatch):
    def too_large(**kwargs):
        raise RuntimeError("Filesize would require ZIP64")

    monkeypatch.setattr(running, "error_report_bytes", too_large)
    path = csv_file(tmp_path, [HEADERS, *bad_rows(2)])
    with path.open("rb") as handle:
        job = import_job_create(actor=board_member, entity_key="lks", file=File(handle), original_name="a.csv",
                                enqueue=False)  # fmt: skip

    import_job_run(job_id=job.pk)

    job.refresh_from_db()
    assert (job.status, job.problem_count, bool(job.error_report)) == (ImportStatus.REFUSED, 4, False)
    assert job.notices[0].startswith("Laporan (.xlsx) untuk impor ini tidak dapat dibuat")


def test_a_job_keeps_a_problem_nik_masked_and_a_long_cell_cut_and_its_purge_drops_the_cells(
    tmp_path, board_member, settings
):
    # A security review found a full NIK, and a 5 MB cell, kept on the job's row after its files were purged.
    path = csv_file(tmp_path, [[*HEADERS, "Nomor izin"], ["LKSA Panjang", "anak", "63.71.01.1001", "TD/P/1",
                                                         "6371043001120000", "x" * 5000]])  # fmt: skip
    with path.open("rb") as handle:
        job = import_job_create(actor=board_member, entity_key="lks", file=File(handle), original_name="a.csv",
                                enqueue=False)  # fmt: skip
    import_job_run(job_id=job.pk)
    job.refresh_from_db()

    values = [value for _row, _column, value, _message in job.problems]
    assert "6371********0000" in values and "6371043001120000" not in str(job.problems)
    assert max(len(value) for value in values) == 200

    exchange_files_purge(now=job.finished_at + datetime.timedelta(days=400))
    job.refresh_from_db()
    assert [value for _row, _column, value, _message in job.problems] == ["" for _ in values]


@pytest.mark.parametrize("typed", ["6371 0430 0112 0000", "6371.0430.0112.0000", "6371-0430-0112-0000"])
def test_a_job_keeps_a_problem_nik_masked_also_as_typed_with_separators(tmp_path, board_member, typed):
    # The sixty-eighth review: only sixteen digits in a row were masked, a NIK typed in groups was kept whole.
    path = csv_file(tmp_path, [[*HEADERS, "Nomor izin"], ["LKSA Panjang", "anak", "63.71.01.1001", "TD/P/1",
                                                         "banyak", typed + " " + "x" * 5000]])  # fmt: skip
    with path.open("rb") as handle:
        job = import_job_create(actor=board_member, entity_key="lks", file=File(handle), original_name="a.csv",
                                enqueue=False)  # fmt: skip
    import_job_run(job_id=job.pk)
    job.refresh_from_db()

    kept = str(job.problems)
    assert "6371********0000" in kept and "0430" not in kept


def test_a_number_in_exponent_form_is_masked_where_a_job_keeps_it():
    assert kept_value("6.371043001120001e+15") == "6371********0001e+15"
    assert kept_value("0812-3456-7890") == "0812-3456-7890"  # twelve digits: a phone, no NIK


def test_one_user_may_have_three_imports_waiting_and_no_more(tmp_path, board_member):
    # A security review queued 15 uploads in 4 seconds: one worker serves every user.
    path = csv_file(tmp_path, [HEADERS, *bad_rows(1)])
    for name in ("a.csv", "b.csv", "c.csv"):
        with path.open("rb") as handle:
            import_job_create(actor=board_member, entity_key="lks", file=File(handle), original_name=name,
                              enqueue=False)  # fmt: skip

    with path.open("rb") as handle, pytest.raises(FileRefused) as refused:
        import_job_create(actor=board_member, entity_key="lks", file=File(handle), original_name="d.csv",
                          enqueue=False)  # fmt: skip

    assert refused.value.message.startswith("Anda sudah punya beberapa impor atau ekspor yang menunggu")
    assert ImportJob.objects.count() == 3


def test_an_export_address_with_a_word_added_is_still_the_same_export(client, board_member, banjarmasin_lks, settings):
    settings.SINERGI = {**settings.SINERGI, "EXPORT_XLSX_SYNC_ROWS": 0}
    client.force_login(board_member)

    first = client.get("/exchange/export/lks/?format=xlsx&status=active")
    again = client.get("/exchange/export/lks/?format=xlsx&status=active&zz1=1")

    assert first["Location"] == again["Location"]
    assert ExportJob.objects.get().filters == {"status": ["active"]}


def test_a_stored_upload_is_readable_by_the_service_alone(tmp_path, board_member):
    path = csv_file(tmp_path, [HEADERS, *bad_rows(1)])
    with path.open("rb") as handle:
        job = import_job_create(actor=board_member, entity_key="lks", file=File(handle), original_name="a.csv",
                                enqueue=False)  # fmt: skip

    stored = Path(job.file.path)
    assert (stored.stat().st_mode & 0o777, stored.parent.stat().st_mode & 0o777) == (0o600, 0o700)


def test_a_csv_line_past_the_limit_is_refused_before_it_is_split(tmp_path, board_member, monkeypatch):
    # A one-line CSV of 24 million empty fields held the worker for 190 s and 470 MB.
    monkeypatch.setattr(files.csv_files, "CSV_MAX_LINE", 200)
    path = tmp_path / "lebar.csv"
    path.write_text(",".join(HEADERS) + "\n" + "," * 500 + "\n")

    result = run(path, board_member, dry_run=True)

    assert (result.status, result.message) == (
        "refused",
        "Baris 2 file CSV ini lebih dari 200 karakter, jadi file tidak dibaca. Buka file di Excel atau LibreOffice, "
        "periksa baris itu, simpan ulang sebagai CSV, lalu unggah lagi.",
    )


def test_an_xlsx_with_more_shared_strings_than_cells_allowed_is_refused_before_it_is_opened(
    tmp_path, board_member, settings
):
    # 16 million one-letter strings compress to 680 KB and took 946 MB to open.
    settings.SINERGI = {**settings.SINERGI, "IMPORT_MAX_CELLS": 40}
    rows = [HEADERS, *[[f"LKSA Teks {n}", "anak", "63.71.01.1001", f"TD/T/{n}", 10] for n in range(20)]]

    result = run(xlsx_file(tmp_path, rows), board_member, dry_run=True)

    assert result.status == "refused"
    assert result.message.startswith("File ini memuat terlalu banyak teks yang berbeda untuk dibaca (")


def test_an_export_is_handed_over_only_while_its_requesters_roles_are_the_same(
    client, board_member, banjarmasin_lks, settings, django_capture_on_commit_callbacks
):
    # A security review: a board member moved to another kabupaten/kota could still download the old one's list.
    settings.SINERGI = {**settings.SINERGI, "EXPORT_XLSX_SYNC_ROWS": 0}
    client.force_login(board_member)
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/exchange/export/lks/?format=xlsx")
    job = ExportJob.objects.get()
    assert client.get(f"/exchange/exports/{job.pk}/download/").status_code == 200

    board_member.memberships.update(region_id="63.72")

    response = client.get(f"/exchange/exports/{job.pk}/download/", follow=True)
    assert response.redirect_chain == [(f"/exchange/exports/{job.pk}/", 302)]
    assert "Peran atau wilayah Anda berubah sejak ekspor ini diminta" in response.content.decode()
