"""Reading one spreadsheet cell the way people actually type it: dates in five shapes, numbers Excel mangled,
leading apostrophes, codes or labels. Each parser returns a Python value or raises CellProblem (Indonesian)."""

import datetime
import difflib
import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

EXCEL_EPOCH = datetime.date(1899, 12, 30)
DAYS_1900_TO_1904 = 1462  # serial 0 of Excel's 1904 date system is 1904-01-01, serial 1462 of the 1900 one
# Serial numbers Excel uses for 1901-01-01 .. 2099-12-31; anything else is not a date someone typed.
SERIAL_RANGE = (367, 73050)
# Month names as they are written, old spellings ("Pebruari", "Nopember"), the common misspelling "Febuari" and
# abbreviations included. Each is the start (or the consonants) of one month's name only: "Ju" or "Ma" is not here.
MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "febr": 2, "pebruari": 2, "peb": 2, "pebr": 2, "febuari": 2, "pebuari": 2,
    "february": 2,
    "maret": 3, "mar": 3, "mrt": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agus": 8, "agust": 8, "agst": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9, "spt": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nop": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip
TRUE_WORDS = {"ya", "iya", "y", "yes", "true", "benar", "1", "ada", "sudah", "v", "x", "✓", "✔", "✔️", "√", "☑"}
FALSE_WORDS = {"tidak", "t", "tdk", "no", "n", "false", "salah", "0", "tidak ada", "belum", "-", "✗", "✘"}
# A cell holding only a dash is how Indonesian forms write "none": it counts as empty (not as a value to store,
# nor a key to match records by).
DASHES = {"-", "--", "–", "—", "−"}
# A year from 1900 to 2100 typed alone into a date column is not a day count (1950 would be 1905-05-03).
YEAR_ALONE = (1900, 2100)
_DMY = re.compile(
    r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ Tt]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?)?$"
)
_SHORT_YEAR = re.compile(r"^\d{1,2}[-/.]\d{1,2}[-/.]\d{2}$")
# "Kamis, 17 Agustus 2023": a weekday in front, as long-date formats print it.
_WEEKDAY = re.compile(
    r"^(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|sen|sel|rab|kam|jum|sab|min|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+"
)
_SPACED_SEPARATOR = re.compile(r"\s*([-/.])\s*")
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ Tt]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
# A moment with its offset from UTC, as form tools (Google Forms, KoboToolbox) export it: 2023-08-17T10:30:00Z.
_YMD_ZONED = re.compile(r"^\d{4}-\d{2}-\d{2}[ Tt]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})$")
# 17 Agustus 2023, with a time after it as a long date-and-time format prints it ("… 10.00").
_DMONY = re.compile(r"^(\d{1,2})[\s\-/.]+([a-z]+)\.?[\s\-/.,]+(\d{4})(?:\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?$")
# Aug 17, 2023: the month first, as an English (US) long date prints it.
_MONDY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
# 17-Agu-23: Excel's dd-mmm-yy cell format, saved as shown into a CSV.
_SHORT_YEAR_NAMED = re.compile(r"^\d{1,2}[\s\-/.]+([a-z]+)\.?[\s\-/.]+\d{2}$")
# A month and a year without a day: "Juli 2022", "Jan. 2020", "07/2022", "2022-07".
_MONTH_YEAR_NAMED = re.compile(r"^([a-z]+)\.?[\s\-/.,]*(\d{4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[-/.](\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
# Dashes autocorrect or a PDF put between the parts of a date (17–08–2023): the hyphen they stand for.
_DATE_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))
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


def norm(value: Any) -> str:
    """Case-, accent-, punctuation- and spacing-insensitive form for comparing headers and labels."""
    value = unicodedata.normalize("NFKD", text(value)).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", " ", value.lower())
    return _WS.sub(" ", value).strip()


def names_far_apart(stored: Any, given: Any) -> bool:
    """Whether a name in a file is hardly the stored one it would replace: fewer than half of the shorter name's
    words have a close word in the other. A corrected spelling ("Akhmad" for "Ahmad"), a word added or dropped, or an
    initial ("M." for "Muhammad") keeps the names close; "Siti Lain" for "Siti Aminah Rahman" does not."""
    if stored == given:  # a re-imported file: every row, so before any normalising
        return False
    a, b = norm(stored).split(), norm(given).split()
    if not a or not b or a == b:
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)

    def close(word: str) -> bool:
        return any(
            other.startswith(word)
            or word.startswith(other)
            or difflib.SequenceMatcher(None, word, other).ratio() >= 0.8
            for other in longer
        )

    return sum(1 for word in shorter if close(word)) * 2 < len(shorter)


def parse_date(raw: Any) -> datetime.date | None:
    """A date from an Excel date cell, an Excel serial number, 2023-08-17, 17-08-2023, 17/08/2023 or
    17 Agustus 2023; None for an empty cell."""
    if is_blank(raw):
        return None
    if isinstance(raw, datetime.datetime):
        return raw.date()
    if isinstance(raw, datetime.date):
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return _serial_date(raw, raw)
    value = text(raw)
    lowered = _WEEKDAY.sub("", value.lower().translate(_DATE_DASHES)).rstrip(".").strip()
    compact = _SPACED_SEPARATOR.sub(r"\1", lowered) if _DMONY.match(lowered) is None else lowered
    try:
        if match := _YMD.match(compact):
            return datetime.date(int(match[1]), int(match[2]), int(match[3]))
        if _YMD_ZONED.match(compact):
            # The day it was on the importing user's clock (WIT for a Papua operator on a national server; the
            # server's zone otherwise), not the day in UTC.
            moment = datetime.datetime.fromisoformat(compact.upper().replace(" ", "T"))
            return timezone.localtime(moment).date()
        if match := _DMY.match(compact):
            return datetime.date(int(match[3]), int(match[2]), int(match[1]))
        if match := _DMONY.match(lowered):
            month = MONTHS.get(match[2])
            if month:
                return datetime.date(int(match[3]), month, int(match[1]))
        if (match := _MONDY.match(lowered)) and (month := MONTHS.get(match[1])):
            return datetime.date(int(match[3]), month, int(match[2]))
    except ValueError as error:
        if (match := _DMY.match(compact)) and int(match[2]) > 12 >= int(match[1]):
            # 08/17/2023: month and day in the American order.
            raise CellProblem(
                _("Tanggal “%(value)s” tidak ada di kalender (urutannya hari-bulan-tahun, mis. 17-08-2023).")
                % {"value": value}
            ) from error
        raise CellProblem(_("Tanggal “%(value)s” tidak ada di kalender.") % {"value": value}) from error
    if re.fullmatch(r"\d+(\.0+)?", value):
        return _serial_date(float(value), value)
    if (match := _SHORT_YEAR_NAMED.match(lowered)) and match[1] in MONTHS:
        raise CellProblem(
            _(
                "Tahun pada tanggal “%(value)s” hanya 2 angka, jadi abadnya tidak jelas: biasanya format sel "
                "“dd-mmm-yy” di Excel, tersimpan ke CSV sebagaimana tampil. Ubah format kolom ini menjadi tanggal "
                "dengan tahun 4 angka (mis. dd-mm-yyyy), simpan ulang, lalu unggah lagi."
            )
            % {"value": value}
        )
    if _SHORT_YEAR.match(compact):
        raise CellProblem(
            _(
                "Tahun pada tanggal “%(value)s” hanya 2 angka, jadi abadnya tidak jelas. "
                "Tulis tahun 4 angka, mis. 17-08-2023."
            )
            % {"value": value}
        )
    if month_year := _month_and_year(lowered):
        refuse_month_and_year(value, *month_year)
    raise CellProblem(
        _("Tanggal “%(value)s” tidak dapat dibaca. Tulis seperti 17-08-2023, 2023-08-17 atau 17 Agustus 2023.")
        % {"value": value}
    )


def _month_and_year(lowered: str) -> tuple[int, int] | None:
    """(month, year) of a cell that gives only those ("Juli 2022", "07/2022", "2022-07"), else None."""
    if (match := _MONTH_YEAR_NAMED.match(lowered)) and (month := MONTHS.get(match[1])):
        return month, int(match[2])
    if match := _MONTH_YEAR.match(lowered):
        month, year = int(match[1]), int(match[2])
    elif match := _YEAR_MONTH.match(lowered):
        year, month = int(match[1]), int(match[2])
    else:
        return None
    return (month, year) if 1 <= month <= 12 else None


def refuse_month_and_year(value: str, month: int, year: int) -> None:
    """A month and year without a day is refused: a day made up here would be stored as if it were known. The user
    may write the first of the month, knowing it is stored as that date."""
    raise CellProblem(
        _(
            "“%(value)s” hanya bulan dan tahun, bukan tanggal. Tulis tanggal lengkap dengan harinya; bila hanya bulan "
            "dan tahunnya yang diketahui, Anda boleh menulis %(first)s, dan tanggal itulah yang disimpan."
        )
        % {"value": value, "first": f"01-{month:02d}-{year}"}
    )


def zoned_day_moved(raw: Any) -> tuple[str, datetime.date] | None:
    """For a date and time with a time zone typed as text ("2025-01-31T20:00:00Z"): the text and the day it is read
    as (parse_date takes the day where the system keeps its dates), when that is not the day written; else None."""
    if raw.__class__ is not str:
        return None
    value = text(raw)
    compact = value.lower().translate(_DATE_DASHES).strip()
    if not _YMD_ZONED.match(compact):
        return None
    try:
        read = parse_date(value)
        written = datetime.date.fromisoformat(compact[:10])
    except (CellProblem, ValueError):
        return None
    return (value, read) if read is not None and read != written else None


LATE_HOUR = 15  # midnight of WIT (UTC+9, WITA's offset in 1944 too) in UTC; WITA's is 16:00 and WIB's 17:00


def late_time_of_day(raw: Any) -> bool:
    """Whether a date cell also holds a time from 15:00 on. A date column's cell has no time of its own; one made at
    midnight in Indonesia and stored as the moment in UTC, as ExcelJS stores a JavaScript Date, holds 17:00 (WIB),
    16:00 (WITA) or 15:00 (WIT) of the day before, which Excel shows, and the import reads, as that day. An earlier
    time (noon, 13:30) cannot come from there and is not named. (A few seconds or minutes past midnight, as SheetJS
    writes some, keep the day.)"""
    return isinstance(raw, datetime.datetime) and raw.hour >= LATE_HOUR


def day_month_order(raw: Any) -> str | None:
    """For a date typed as text with numbers only: "month-first" when it can only be month/day/year (08/17/2023),
    "day-first" when it can only be day/month/year (17/08/2023), "either" when day and month could be swapped
    (08/07/2023), else None."""
    if raw.__class__ is not str:
        return None
    match = _DMY.match(_SPACED_SEPARATOR.sub(r"\1", text(raw).lower()))
    if match is None:
        return None
    first, second = int(match[1]), int(match[2])
    if first <= 12 < second <= 31:
        return "month-first"
    if first <= 12 and second <= 12 and first != second:
        return "either"
    if second <= 12 < first <= 31:
        return "day-first"
    return None


def refuse_year_alone(number: float) -> None:
    """A number that is a year typed alone, not a day count (1950 would be 1905-05-03): refused, since a day made up
    here would be stored as if it were known. The user may write the first of January, knowing it is stored so."""
    if YEAR_ALONE[0] <= number <= YEAR_ALONE[1] and float(number).is_integer():
        raise CellProblem(
            _(
                "“%(value)s” hanya tahun, bukan tanggal. Tulis tanggal lengkap dengan hari dan bulannya; bila hanya "
                "tahunnya yang diketahui, Anda boleh menulis 01-01-%(value)s, dan tanggal itulah yang disimpan."
            )
            % {"value": int(number)}
        )


def _serial_date(number: float, shown: Any) -> datetime.date:
    refuse_year_alone(number)
    if not SERIAL_RANGE[0] <= number <= SERIAL_RANGE[1]:
        raise CellProblem(
            _("“%(value)s” bukan tanggal. Tulis seperti 17-08-2023, atau format sel sebagai tanggal.")
            % {"value": text(shown)}
        )
    return EXCEL_EPOCH + datetime.timedelta(days=int(number))


def parse_int(
    raw: Any, *, min_value: int | None = None, max_value: int | None = None, units: Sequence[str] = ()
) -> int | None:
    """A whole number; `units` are words that may follow it ("50 orang", "50 org.")."""
    if is_blank(raw):
        return None
    if isinstance(raw, float) and raw.is_integer():
        number = int(raw)
    elif isinstance(raw, int) and not isinstance(raw, bool):
        number = raw
    else:
        value = text(raw)
        if units:
            words = "|".join(re.escape(unit) for unit in units)
            value = re.sub(rf"(?<=\d)\s*(?:{words})\.?\s*$", "", value, flags=re.IGNORECASE)
        value = value.replace(" ", "")
        # 1.250 and 1,250 are thousands in Indonesian and English writing; a decimal part is refused below.
        if re.fullmatch(r"-?\d{1,3}([.,]\d{3})+", value):
            value = re.sub(r"[.,]", "", value)
        elif re.fullmatch(r"-?\d+[.,]0{1,2}", value):
            value = re.split(r"[.,]", value)[0]  # 40.0, 20,00: decimals a program wrote, not a fraction
        if not re.fullmatch(r"-?\d+", value):
            raise CellProblem(_("“%(value)s” bukan bilangan bulat.") % {"value": text(raw)})
        number = int(value)
    if min_value is not None and number < min_value:
        raise CellProblem(_("Nilai paling kecil %(min)s.") % {"min": min_value})
    if max_value is not None and number > max_value:
        raise CellProblem(_("Nilai paling besar %(max)s.") % {"max": max_value})
    return number


TOO_LARGE = Decimal(10) ** 12


# Two numbers apart by ", " (a comma and a space, as map apps copy them), ";", "/" or spaces: not "1.234,5".
_COORDINATE_PAIR = re.compile(r"\s*-?\d+(?:[.,]\d+)?(?:\s*,\s+|\s*[;/]\s*|\s+)-?\d+(?:[.,]\d+)?\s*")


def _coordinate_pair(raw: Any) -> CellProblem:
    return CellProblem(
        _(
            "“%(value)s” berisi dua angka, seperti pasangan koordinat yang disalin dari aplikasi peta "
            "(lintang, bujur). Pisahkan: angka pertama ke kolom Lintang, angka kedua ke kolom Bujur."
        )
        % {"value": text(raw)}
    )


def parse_decimal(raw: Any, *, places: int) -> Decimal | None:
    """A decimal written with a point or an Indonesian comma (-3,316694)."""
    if is_blank(raw):
        return None
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        value = repr(float(raw))
    else:
        value = text(raw).replace(" ", "")
        if "," in value and "." not in value:
            value = value.replace(",", ".")
    try:
        number = Decimal(value)
    except InvalidOperation as error:
        if _COORDINATE_PAIR.fullmatch(text(raw)):
            # "-2.976945, 114.721611" as a map app copies a place: both coordinates in the one cell.
            raise _coordinate_pair(raw) from error
        raise CellProblem(_("“%(value)s” bukan angka.") % {"value": text(raw)}) from error
    if not number.is_finite():
        raise CellProblem(_("“%(value)s” bukan angka.") % {"value": text(raw)})
    if abs(number) >= TOO_LARGE:
        # No column holds such a number, and quantize() would raise for it (1e30): the cell is refused instead.
        raise CellProblem(_("Angka “%(value)s” terlalu besar.") % {"value": text(raw)})
    return number.quantize(Decimal(1).scaleb(-places))


# Degrees, minutes and seconds as map apps and GPS units write them: 3°19'10.2"S, S 3° 19' 10", 114°35'27" BT.
_HEMISPHERE = r"(LS|LU|BT|BB|[NSEWUTB])"
_DMS = re.compile(
    rf"""{_HEMISPHERE}?\s*(-)?\s*(\d+(?:[.,]\d+)?)\s*[°º˚]?\s*
    (?:(\d+(?:[.,]\d+)?)\s*['’′`]\s*)?
    (?:(\d+(?:[.,]\d+)?)\s*(?:"|''|”|″|’’)\s*)?
    {_HEMISPHERE}?""",
    re.IGNORECASE | re.VERBOSE,
)
_HEMISPHERES = {
    "latitude": {"N": 1, "U": 1, "LU": 1, "S": -1, "LS": -1},
    "longitude": {"E": 1, "T": 1, "BT": 1, "W": -1, "B": -1, "BB": -1},
}


def parse_coordinate(raw: Any, *, axis: str, places: int) -> Decimal | None:
    """A latitude or longitude: a decimal (parse_decimal), or degrees-minutes-seconds with a hemisphere letter
    (3°19'10"S is -3.319444). Whether it lies in range is the model's rule, checked later."""
    if is_blank(raw) or not isinstance(raw, str) or not re.search(r"[°º˚'’′\"”″]|[A-Za-z]", raw):
        return parse_decimal(raw, places=places)
    if len(re.findall(r"[°º˚]", raw)) > 1:
        raise _coordinate_pair(raw)  # 3°19'10"S 114°35'27"E
    match = _DMS.fullmatch(text(raw))
    if not match or (match[1] and match[6]):
        raise CellProblem(
            _(
                "“%(value)s” bukan koordinat yang dapat dibaca. Tulis angka desimal, mis. -3.3194, atau "
                "derajat-menit-detik dengan arahnya, mis. 3°19'10\"S."
            )
            % {"value": text(raw)}
        )
    hemisphere = (match[1] or match[6] or "").upper()
    signs = _HEMISPHERES[axis]
    if hemisphere and hemisphere not in signs:
        raise CellProblem(
            _("“%(value)s” menyebut arah %(hemisphere)s, yang bukan arah %(axis)s.")
            % {
                "value": text(raw),
                "hemisphere": hemisphere,
                "axis": _("lintang (U/S)") if axis == "latitude" else _("bujur (T/B)"),
            }
        )
    degrees, minutes, seconds = (Decimal((part or "0").replace(",", ".")) for part in match.group(3, 4, 5))
    if minutes >= 60 or seconds >= 60:
        raise CellProblem(_("“%(value)s”: menit dan detik harus kurang dari 60.") % {"value": text(raw)})
    number = degrees + minutes / 60 + seconds / 3600
    if match[2] or signs.get(hemisphere, 1) < 0:
        number = -number
    return number.quantize(Decimal(1).scaleb(-places))


def parse_bool(raw: Any) -> bool | None:
    if isinstance(raw, str) and raw.strip().lstrip("'").strip() in DASHES:
        return False  # "-" in a yes/no column is the "no" of paper forms
    if is_blank(raw):
        return None
    if isinstance(raw, bool):
        return raw
    value = norm(raw) or text(raw)
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise CellProblem(_("Isi “Ya” atau “Tidak”, bukan “%(value)s”.") % {"value": text(raw)})


# Spellings people use for a word the official labels spell otherwise (KBBI: "telantar"), compared word by word.
RESPELLINGS = {"terlantar": "telantar", "orangtua": "orang tua", "ortu": "orang tua", "lansia": "lanjut usia"}
# Words left out of an acronym: "Anak yang Berhadapan dengan Hukum" is "ABH".
_ACRONYM_SKIPS = {"yang", "dengan", "dan", "atau", "di", "ke", "dari", "untuk", "bagi", "oleh"}


def respell(key: str) -> str:
    """A normalised value with the commonest spelling variants written the official way."""
    return " ".join(RESPELLINGS.get(word, word) for word in key.split())


class Choices:
    """Allowed values of a column: each code with its label; a cell may hold the code, the label, “code — label”,
    a short form of the label (“Dalam panti” for “Dalam panti (residensial)”, “Luar panti” for “Luar panti /
    berbasis keluarga”), its acronym (“ABH”), a common spelling variant (“terlantar”), or one of `aliases`
    ((alias, code): words people use, like “Pria” for L). A short form or acronym that two items share is not used."""

    def __init__(
        self,
        items: list[tuple[str, str]],
        aliases: Sequence[tuple[str, str]] = (),
        other_labels: Sequence[tuple[str, str]] = (),
        suggest_labels: bool = False,
    ) -> None:
        """`other_labels`: (code, label) in the interface's other languages, read after the current ones (a
        sheet filled in Indonesian imports for a user working in English). `suggest_labels`: the template's
        dropdown offers the labels, so a suggestion names the label alone (not a code the user never saw)."""
        self.items = items
        self.suggest_labels = suggest_labels
        self._seen: dict[str, str] = {}  # raw cell text -> code: a column repeats few distinct values
        self.by_norm: dict[str, str] = {}
        # Each item as written in full (its code or a label, in any language; case and spacing aside): a cell that
        # says otherwise was read as the item (read_as) and is told.
        self._as_listed: set[str] = set()
        # A label of the other languages as written ("Perempuan" for a user working in English): a typo of it is
        # suggested as the file writes it, with the label the user reads beside it.
        self._other_labels: dict[str, str] = {}
        for labels in (items, other_labels):
            for code, label in labels:
                if labels is other_labels and respell(norm(label)) not in self.by_norm:
                    self._other_labels[respell(norm(label))] = str(label)
                for key in (norm(code), norm(label), norm(f"{code} {label}")):
                    self.by_norm.setdefault(respell(key), code)
                    self._as_listed.add(key)
            derived: dict[str, set[str]] = {}
            for code, label in labels:
                for key in _short_forms(str(label)):
                    derived.setdefault(respell(key), set()).add(code)
            for key, codes in derived.items():
                if len(codes) == 1 and key and key not in self.by_norm:
                    self.by_norm[key] = next(iter(codes))
        for alias, code in aliases:
            self.by_norm.setdefault(respell(norm(alias)), code)

    def match(self, raw: Any) -> str:
        value = text(raw)
        if value in self._seen:
            return self._seen[value]
        code = self._match(value)
        self._seen[value] = code
        return code

    def _match(self, value: str) -> str:
        key = respell(norm(value))
        if key in self.by_norm:
            return self.by_norm[key]
        # "anak — LKS Anak" as picked from a list that shows both: the part after the dash or bracket must name the
        # same item. "Pengasuh - Relawan" names two, and "Pengasuh (tetap)" says more than the column keeps: kept
        # as the first, either would be stored as something else than written.
        parts = re.split(r"\s[-–—:]\s|\s\(", value, maxsplit=1)
        head = respell(norm(parts[0]))
        if head not in self.by_norm:
            raise CellProblem(self.unknown_message(value))
        code = self.by_norm[head]
        rest = respell(norm(parts[1].rstrip(") ")))
        if self.by_norm.get(rest) == code or set(rest.split()) & self._words_of(code):
            return code
        labels = dict(self.items)
        shown = labels[code] if self.suggest_labels else code
        if (other := self.by_norm.get(rest)) is not None:
            raise CellProblem(
                _(
                    "“%(value)s” berisi dua pilihan, “%(first)s” dan “%(second)s”, padahal kolom ini hanya menerima "
                    "satu. Isi salah satu saja."
                )  # fmt: skip
                % {"value": value, "first": shown, "second": labels[other] if self.suggest_labels else other}
            )
        raise CellProblem(
            _("“%(value)s” tidak ada dalam daftar. Mungkin maksud Anda “%(label)s” (tanpa keterangan tambahan)?")
            % {"value": value, "label": shown}
        )

    def read_as(self) -> list[tuple[str, str]]:
        """(cell text, label) of the cells matched so far that do not write their item as listed: a spelling variant
        ("Anak Terlantar"), a short form ("Luar panti"), an acronym, an alias ("Pria")."""
        labels = dict(self.items)
        said: dict[str, tuple[str, str]] = {}  # one per way of writing, case and spacing aside ("LKSA", "lksa")
        for value, code in self._seen.items():
            if (key := norm(value)) not in self._as_listed:
                said.setdefault(key, (value, labels.get(code, code)))
        return list(said.values())

    def _words_of(self, code: str) -> set[str]:
        """The words of every way an item may be written (its code, labels and short forms)."""
        return {word for key, found in self.by_norm.items() if found == code for word in key.split()}

    def unknown_message(self, value: str) -> str:
        typed = respell(norm(value))
        # A word that several items share ("Panti": "Dalam panti", "Luar panti"): name them all rather than guess
        # one, which may be the opposite.
        padded = f" {typed} "
        sharing = list(dict.fromkeys(code for key, code in self.by_norm.items() if typed and padded in f" {key} "))
        if 2 <= len(sharing) <= 4:
            labels = dict(self.items)
            shown = ", ".join(f"“{labels[code] if self.suggest_labels else code}”" for code in sharing)
            return _("“%(value)s” tidak ada dalam daftar. Mungkin maksud Anda salah satu dari: %(choices)s?") % {
                "value": value,
                "choices": shown,
            }
        # Only a near spelling is suggested (a typo): a loose match proposes unrelated or opposite items
        # ("Melarikan diri" → "Mandiri").
        closest = difflib.get_close_matches(typed, list(self.by_norm), n=1, cutoff=SUGGESTION_CUTOFF)
        if closest and _negated(typed) != _negated(closest[0]):
            closest = []  # "Tidak dalam panti" is close to "Dalam panti" in spelling, and its opposite
        if closest:
            code = self.by_norm[closest[0]]
            label = dict(self.items)[code]
            if self.suggest_labels and (written := self._other_labels.get(closest[0])):
                return _("“%(value)s” tidak ada dalam daftar. Mungkin maksud Anda “%(code)s” (%(label)s)?") % {
                    "value": value,
                    "code": written,
                    "label": label,
                }
            if self.suggest_labels:
                return _("“%(value)s” tidak ada dalam daftar. Mungkin maksud Anda “%(label)s”?") % {
                    "value": value,
                    "label": label,
                }
            return _("“%(value)s” tidak ada dalam daftar. Mungkin maksud Anda “%(code)s” (%(label)s)?") % {
                "value": value,
                "code": code,
                "label": label,
            }
        shown = ", ".join(label if self.suggest_labels else code for code, label in self.items[:12])
        if len(self.items) > 12:
            # The rest are in the template's instructions (and the dropdown): its list sheet is hidden.
            return _(
                "“%(value)s” tidak ada dalam daftar. Pilihan: %(choices)s, dan %(more)s lainnya (lihat lembar "
                "Petunjuk di templat impor)."
            ) % {"value": value, "choices": shown, "more": len(self.items) - 12}
        return _("“%(value)s” tidak ada dalam daftar. Pilihan: %(choices)s.") % {"value": value, "choices": shown}


SUGGESTION_CUTOFF = 0.75  # difflib ratio: "lanjut usai"/"lanjut usia" 0.91, "netra"/"mental" 0.55
_NEGATIONS = {"tidak", "tdk", "bukan", "non", "tanpa", "belum"}


def _negated(key: str) -> bool:
    return key.split(" ", 1)[0] in _NEGATIONS


# Words that name what an LKS or a person is rather than which one: sharing them says nothing.
_COMMON_NAME_WORDS = {
    "lks", "lksa", "lksla", "lkspd", "panti", "asuhan", "sosial", "yayasan", "rumah", "pelayanan", "lembaga",
    "kesejahteraan", "anak", "lanjut", "usia", "werdha", "disabilitas", "binaan", "al", "an", "ar", "as", "nur",
    "muhammad", "siti", "binti", "bin",
}  # fmt: skip


def same_one_named(stored: str, given: str) -> bool:
    """Whether two names may name the same one, typo or spelling aside: close spellings ("Tanpa Nomr"/"Tanpa
    Nomor"), or a distinctive word in common ("Panti Asuhan Al-Falah"/"LKSA Al Falah"). Used where a row's ID must
    not be taken on its own word: a user's own running number in a column headed "ID" names someone else."""
    a, b = norm(stored), norm(given)
    if not a or not b:
        return True
    # Compared without the words every such name has ("Panti Asuhan Harapan"/"Panti Asuhan Sejahtera" differ).
    a_own = " ".join(word for word in a.split() if word not in _COMMON_NAME_WORDS) or a
    b_own = " ".join(word for word in b.split() if word not in _COMMON_NAME_WORDS) or b
    if difflib.SequenceMatcher(None, a_own, b_own).ratio() >= SUGGESTION_CUTOFF:
        return True
    distinctive = {word for word in a_own.split() if len(word) >= 3}
    return bool(distinctive & set(b_own.split()))


def _short_forms(label: str) -> set[str]:
    """What people write for a long label: the part before “(” and the part inside, each side of “ / ”, and the
    acronym of its words (three letters or more)."""
    forms = set()
    head, _sep, rest = label.partition("(")
    forms.add(norm(head))
    if rest:
        forms.add(norm(rest.rstrip(")")))
    if " / " in label:
        forms.update(norm(part) for part in label.split(" / "))
    words = [w for w in norm(label).split() if w not in _ACRONYM_SKIPS]
    if len(words) >= 3:
        forms.add("".join(w[0] for w in words))
    forms.discard(norm(label))
    return forms


REGION_SHAPE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")


def parse_region_code(raw: Any) -> str | None:
    """A dotted Kemendagri code; refuses codes Excel turned into numbers where the digits cannot be recovered."""
    if is_blank(raw):
        return None
    # 63.71 survives as a number, but 63.10 becomes 63.1 — which could have been 63.01 or 63.10.
    value = repr(raw) if isinstance(raw, float) and not raw.is_integer() else text(raw)
    value = value.replace(" ", "")
    if REGION_SHAPE.match(value):
        return value
    # A CSV saved by Excel set to Indonesian writes the number 63.71 as "63,71" (decimal comma).
    if re.fullmatch(r"\d{2},\d{2}", value):
        return value.replace(",", ".")
    digits = re.sub(r"[.\-]", "", value)
    if "." not in value and "," not in value and re.fullmatch(r"\d{2}|\d{4}|\d{6}|\d{10}", digits):
        return ".".join(part for part in (digits[0:2], digits[2:4], digits[4:6], digits[6:10]) if part)
    if isinstance(raw, float) or re.fullmatch(r"\d{1,2}[.,]\d", value):
        # Said with the cell's own digits: "35.1 bisa berarti 35.01 atau 35.10" in Jawa Timur.
        head, _sep, tail = re.sub(r",", ".", value).partition(".")
        head, tail = (head or "63").zfill(2)[:2], tail if len(tail) == 1 else "1"
        raise CellProblem(
            _(
                "Kode wilayah “%(value)s” terbaca sebagai angka oleh Excel atau LibreOffice sehingga angka nolnya "
                "hilang (%(read)s bisa berarti %(one)s atau %(other)s). Format kolom ini sebagai Teks lalu ketik ulang "
                "kodenya, mis. %(example)s."
            )
            % {
                "value": value,
                "read": f"{head}.{tail}",
                "one": f"{head}.0{tail}",
                "other": f"{head}.{tail}0",
                "example": f"{head}.71",
            }
        )
    if re.search(r"[^\W\d_]", value):
        # A name where the code goes: the sheet has columns for names beside the code's.
        raise CellProblem(
            _(
                "“%(value)s” bukan kode wilayah. Kolom ini berisi kode, seperti 63.71.01.1001; nama wilayah ditulis "
                "di kolom Kabupaten/Kota, Kecamatan, dan Desa/Kelurahan (kolom kode ini lalu dikosongkan)."
            )
            % {"value": value}
        )
    raise CellProblem(
        _("“%(value)s” bukan kode wilayah. Tulis seperti 63.71 (kabupaten/kota) atau 63.71.01.1001 (desa).")
        % {"value": value}
    )
