"""Spreadsheet import in a real Chromium: upload → progress (HTMX polling) → result → error report → fix → import."""

import re

import pytest
from playwright.sync_api import expect
from python_calamine import CalamineWorkbook

from sinergi.exchange import exports, services
from sinergi.exchange.models import ExportJob, ImportJob
from sinergi.exchange.services import uploads
from sinergi.exchange.tests.conftest import xlsx_file
from sinergi.exchange.tests.test_job_page import CONSENT, SHEET, client_rows
from sinergi.exchange.tests.test_job_page import HEADERS as CLIENT_HEADERS
from sinergi.organisations.models import Organisation
from sinergi.people.models import PersonAccess

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADERS = ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "Nomor tanda daftar", "Kapasitas (orang)"]


def test_board_member_imports_a_spreadsheet_fixing_the_errors_from_the_report(page, tmp_path, monkeypatch, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
    }
    bad = xlsx_file(
        tmp_path,
        [
            HEADERS,
            ["LKSA Impor Satu", "anak", "63.71.01.1001", "TD/IMPOR/1", 20],
            ["LKSA Impor Dua", "lanjut usai", "63.71.01.1001", "TD/IMPOR/2", 15],
        ],
        name="lks-banjarmasin.xlsx",
    )
    before = Organisation.objects.count()
    # Hold the job in the queue (no worker yet), so that the page shows the waiting state and polls.
    monkeypatch.setattr(uploads, "_enqueue", lambda job: None)

    login(page, "pengurus.banjarmasin")
    page.click("nav >> text=Impor/Ekspor")
    expect(page.locator("h1")).to_have_text("Impor dan ekspor spreadsheet")
    page.set_input_files("input[name=file]", str(bad))
    page.click("#upload-form button[type=submit]")
    expect(page.locator("#job-state")).to_have_text("Menunggu giliran")
    expect(page.locator("#job-progress")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Menunggu giliran · Uji coba impor LKS · lks-banjarmasin\.xlsx"))

    # The worker picks the job up; the page, polling with HTMX, shows the outcome without a reload (in the tab's
    # title too, for a user waiting in another tab).
    job = ImportJob.objects.get()
    services.import_job_run(job_id=job.pk)
    expect(page.locator("#job-state")).to_have_text("Ditolak: ada kesalahan", timeout=10_000)
    expect(page).to_have_title(re.compile(r"^Ditolak: ada kesalahan · Uji coba impor LKS"))
    expect(page.locator("#job-problems")).to_contain_text("Mungkin maksud Anda “LKS Lanjut Usia”")
    expect(page.locator("#job-message")).to_contain_text("Tidak ada data yang disimpan")
    page.reload()  # the result survives a reload
    expect(page.locator("#job-state")).to_have_text("Ditolak: ada kesalahan")
    # on a phone the problems are cards to read down, not a table to scroll sideways
    page.set_viewport_size({"width": 390, "height": 844})
    message = page.locator("#job-problems td[data-label=Masalah]").first
    expect(message).to_be_visible()
    box = message.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["width"] > 300  # the message spans the card
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.set_viewport_size({"width": 1280, "height": 900})

    with page.expect_download() as download_info:
        page.click("#job-report")
    report = download_info.value
    assert report.suggested_filename.startswith("laporan-kesalahan-lks-banjarmasin-")
    rows = CalamineWorkbook.from_path(str(report.path())).get_sheet_by_index(0).to_python()
    assert rows[0][-1] == "Kesalahan impor"
    assert rows[2][-1].startswith("Jenis layanan utama: “lanjut usai” tidak ada dalam daftar.")
    assert Organisation.objects.count() == before

    # Fix the cell the report points at and upload the report itself; this time the worker runs at once.
    monkeypatch.undo()
    rows[2][1] = "lanjut_usia"
    fixed = xlsx_file(tmp_path, rows, name="lks-banjarmasin-diperbaiki.xlsx")
    page.click("text=Unggah file lain")
    page.set_input_files("input[name=file]", str(fixed))
    page.click("#upload-form button[type=submit]")
    expect(page.locator("#job-state")).to_have_text("Uji coba selesai")
    expect(page.locator("#count-created")).to_have_text("2")
    page.click("#job-confirm")
    expect(page.locator("#job-state")).to_have_text("Berhasil diimpor")
    expect(page.locator("#count-created")).to_have_text("2")
    assert Organisation.objects.count() == before + 2
    assert set(Organisation.objects.filter(name__startswith="LKSA Impor").values_list("status", flat=True)) == {"draft"}


def test_operator_gets_a_large_xlsx_export_from_the_background_worker(page, tmp_path, monkeypatch, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
    }
    settings.SINERGI = {**settings.SINERGI, "EXPORT_XLSX_SYNC_ROWS": 5}
    # Hold the job in the queue (no worker yet), so that the page shows the waiting state and polls.
    monkeypatch.setattr(exports.asking, "_enqueue", lambda job: None)

    login(page, "operator.lks")
    page.click("nav >> text=Impor/Ekspor")
    # Personal data: the purpose of access is asked first (once per session), then the page comes back.
    page.locator("tr", has_text="penerima layanan").get_by_role("link", name="Pilih tujuan akses dulu").click()
    expect(page.locator("h1")).to_have_text("Tujuan akses data pribadi")
    page.get_by_label("Pengawasan / monitoring").check()
    page.get_by_role("button", name="Lanjutkan").click()
    expect(page.locator("h1")).to_have_text("Impor dan ekspor spreadsheet")
    expect(page.locator("#export-purpose")).to_contain_text("Pengawasan / monitoring")
    page.locator("tr", has_text="penerima layanan").get_by_role(
        "link", name="XLSX penerima layanan", exact=True
    ).click()
    expect(page.locator("#export-state")).to_have_text("Menunggu giliran")

    # The worker writes the file; the page, polling with HTMX, offers it without a reload.
    job = ExportJob.objects.get()
    exports.export_job_run(job_id=job.pk)
    expect(page.locator("#export-download")).to_be_visible(timeout=10_000)
    with page.expect_download() as download_info:
        page.click("#export-download")
    rows = CalamineWorkbook.from_path(str(download_info.value.path())).get_sheet_by_index(0).to_python()
    operator_lks = Organisation.objects.get(user_memberships__user__username="operator.lks")
    assert rows[0][:2] == ["ID", "Nama lengkap"] and len(rows) - 1 == job.rows_total > 5
    nik, lks = rows[0].index("NIK (disamarkan)"), rows[0].index("LKS")
    assert all("********" in row[nik] for row in rows[1:] if row[nik])  # NIK masked
    assert {row[lks] for row in rows[1:]} == {operator_lks.registration_number or operator_lks.name}
    assert set(PersonAccess.objects.filter(what="exported").values_list("purpose", flat=True)) == {"supervision"}


def test_board_member_clicks_a_large_export_twice_then_cancels_it(page, tmp_path, monkeypatch, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
    }
    settings.SINERGI = {**settings.SINERGI, "EXPORT_XLSX_SYNC_ROWS": 1}
    # Hold the job in the queue (no worker yet), as when the worker is busy with another file.
    monkeypatch.setattr(exports.asking, "_enqueue", lambda job: None)

    login(page, "pengurus.banjarmasin")
    page.click("nav >> text=Impor/Ekspor")
    lks_xlsx = page.locator("tr", has_text="LKS").first.get_by_role("link", name="XLSX LKS", exact=True)
    lks_xlsx.click()
    expect(page.locator("#export-state")).to_have_text("Menunggu giliran")
    first = page.url

    # Back on the exchange page, the same button again: the same job, not a second one
    page.go_back()
    lks_xlsx.click()
    expect(page.locator("#export-state")).to_have_text("Menunggu giliran")
    expect(page.locator("#main")).to_contain_text("Ekspor yang sama (data, format, dan saringan yang sama)")
    assert page.url == first and ExportJob.objects.count() == 1

    # The board member changes their mind: the export is cancelled and the page says so
    page.click("#export-cancel")
    expect(page.locator("#export-state")).to_have_text("Dibatalkan")
    expect(page.locator("#export-cancelled")).to_be_visible()
    expect(page.locator("#export-again")).to_be_visible()
    expect(page.locator("#export-progress")).to_have_count(0)
    job = ExportJob.objects.get()
    exports.export_job_run(job_id=job.pk)  # the task, delivered late, writes nothing
    job.refresh_from_db()
    assert (job.status, job.file.name) == ("cancelled", "")


def test_operator_reads_a_large_result_on_a_phone_errors_first_and_warnings_grouped(
    page, tmp_path, monkeypatch, settings
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
    }
    # 40 children without consent columns (a warning each), one with a date that does not exist (an error).
    path = xlsx_file(tmp_path, [CLIENT_HEADERS, *client_rows(40, bad_date_at=4)], name="klien.xlsx", sheet=SHEET)
    monkeypatch.setattr(uploads, "_enqueue", lambda job: services.import_job_run(job_id=job.pk))

    login(page, "operator.lks")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{page.base_url}/exchange/")
    page.select_option("select[name=entity]", "clients")
    page.set_input_files("input[name=file]", str(path))
    page.click("#upload-form button[type=submit]")
    expect(page.locator("#job-state")).to_have_text("Ditolak: ada kesalahan")

    # The error and the report's button come first, the warnings after them, once per message.
    report, problem, warnings = (
        page.locator("#job-report"),
        page.locator("#job-problems td[data-label=Masalah]"),
        (page.locator("#job-warnings")),
    )
    assert report.bounding_box()["y"] < problem.first.bounding_box()["y"] < warnings.bounding_box()["y"]
    expect(page.locator("#job-warnings-title")).to_have_text("39 peringatan")
    group = page.locator("#job-warning-groups > li")
    expect(group).to_have_count(1)
    expect(group).to_contain_text(f"39 baris: {CONSENT}")
    # The rows beyond the first ten are folded, and open on a tap, within the phone's width.
    fold = group.locator("details")
    expect(fold.locator("summary")).to_have_text("baris 2, 3, 4, 5, 7, 8, 9, 10, 11, 12 dan 29 lainnya")
    expect(fold.locator("p")).not_to_be_visible()
    fold.locator("summary").click()
    expect(fold.locator("p")).to_contain_text("Semua baris: 2, 3, 4, 5, 7,")
    # The problems are still cards on a phone.
    box = problem.first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["width"] > 300
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_board_member_reloads_and_cancels_an_import_while_running_and_while_queued(
    page, tmp_path, monkeypatch, settings
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
    }
    settings.SINERGI_JOB_LOCK_DIR = tmp_path / "jobs"
    lks = xlsx_file(
        tmp_path,
        [
            HEADERS,
            ["LKSA Batal Satu", "anak", "63.71.01.1001", "TD/BATAL/1", 20],
            ["LKSA Batal Dua", "lanjut_usia", "63.71.01.1001", "TD/BATAL/2", 15],
        ],
        name="lks-batal.xlsx",
    )
    before = Organisation.objects.count()
    # Given no worker has picked up the jobs yet (each stays queued until the test runs it)
    monkeypatch.setattr(uploads, "_enqueue", lambda job: None)
    state, rows, status = page.locator("#job-state"), page.locator("#job-rows"), page.locator("#job-status")

    # When the board member uploads a file and reloads its page while it waits
    login(page, "pengurus.banjarmasin")
    page.goto(f"{page.base_url}/exchange/")
    page.set_input_files("input[name=file]", str(lks))
    page.click("#upload-form button[type=submit]")
    expect(state).to_have_text("Menunggu giliran")
    page.reload()
    # Then it is still waiting, and still polling: the worker's result comes in without another reload
    expect(state).to_have_text("Menunggu giliran")
    expect(rows).to_have_text("Menunggu pekerja latar. Halaman ini boleh ditutup; proses tetap berjalan.")
    expect(status).to_have_attribute("hx-trigger", re.compile(r"^every \d+s$"))
    services.import_job_run(job_id=ImportJob.objects.get().pk)
    expect(state).to_have_text("Uji coba selesai", timeout=10_000)

    # When the import itself runs (its worker, holding the job's lock, at 4.000 of 10.000 rows), and the board
    # member reloads its page, then cancels it
    page.click("#job-confirm")
    expect(state).to_have_text("Menunggu giliran")
    job = ImportJob.objects.get(dry_run=False)
    checks, failures = [], []

    def reload_then_cancel() -> None:
        ImportJob.objects.filter(pk=job.pk).update(phase="reading", rows_done=4000, rows_total=10000)
        page.reload()
        # Then the page shows its progress: running, not taken for abandoned
        expect(state).to_have_text("Sedang diproses")
        expect(rows).to_have_text("4.000 dari 10.000 baris")
        page.click("#job-cancel")
        # Then it says the cancel was asked for, and the worker is told to stop
        expect(page.locator(".messages")).to_contain_text("Permintaan pembatalan dikirim: impor berhenti")
        expect(page.locator("#job-cancelling")).to_have_text(
            "Pembatalan diminta; proses berhenti pada pemeriksaan berikutnya."
        )
        expect(page.locator("#job-cancel")).to_have_count(0)
        assert services.import_job_stop_requested(job)

    def at_check(phase: str, done: int, total: int) -> None:
        checks.append((phase, done, total))
        if len(checks) == 1:
            try:
                reload_then_cancel()
            except Exception as failure:  # the worker would record it as the import's own failure
                failures.append(failure)

    services.import_job_run(job_id=job.pk, on_progress=at_check)
    if failures:
        raise failures[0]
    # And the worker stops at that check: the page, still polling, ends cancelled with nothing saved
    assert checks == [("reading", 2, 2)]
    expect(state).to_have_text("Dibatalkan", timeout=10_000)
    expect(page.locator("#job-message")).to_have_text("Impor dibatalkan; tidak ada data yang disimpan.")
    assert Organisation.objects.count() == before

    # When the board member uploads the file again and cancels before any worker starts it
    page.goto(f"{page.base_url}/exchange/")
    page.set_input_files("input[name=file]", str(lks))
    page.click("#upload-form button[type=submit]")
    expect(state).to_have_text("Menunggu giliran")
    page.click("#job-cancel")
    # Then it is cancelled at once, and the task delivered late runs nothing
    expect(state).to_have_text("Dibatalkan")
    expect(page.locator("#job-message")).to_have_text("Uji coba dibatalkan sebelum dimulai.")
    queued = ImportJob.objects.latest("pk")
    assert ImportJob.objects.count() == 3
    services.import_job_run(job_id=queued.pk)
    queued.refresh_from_db()
    assert (queued.status, queued.rows_done) == ("cancelled", 0)
    assert Organisation.objects.count() == before


def test_board_member_gets_a_long_kabupaten_summary_from_the_background_worker(page, tmp_path, monkeypatch, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
    }
    settings.SINERGI = {**settings.SINERGI, "PDF_SYNC_LKS": 1}
    # Hold the job in the queue (no worker yet), so that the page shows the waiting state and polls.
    monkeypatch.setattr(exports.asking, "_enqueue", lambda job: None)

    login(page, "pengurus.banjarmasin")
    page.click("nav >> text=Impor/Ekspor")
    page.get_by_role("link", name="Ringkasan Kota Banjarmasin").click()
    expect(page.locator("h1")).to_have_text("Ringkasan LKS Kota Banjarmasin (PDF)")
    expect(page.locator("#export-state")).to_have_text("Menunggu giliran")

    # The worker lays the report out; the page, polling with HTMX, offers it without a reload.
    job = ExportJob.objects.get()
    exports.export_job_run(job_id=job.pk)
    expect(page.locator("#export-download")).to_be_visible(timeout=10_000)
    with page.expect_download() as download_info:
        page.click("#export-download")
    assert download_info.value.suggested_filename.startswith("ringkasan-lks-kota-banjarmasin-")
    assert download_info.value.path().read_bytes().startswith(b"%PDF")


def test_a_workbook_with_lks_on_two_sheets_is_imported_sheet_by_sheet(page, tmp_path, monkeypatch, settings):
    from sinergi.exchange.tests.test_nothing_left_out import lks_row, workbook

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
    }
    path = workbook(
        tmp_path / "lks-per-jenis.xlsx", {"LKSA": [HEADERS, lks_row(1), lks_row(2)], "Lansia": [HEADERS, lks_row(3)]}
    )
    monkeypatch.setattr(uploads, "_enqueue", lambda job: services.import_job_run(job_id=job.pk))
    login(page, "pengurus.banjarmasin")
    page.goto(f"{page.base_url}/exchange/")
    page.set_input_files("input[name=file]", str(path))
    page.click("#upload-form button[type=submit]")
    expect(page.locator("#job-state")).to_have_text("Ditolak")
    expect(page.locator("#job-sheets")).to_contain_text("Impor lembar demi lembar")
    refused = page.url

    for sheet, saved in (("LKSA", 2), ("Lansia", 3)):
        page.goto(refused)
        page.click(f"#job-sheets button:has-text('Periksa lembar “{sheet}”')")
        expect(page.locator("#job-state")).to_have_text("Uji coba selesai")
        expect(page.locator("#job-sheet")).to_have_text(f"lembar “{sheet}”")
        page.click("#job-confirm")
        expect(page.locator("#job-state")).to_have_text("Berhasil diimpor")
        assert Organisation.objects.filter(name__startswith="LKSA Lembar").count() == saved
