"""Seventy-sixth review, the Exchange in English: a trial run's preview is where an operator checks how each date
was read ("02/01/2024": 2 January, day first), so an English reader sees the dates as English pages write them
(2024-01-02), not "02-01-2024", which reads as 1 February to them. Indonesian keeps day-month-year."""

import datetime
import io
import runpy
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from sinergi.exchange.columns import get_entity

from .conftest import HEADERS, run, xlsx_file

pytestmark = pytest.mark.django_db

DATED = [*HEADERS, "Tanggal akta", "Tanggal tanda daftar"]


def _trial(tmp_path, actor, language: str):
    path = xlsx_file(
        tmp_path,
        [
            DATED,
            ["LKSA Lama Banjarmasin", "anak", "63.71.01.1001", "TD/LAMA/1", 30, "04/01/2023", ""],
            ["LKSA Baru", "anak", "63.71", "TD/BARU/1", 10, "17/08/2023", "02/01/2024"],
        ],
    )
    with translation.override(language):
        return run(path, actor, dry_run=True)


def test_an_english_trial_shows_the_dates_it_read_year_first(tmp_path, board_member, banjarmasin_lks):
    result = _trial(tmp_path, board_member, "en")

    assert result.status == "checked"
    assert result.preview["update"][0]["changes"]["Deed date"] == ["", "2023-01-04"]
    created = dict(result.preview["create"][0]["values"])  # under the file's own headers
    assert (created["Tanggal akta"], created["Tanggal tanda daftar"]) == ("2023-08-17", "2024-01-02")
    # the expiry the import works out, shown beside the cells read
    assert created["Registration valid until (worked out)"] == "2029-01-02"


def test_an_indonesian_trial_keeps_its_dates_day_month_year(tmp_path, board_member, banjarmasin_lks):
    """Guard: the Indonesian preview is as it was (passes with or without the fix)."""
    result = _trial(tmp_path, board_member, "id")

    assert result.preview["update"][0]["changes"]["Tanggal akta"] == ["", "04-01-2023"]
    created = dict(result.preview["create"][0]["values"])
    assert (created["Tanggal akta"], created["Tanggal tanda daftar"]) == ("17-08-2023", "02-01-2024")


def test_an_english_trial_writes_a_recalculated_expiry_year_first(tmp_path, board_member, banjarmasin_lks):
    banjarmasin_lks.permit_issued_on = datetime.date(2020, 1, 1)
    banjarmasin_lks.permit_expires_on = datetime.date(2025, 1, 1)
    banjarmasin_lks.save()
    entity = get_entity("lks")
    with translation.override("en"):
        headers = [str(column.header) for column in entity.export_columns()]
        listed = entity.export_queryset(actor=board_member).iterator(chunk_size=100)
        rows = [list(row) for row in entity.export_rows(listed)]
        rows[0][headers.index("Operating licence date")] = datetime.date(2024, 3, 1)
        # without its expiry column, the expiry is worked out again from the new date
        expiry = headers.index("Operating licence valid until")
        headers, rows = headers[:expiry] + headers[expiry + 1 :], [row[:expiry] + row[expiry + 1 :] for row in rows]
        result = run(xlsx_file(tmp_path, [headers, *rows], name="export.xlsx"), board_member, dry_run=True)

    changes = result.preview["update"][0]["changes"]
    assert changes["Operating licence date"] == ["2020-01-01", "2024-03-01"]
    assert changes["Operating licence valid until (recalculated)"][0] == "2025-01-01"


def test_too_many_rows_names_the_limit_with_english_thousands_in_english(tmp_path, board_member, settings):
    settings.SINERGI = {**settings.SINERGI, "IMPORT_MAX_ROWS": 1234}
    rows = [HEADERS] + [[f"LKSA {i}", "anak", "63.71", f"TD/{i}", 1] for i in range(1235)]
    path = xlsx_file(tmp_path, rows)

    with translation.override("en"):
        english = run(path, board_member).message
    with translation.override("id"):
        indonesian = run(path, board_member).message

    assert "1,234" in english and "1.234" not in english
    assert "1.234" in indonesian


def test_the_command_s_rate_groups_thousands_as_the_operator_s_language_does():
    from django.core.management.base import OutputWrapper

    from sinergi.exchange.management.commands import import_data

    lines = {}
    for language in ("en", "id"):
        with translation.override(language):
            out = io.StringIO()
            bar = import_data.ProgressBar(OutputWrapper(out))
            bar.phase_started -= 1  # the run began a second ago
            bar("reading", 2500, 5000)
            lines[language] = out.getvalue().strip()

    assert lines["en"] == "Checking 2500/5000 (2,500 rows/s)"
    assert lines["id"] == "Memeriksa 2500/5000 (2.500 baris/d)"


def test_a_date_written_with_a_utc_time_is_said_read_as_the_reader_s_language_writes_dates(tmp_path, board_member):
    rows = [DATED, ["LKSA Zona", "anak", "63.71", "TD/ZONA/1", 10, "2025-03-04T16:00:00Z", ""]]
    path = xlsx_file(tmp_path, rows)

    with translation.override("en"):
        english = " ".join(run(path, board_member, dry_run=True).notices)
    with translation.override("id"):
        indonesian = " ".join(run(path, board_member, dry_run=True).notices)

    # 16:00 UTC is past midnight in the server's zone (WITA, UTC+8): the 5th
    assert "“2025-03-04T16:00:00Z” → 2025-03-05" in english
    assert "“2025-03-04T16:00:00Z” → 05-03-2025" in indonesian


def test_the_utc_dates_notice_has_a_singular_in_english():
    """English says "1 date … was read" (ngettext; the catalogue is the lead's to rebuild, so its English is checked
    in en_strings)."""
    english = runpy.run_path(str(Path(settings.BASE_DIR, "locale", "tools", "en_strings.py")))["EN"]
    key = next(
        msgid for msgid in english if msgid.startswith("Kolom “%(column)s”: %(count)s tanggal ditulis dengan jam")
    )

    singular, plural = english[key]
    assert "%(count)s date written with a time" in singular and "was read as its date" in singular
    assert "%(count)s dates written with a time" in plural and "were read as their date" in plural


def test_a_date_cell_with_an_evening_time_is_said_in_english_dates_and_times(tmp_path, board_member):
    rows = [DATED, ["LKSA Sore", "anak", "63.71", "TD/SORE/1", 10, datetime.datetime(2014, 8, 3, 16, 0), ""]]
    path = xlsx_file(tmp_path, rows)

    with translation.override("en"):
        english = " ".join(run(path, board_member, dry_run=True).notices)
    with translation.override("id"):
        indonesian = " ".join(run(path, board_member, dry_run=True).notices)

    assert "“2014-08-03 16:00” → 2014-08-03" in english
    assert "“03-08-2014 16.00” → 03-08-2014" in indonesian  # as before


def test_the_evening_times_notice_has_a_singular_in_english():
    english = runpy.run_path(str(Path(settings.BASE_DIR, "locale", "tools", "en_strings.py")))["EN"]
    opening = "Kolom “%(column)s”: %(count)s tanggal juga berisi jam sore"
    key = next(msgid for msgid in english if msgid.startswith(opening))

    singular, plural = english[key]
    assert "%(count)s date also holds a time" in singular and "%(count)s dates also hold a time" in plural


def test_a_trial_run_in_english_tells_an_indonesian_reader_its_preview_is_in_english():
    from sinergi.exchange.models import ImportJob
    from sinergi.exchange.selectors import import_job_display

    # A workers trial says nothing but its preview: the cells as read, in the language it ran in.
    job = ImportJob(
        entity="workers",
        language="en",
        status="checked",
        dry_run=True,
        preview={"create": [{"row": 2, "key": "Rina", "values": [["Sex", "Female"], ["Started on", "2024-01-02"]]}]},
    )
    with translation.override("id"):
        display = import_job_display(job)

    assert display.creates and display.stored_language == "bahasa Inggris"


def test_a_trial_in_the_reader_s_own_language_needs_no_note():
    """Guard: no note when the reader reads the run's language (passes with or without the fix)."""
    from sinergi.exchange.models import ImportJob
    from sinergi.exchange.selectors import import_job_display

    job = ImportJob(
        entity="workers",
        language="id",
        status="checked",
        dry_run=True,
        preview={"create": [{"row": 2, "key": "Rina", "values": [["Jenis kelamin", "Perempuan"]]}]},
    )
    with translation.override("id"):
        assert import_job_display(job).stored_language == ""


def test_english_messages_name_the_regency_city_columns_as_the_english_template_heads_them():
    """An English user's template heads its columns "LKS regency/city" and "Regency/city": a message sending them to
    "the LKS's kabupaten/kota column" names a column they do not have (checked in en_strings, the lead's to compile)."""
    english = runpy.run_path(str(Path(settings.BASE_DIR, "locale", "tools", "en_strings.py")))["EN"]
    with translation.override("en"):
        headers = {
            str(column.header) for key in ("lks", "clients", "workers") for column in get_entity(key).import_columns()
        }
    assert {"LKS regency/city", "Regency/city"} <= headers

    told = [text for text in english.values() if isinstance(text, str) and "Fill in the" in text]
    assert any("Fill in the LKS regency/city column." in text for text in told)
    assert any("Fill in the Region code or the Regency/city on this row" in text for text in told)
    assert not [text for text in told if "kabupaten/kota column" in text or "the kabupaten/kota on this row" in text]


def test_english_worker_messages_ask_for_the_english_yes():
    """The English template's dropdown offers “Yes”; a message telling an English user to fill in “Ya” names a word
    their list does not hold (checked in en_strings, the lead's to compile)."""
    english = runpy.run_path(str(Path(settings.BASE_DIR, "locale", "tools", "en_strings.py")))["EN"]
    texts = [text for value in english.values() for text in (value if isinstance(value, tuple) else (value,))]

    assert not [text for text in texts if "“Ya”" in text]
    assert any("fill in “Yes”" in text for text in texts)
