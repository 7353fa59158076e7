"""A cell as clean text, and what every parser shares: CellProblem (the refusal, in the user's language), text()
(whitespace, the apostrophe that forces text, invisible characters and a lone dash taken out), what reads as
empty (is_blank, the dashes and BLANK_WORDS), a formula's error or a formula kept as text, norm() for comparing
labels, and a column's letters. Apart because the dates, numbers and choices all read a cell through it."""

import datetime
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _

# A cell holding only a dash is how Indonesian forms write "none": it counts as empty (not as a value to store,
# nor a key to match records by).
DASHES = {"-", "--", "–", "—", "−"}
_WS = re.compile(r"\s+")


class CellProblem(Exception):
    """A value that cannot be used, with the reason in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def first_ten(items: Sequence[Any]) -> str:
    """Up to ten items for a message, "…" after them when there are more."""
    return ", ".join(str(item) for item in items[:10]) + ("…" if len(items) > 10 else "")


# What a cell shows when its formula failed: Excel's error values (the same in Indonesian Excel) and LibreOffice's
# "Err:502". A CSV keeps the text; an .xlsx keeps the error as the cell's result, which calamine reads as an empty
# cell (files.Table.formula_errors finds those).
_FORMULA_ERROR = re.compile(
    r"#(?:N/A|NAME\?|REF!|VALUE!|DIV/0!|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)"
    r"|Err:\d{3}",
    re.I,
)


# Cells with a formula's error a file reader names per sheet (.xlsx, .ods, .xls): enough to name every cell of a
# broken lookup column in a large sheet.
FORMULA_ERRORS_KEPT = 1000
# Cells formatted as a percent a file reader marks per sheet, to read them as the sheet shows them ("25%"): a column
# of them in the largest sheet an import takes, not a grid of repeats (beyond it, the rest read as their numbers).
PERCENT_CELLS_KEPT = 500_000


def formula_error(raw: str) -> str | None:
    """The error a cell's text is (“#N/A”), when it is nothing else."""
    value = raw.strip()
    if value[:1] in ("#", "E", "e") and _FORMULA_ERROR.fullmatch(value):
        return value.upper() if value.startswith("#") else value
    return None


def formula_error_message(error: str) -> str:
    return _(
        "Sel ini berisi kesalahan rumus “%(error)s”, bukan isian. Perbaiki rumusnya (atau ketik isinya, atau "
        "kosongkan selnya) di file, lalu unggah lagi."
    ) % {"error": error}


# Words people write in a cell to say it has nothing (as they write "-"): read as an empty cell in text columns, with
# a notice (a father's name "tidak ada", a phone "0" or "belum punya" are no name and no number). Compared in lower
# case, as written otherwise: "#N/A" is a formula's error (formula_error), not "n/a".
BLANK_WORDS = frozenset(
    {
        "n/a", "n a", "na", "n.a", "n.a.", "tidak ada", "tdk ada", "tak ada", "belum ada", "blm ada", "tidak punya",
        "tdk punya", "belum punya", "blm punya", "tidak diketahui", "tdk diketahui", "tidak tahu", "tdk tahu",
        "nihil", "kosong", "none", "null", "nil", "?", "??", "???", "0", "00", "000",
    }
)  # fmt: skip
BLANK_WORD_LONGEST = max(len(word) for word in BLANK_WORDS)


def blank_word(value: str) -> bool:
    """Whether a cell's clean text is one of BLANK_WORDS (any case)."""
    return len(value) <= BLANK_WORD_LONGEST and " ".join(value.lower().split()) in BLANK_WORDS


def is_blank(raw: Any) -> bool:
    if raw is None:
        return True
    if not isinstance(raw, str):
        return False
    return not text(raw)  # whitespace, the apostrophe, invisible characters and a lone dash are nothing


# Spaces that are not " ", and format characters nobody can see or delete on purpose: zero-width ones, the soft
# hyphen, and the direction marks and embeddings WhatsApp and web pages put around a copied name or number
# (U+202A…U+202E, U+2066…U+2069). Kept, they make a NIK "not digits only" and a name unequal to itself.
_INVISIBLE = str.maketrans(
    {
        **dict.fromkeys("\u00a0\u2007\u202f", " "),
        **dict.fromkeys("\ufeff\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064"),
        **dict.fromkeys("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"),
    }
)


_CURLY_APOSTROPHES = ("\u2018", "\u2019")
_NUMBER_STARTS = frozenset("0123456789+")


def column_letter(index: int) -> str:
    """A spreadsheet's name of the column at `index` (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# The apostrophe our CSV downloads write between a separator, a tab or a line break and a formula trigger inside a
# text (core.downloads.csv_text: `Jl. Uji 1;'=2`), taken out again so that a download imported back is what was stored.
_INNER_ESCAPE = re.compile(r"""([,;\t\r\n])'(?=[=+\-@\t\r"])""")


def zeros_dropped(stored: str, given: str) -> bool:
    """Whether `given` is the stored code less the zeros that began it ("0012" read "12", "081234567890" read
    "81234567890"): a spreadsheet program that opened our CSV export made such a cell a number, since a CSV says
    nothing of a cell's format (LibreOffice Calc 7.4 with its default "Standard" columns; sixtieth review). Saved
    again, the file read as a change of the number the record holds, which nobody typed."""
    return stored[:1] == "0" and given.isdigit() and stored.isdigit() and stored.lstrip("0") == given != stored


def text(raw: Any) -> str:
    """A cell as clean text: whitespace trimmed, the apostrophe Excel users type to force text dropped (and the one our
    CSV downloads write inside a text after a separator), a number that is really an integer written without ".0"."""
    if raw.__class__ is str:  # the commonest cell, first (an import reads hundreds of thousands)
        # Non-breaking spaces become spaces; invisible characters pasted from the web or a PDF go.
        value = (raw if raw.isascii() else raw.translate(_INVISIBLE)).strip()
        if value.startswith("'"):
            # A tab or a line break right after it was escaped as one inside a text is ("'\t'=1"): unescaped first.
            value = (_INNER_ESCAPE.sub(r"\1", value[1:]) if "'" in value[1:] else value[1:]).strip()
        if "'" in value:
            value = _INNER_ESCAPE.sub(r"\1", value)
        elif (
            not raw.isascii()
            and value[:1] in _CURLY_APOSTROPHES
            and value[1:2] in _NUMBER_STARTS
            and "\u2019" not in value[1:]  # ‘17 Agustus’ is quoted, not forced to text
        ):
            # The same apostrophe, turned curly by autocorrect (LibreOffice's "Replace single quotes", Excel on
            # a Mac): kept in the cell as a character. Only before a number, phone or date; "‘Aisyah" is a name.
            value = value[1:].strip()
        return "" if len(value) < 3 and value in DASHES else value
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return _("Ya") if raw else _("Tidak")
    if isinstance(raw, float):
        return str(int(raw)) if raw.is_integer() else repr(raw)
    if isinstance(raw, datetime.datetime):
        return raw.strftime("%d-%m-%Y %H:%M") if (raw.hour or raw.minute) else raw.strftime("%d-%m-%Y")
    if isinstance(raw, datetime.date):
        return raw.strftime("%d-%m-%Y")
    value = str(raw).replace("\u00a0", " ").replace("\ufeff", "").strip()
    if value.startswith("'"):
        value = value[1:].strip()
    return "" if value in DASHES else value


# A formula kept as text: typed into a cell formatted as Text (as our templates format names, NIK and phone
# columns), Excel and LibreOffice store "=A2" or "=PROPER(B2)" as the characters typed, never computed. After "=":
# a bracket or a quoted string, a function call (no space before its bracket), a table column, a cell reference
# (with its sheet, in Excel's or LibreOffice's syntax) standing alone or before an operator, or arithmetic on
# numbers. "=> pindah", "= Budi (anak)" or "=A1 Blok C" are plain text.
_FORMULA_TEXT = re.compile(
    r"""^=\s*[-+]?\s*(?:[("\[]|[A-Za-z_][\w.]*[(\[]"""
    r"""|\$?(?:(?:'[^']+'|\w+)[!.])?\$?[A-Za-z]{1,3}\$?\d+(?=\s*(?:$|[-+*/^&:),;<>=]))|\d[\d.,]*\s*[-+*/^&])"""
)


def formula_as_text(raw: Any) -> bool:
    """Whether a text cell holds a formula that was never computed (see _FORMULA_TEXT), judged on the cell as it
    is read (text). A leading apostrophe (our exports write one before "=") says the text is meant."""
    if raw.__class__ is not str or raw.lstrip().startswith("'"):
        return False
    return _FORMULA_TEXT.match(text(raw)) is not None


# Dashes other than "-" that a word processor or a PDF puts between words or a date's parts ("Laki‑laki" with Word's
# non-breaking hyphen, an en dash after autocorrect, 17–08–2023): the hyphen they stand for, in norm() (whose ASCII
# step would drop them and join the words) and in the dates' reading.
DASHES_AS_HYPHEN = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d", "-"))


def norm(value: Any) -> str:
    """Case-, accent-, punctuation- and spacing-insensitive form for comparing headers and labels."""
    value = text(value)
    if not value.isascii():
        value = value.translate(DASHES_AS_HYPHEN)
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", " ", value.lower())
    return _WS.sub(" ", value).strip()
