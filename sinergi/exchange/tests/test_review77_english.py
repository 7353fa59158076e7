"""Seventy-seventh review, import_data in English: its summary line agrees with the rows refused ("1 row of 3 has
problems", not "1 of 3 rows have problems"), and its help names the error report "NAME-kesalahan.xlsx", not
"<nama>-kesalahan.xlsx". Both are read from locale/tools/en_strings.py, the English the lead compiles after merging."""

import io
import runpy
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import translation

from sinergi.exchange.management.commands import import_data

from .conftest import HEADERS, xlsx_file

ENGLISH = runpy.run_path(str(Path(settings.BASE_DIR, "locale", "tools", "en_strings.py")))["EN"]


def _english_ngettext(singular: str, plural: str, count: int) -> str:
    """ngettext with en_strings' English (singular, plural), as the compiled catalogue will give it."""
    forms = ENGLISH.get(singular, (singular, plural))
    forms = forms if isinstance(forms, tuple) else (forms, forms)
    return forms[0] if count == 1 else forms[1]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("bad_rows", "line"),
    [
        (1, "Refused: there are errors: 1 row of 3 has problems."),
        (2, "Refused: there are errors: 2 rows of 3 have problems."),
    ],
)
def test_the_english_summary_agrees_with_the_rows_refused(tmp_path, board_member, monkeypatch, bad_rows, line):
    monkeypatch.setattr(import_data, "ngettext", _english_ngettext)
    rows = [["LKSA Satu", "anak", "63.71", "TD/S/1", 1], ["LKSA Dua", "anak", "63.71", "TD/S/2", 2],
            ["LKSA Tiga", "anak", "63.71", "TD/S/3", 3]]  # fmt: skip
    for row in rows[:bad_rows]:
        row[4] = "x"
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_data", "lks", str(xlsx_file(tmp_path, [HEADERS, *rows])), "--as", "pengurus.uji",
            "--language", "en", stdout=out, stderr=io.StringIO(),
        )  # fmt: skip

    assert out.getvalue().splitlines()[0] == line


def test_the_help_names_the_error_report_without_an_angle_bracketed_name():
    with translation.override("id"):
        indonesian = str(import_data.Command.help)
    msgid = next(key for key in ENGLISH if "kesalahan.xlsx" in key and key in indonesian)

    assert "(NAMA-kesalahan.xlsx; -2, -3 … bila sudah ada)" in indonesian
    assert "<" not in msgid  # translate_en.py would hold the English to a <tag> of the msgid
    assert "(NAME-kesalahan.xlsx: the file's own name" in ENGLISH[msgid]
