"""The result page of a large import: errors and their report first, warnings grouped by message with the rows
named briefly, every cut list saying how much of it is shown; and messages said in the viewer's language where
they can be, marked with the language of the run where they cannot."""

import datetime
import re

import pytest
from django.conf import settings
from django.core.files import File
from django.utils import translation

from sinergi.exchange import services
from sinergi.exchange.models import ImportJob, ImportStatus
from sinergi.exchange.services import import_job_create, import_job_run, results
from sinergi.people.nik import nik_compose
from sinergi.people.tests.factories import people_world

from .conftest import xlsx_file

pytestmark = pytest.mark.django_db

SHEET = "Data penerima layanan"
HEADERS = [
    "Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "Alasan KK kosong", "Kategori PPKS", "Bentuk layanan",
    "Tanggal masuk", "Nama ibu kandung",
]  # fmt: skip
BORN = datetime.date(2012, 4, 2)
CONSENT = "Dasar pemrosesan data (persetujuan) belum dicatat; catat segera."


def client_rows(count: int, *, bad_date_at: int | None = None) -> list[list]:
    """`count` children without consent columns (one warning each); the row at index `bad_date_at` has a date
    that does not exist (an error)."""
    rows = []
    for index in range(count):
        nik = nik_compose(district_code="63.71.01", birth_date=BORN, sex="L", serial=index + 1)
        born = "31-02-2012" if index == bad_date_at else BORN
        rows.append([f"Anak Uji {index + 1}", "L", born, nik, "unknown", "anak_telantar",
                     "Dalam panti (residensial)", datetime.date(2024, 1, 15), "Siti Contoh"])  # fmt: skip
    return rows


def run_job(tmp_path, actor, rows, *, language="id") -> ImportJob:
    path = xlsx_file(tmp_path, [HEADERS, *rows], name="klien.xlsx", sheet=SHEET)
    with translation.override(language), path.open("rb") as handle:
        job = import_job_create(
            actor=actor, entity_key="clients", file=File(handle), original_name="klien.xlsx", enqueue=False
        )
    import_job_run(job_id=job.pk)
    job.refresh_from_db()
    return job


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_a_large_file_shows_its_error_and_report_first_and_its_warnings_once_per_message(client, tmp_path):
    # Given a dry run of 30 clients without consent columns, one of them with a date that does not exist
    world = people_world()
    job = run_job(tmp_path, world.operator, client_rows(30, bad_date_at=4))
    assert (job.status, job.problem_count) == (ImportStatus.REFUSED, 1)

    # When the operator opens it
    client.force_login(world.operator)
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()

    # Then the error and the report's button come before any warning
    assert page.index('id="job-report"') < page.index('id="job-problems"') < page.index('id="job-warnings"')
    # And the 29 identical warnings are one line naming the first ten rows, the others folded
    groups = page[page.index('id="job-warning-groups"') :]
    assert groups.count(CONSENT) == 1
    line = text_of(groups[: groups.index("</li>")])
    assert f"29 baris: {CONSENT}" in line
    assert "baris 2, 3, 4, 5, 7, 8, 9, 10, 11, 12 dan 19 lainnya" in line  # row 6 is the refused one
    assert "<details" in groups[: groups.index("</li>")] and "Semua baris: 2, 3, 4, 5, 7," in line
    # And the warnings are counted once, not listed as notices
    assert "Baris 2: Dasar pemrosesan" not in page and 'id="count-warnings">29<' in page


def test_every_cut_list_says_how_much_is_shown_and_points_to_the_report(client, tmp_path, monkeypatch):
    # Given a page that keeps only 12 problems and 12 rows per warning (200 in production) ...
    monkeypatch.setattr(results, "PAGE_PROBLEMS", 12)
    world = people_world()
    # ... and a file of 25 rows that all have a bad date and no consent, plus 5 good rows with a warning each
    rows = [row for index in range(25) for row in client_rows(index + 1, bad_date_at=index)[index:]]
    rows += client_rows(30)[25:]
    job = run_job(tmp_path, world.operator, rows)
    assert (job.problem_count, len(job.problems)) == (25, 12)

    client.force_login(world.operator)
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()
    text = text_of(page)

    # Then the errors say they are cut, and where all of them are
    assert "Menampilkan 12 dari 25 masalah. Semuanya ada di laporan kesalahan (.xlsx)." in text
    # And many errors of one kind are counted per column, with the first rows
    assert "Tanggal lahir: 25 baris — baris 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 dan 15 lainnya" in text
    # And the per-row table stays, its kept rows all there
    assert page.count('data-label="Masalah"') == 12
    # And the warnings (on the 5 good rows only) are a short list, not folded
    assert f"5 baris: {CONSENT} — baris 27, 28, 29, 30, 31" in text


def test_a_warning_on_many_rows_says_how_many_of_its_rows_are_listed(client, tmp_path, monkeypatch):
    monkeypatch.setattr(results, "PAGE_PROBLEMS", 15)
    world = people_world()
    job = run_job(tmp_path, world.operator, client_rows(40))
    assert job.status == ImportStatus.CHECKED

    client.force_login(world.operator)
    text = text_of(client.get(f"/exchange/imports/{job.pk}/").content.decode())

    assert f"40 baris: {CONSENT}" in text and "dan 30 lainnya" in text
    assert "Menampilkan 15 dari 40 baris: 2, 3, 4," in text and "Semuanya ada di laporan (.xlsx)." in text
    assert "40 peringatan" in text and "1 warnings" not in text


def test_problem_rows_beyond_the_first_twenty_are_folded(client, tmp_path):
    world = people_world()
    rows = [row for index in range(23) for row in client_rows(index + 1, bad_date_at=index)[index:]]
    job = run_job(tmp_path, world.operator, rows)
    assert job.problem_count == 23

    client.force_login(world.operator)
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()

    table = page[page.index('id="job-problems"') : page.index("</table>", page.index('id="job-problems"'))]
    assert table.count("<tr>") == 1 + 20
    assert '<details id="job-problems-more"' in page and "Tampilkan 3 masalah berikutnya" in text_of(page)


def test_a_run_in_english_viewed_in_indonesian_says_its_counts_again_and_marks_the_stored_messages(client, tmp_path):
    # Given a dry run started by someone reading the English page
    world = people_world()
    job = run_job(tmp_path, world.operator, client_rows(3, bad_date_at=1), language="en")
    assert job.message.startswith("1 row has problems (1 in all)")

    # When it is opened in Indonesian
    client.force_login(world.operator)
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()

    # Then the summary is said in Indonesian, from the stored counts
    assert "1 baris bermasalah (1 masalah). Tidak ada data yang disimpan" in page
    assert "1 row has problems" not in page
    # And the messages stored as text are marked with the language they were written in
    assert "Pesan dicatat dalam bahasa Inggris saat impor dijalankan." in page
    assert 'lang="en">The date' in page


def test_a_run_viewed_in_its_own_language_has_no_language_note(client, tmp_path):
    world = people_world()
    job = run_job(tmp_path, world.operator, client_rows(3, bad_date_at=1))

    client.force_login(world.operator)
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()

    assert 'id="job-language-note"' not in page


def test_a_run_in_indonesian_viewed_in_english_says_its_summary_in_english(client, tmp_path):
    world = people_world()
    job = run_job(tmp_path, world.operator, client_rows(3, bad_date_at=1))

    client.force_login(world.operator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()

    assert "1 row has problems (1 in all). Nothing was saved" in page
    assert 'id="job-language-note"' in page and 'lang="id">Tanggal' in page
    # The message, said again in the viewer's language, is not marked as Indonesian
    assert 'id="job-message">1 row has problems' in page


def test_a_cancelled_run_says_so_in_the_viewers_language(client, tmp_path):
    world = people_world()
    job = ImportJob.objects.create(token="t-cancel", entity="clients", file="x", created_by=world.operator)
    with translation.override("en"):
        services.import_job_cancel(job=job, actor=world.operator)

    client.force_login(world.operator)
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()

    assert "Uji coba dibatalkan sebelum dimulai." in page  # a trial: nothing would have been saved anyway
    assert 'id="job-language-note"' not in page  # nothing on the page is in another language


def test_a_run_still_reading_says_so_and_a_requested_cancel_replaces_the_button(client, monkeypatch):
    monkeypatch.setattr(services.runners, "runner_alive", lambda kind, pk: True)  # a worker is on it
    world = people_world()
    job = ImportJob.objects.create(
        token="t-reading", entity="clients", file="x", created_by=world.operator, status=ImportStatus.RUNNING
    )
    client.force_login(world.operator)

    reading = text_of(client.get(f"/exchange/imports/{job.pk}/").content.decode())
    assert "Membaca file…" in reading and "0 dari 0 baris" not in reading
    assert 'id="job-cancel"' in client.get(f"/exchange/imports/{job.pk}/").content.decode()

    ImportJob.objects.filter(pk=job.pk).update(rows_total=1200, rows_done=300, cancel_requested=True)
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()
    assert re.search(r"300 dari 1[.,]?200 baris", text_of(page)), text_of(page)[-800:]
    assert 'id="job-cancel"' not in page
    assert "Pembatalan diminta; proses berhenti pada pemeriksaan berikutnya." in page

    # On SQLite the cancel is left beside the run's lock, not on its row: the page sees it there too
    ImportJob.objects.filter(pk=job.pk).update(cancel_requested=False)
    monkeypatch.setattr(services.runners, "stop_requested", lambda kind, pk: True)
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()
    assert 'id="job-cancel"' not in page and 'id="job-cancelling"' in page


def test_the_terminal_still_gets_the_warnings_one_line_per_kind(tmp_path):
    world = people_world()
    job = run_job(tmp_path, world.operator, client_rows(12))

    assert job.notices[-2:] == [
        "12 peringatan (data tetap dapat diimpor; periksa baris berikut).",
        f"12 baris: {CONSENT} (baris 2, 3, 4, 5, 6, 7, 8, 9, 10, 11…)",
    ]


def test_the_title_names_the_trial_run_and_the_data(client, tmp_path):
    world = people_world()
    job = run_job(tmp_path, world.operator, client_rows(1))

    client.force_login(world.operator)
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()

    assert "<h1>Uji coba impor penerima layanan</h1>" in page


def test_the_page_title_names_a_trial_run_as_its_heading_does(client, tmp_path):
    # Given a trial run (and the same file's real import)
    world = people_world()
    trial = run_job(tmp_path, world.operator, client_rows(1))
    real = ImportJob.objects.create(
        token="t-real", entity="clients", file="x", created_by=world.operator, original_name="klien.xlsx",
        dry_run=False, status=ImportStatus.SUCCEEDED,
    )  # fmt: skip

    # When the operator opens each
    client.force_login(world.operator)
    trial_page = client.get(f"/exchange/imports/{trial.pk}/").content.decode()
    real_page = client.get(f"/exchange/imports/{real.pk}/").content.decode()

    # Then a screen reader's first words (the tab's title) tell them apart, after the job's state
    assert "<title>Uji coba selesai · Uji coba impor penerima layanan · klien.xlsx · Sinergi</title>" in trial_page
    assert "<title>Berhasil diimpor · Impor penerima layanan · klien.xlsx · Sinergi</title>" in real_page


def test_the_tab_says_how_far_a_running_import_is_and_each_poll_says_it_anew(client, monkeypatch):
    # (A review: a user waiting for a long import in another tab could not see it end.)
    monkeypatch.setattr(services.runners, "runner_alive", lambda kind, pk: True)  # a worker is on it
    world = people_world()
    job = ImportJob.objects.create(
        token="t-run", entity="clients", file="x", created_by=world.operator, original_name="klien.xlsx",
        dry_run=True, status=ImportStatus.RUNNING, rows_total=200, rows_done=50,
    )  # fmt: skip
    client.force_login(world.operator)

    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()
    assert "<title>22% · Uji coba impor penerima layanan · klien.xlsx · Sinergi</title>" in page
    assert page.count("<title>") == 1  # the status fragment's own title is for htmx only

    # When the page polls after the job ended, the fragment leads with the new title (htmx sets the tab's from it)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.CANCELLED)
    poll = client.get(f"/exchange/imports/{job.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert poll.lstrip().startswith(
        "<title>Dibatalkan · Uji coba impor penerima layanan · klien.xlsx · Sinergi</title>"
    )


def test_a_stored_message_in_another_language_is_marked_with_it(client):
    # Given a file refused in Indonesian, in the refusal's own words (stored, not said again)
    world = people_world()
    refusal = "Judul kolom tidak ditemukan di 20 baris pertama."
    job = ImportJob.objects.create(
        token="t-refused", entity="clients", file="x", created_by=world.operator, status=ImportStatus.REFUSED,
        message=refusal, language="id",
    )  # fmt: skip
    client.force_login(world.operator)

    # When it is read in Indonesian, the message needs no mark
    assert f'id="job-message">{refusal}<' in client.get(f"/exchange/imports/{job.pk}/").content.decode()

    # But read in English, it is marked Indonesian so that a screen reader's English voice does not read it
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()
    assert f'id="job-message" lang="id">{refusal}<' in page


def test_the_before_and_after_of_each_change_is_a_card_on_a_phone_named_once_per_record(client):
    from .factories import ImportJobFactory

    operator = people_world().operator
    changes = {"Nama lengkap": ["Budi Contho", "Budi Contoh"], "Telepon wali": ["", "0812-0000-0001"]}
    update = {"row": 3, "key": "Budi Contoh", "changes": changes}
    job = ImportJobFactory(created_by=operator, entity="clients", dry_run=True, preview={"update": [update]})
    client.force_login(operator)

    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()

    table = page[page.index('<table id="job-updates"') : page.index("</table>", page.index('id="job-updates"'))]
    assert 'class="stack-on-phone"' in table
    assert table.count('data-label="Sebelum"') == 2 and table.count('data-label="Sesudah"') == 2
    # the row and the record on the first line of the record's changes only (empty cells are hidden on a phone)
    assert table.count('data-label="Baris"></td>') == 1 and table.count('data-label="Data"></td>') == 1


def test_the_job_page_is_never_taken_from_the_browsers_cache(client, tmp_path):
    # Back after "Impor sekarang" must fetch the page again: a cached trial page still offers its button
    world = people_world()
    client.force_login(world.operator)
    job = run_job(tmp_path, world.operator, client_rows(1))
    response = client.get(f"/exchange/imports/{job.pk}/")
    assert "no-store" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
