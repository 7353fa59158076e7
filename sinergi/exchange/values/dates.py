"""Dates as people type them (parse_date): an Excel date cell or serial number, 2023-08-17, 17-08-2023, 17 Agustus
2023, a weekday in front, a moment with its zone; and the refusals of what only looks like one (a two-digit year, a
month and year, a year alone, a day that is not in the calendar), with the checks that say which order or day a
cell was read in. Apart because the month names and date shapes are a vocabulary of their own."""

import datetime
import re
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from .cells import DASHES_AS_HYPHEN, CellProblem, is_blank, text

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
# A year from 1900 to 2100 typed alone into a date column is not a day count (1950 would be 1905-05-03).
YEAR_ALONE = (1900, 2100)
_DMY = re.compile(
    r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ Tt]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?)?$"
)
_SHORT_YEAR = re.compile(r"^\d{1,2}[-/.]\d{1,2}[-/.]\d{2}$")
# "Kamis, 17 Agustus 2023": a weekday in front, as long-date formats print it. "Jum'at" typed on a phone has the
# curly apostrophe its keyboard puts there (iOS's smart punctuation, Gboard's suggestions): the same word.
_WEEKDAY = re.compile(
    r"^(senin|selasa|rabu|kamis|jumat|jum['‘’ʼ`]at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|"
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


def parse_date(raw: Any, *, workbook: bool = False) -> datetime.date | None:
    """A date from an Excel date cell, an Excel serial number, 2023-08-17, 17-08-2023, 17/08/2023 or
    17 Agustus 2023; None for an empty cell. `workbook`: the text is a workbook's cell (.xlsx, .ods, .xls), not a
    CSV's field, which a refusal's advice depends on."""
    if is_blank(raw):
        return None
    if isinstance(raw, datetime.datetime):
        return raw.date()
    if isinstance(raw, datetime.date):
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return _serial_date(raw, raw)
    if isinstance(raw, datetime.time):
        raise CellProblem(_time_of_day_message(raw))
    value = text(raw)
    lowered = _WEEKDAY.sub("", value.lower().translate(DASHES_AS_HYPHEN)).rstrip(".").strip()
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
    if (match := _SHORT_YEAR_NAMED.match(lowered)) and match[1] in MONTHS and workbook:
        # A text cell of a workbook (a date cell would have been read): its format changes nothing, it is retyped.
        raise CellProblem(
            _(
                "Tahun pada tanggal “%(value)s” hanya 2 angka, jadi abadnya tidak jelas. Sel ini berisi teks, bukan "
                "tanggal, jadi mengubah format selnya tidak mengubah isinya: ketik ulang tanggalnya dengan tahun 4 "
                "angka (mis. 17-08-2023), lalu unggah lagi."
            )
            % {"value": value}
        )
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


def _time_of_day_message(raw: datetime.time) -> str:
    """A cell a reader gives as a time of day: a number below 1 in a date or time format. 0 is what a formula gives
    from an empty cell (=A2, a VLOOKUP of a row with no date), which Excel shows as 00-01-1900."""
    if raw == datetime.time(0, 0):
        return _(
            "Sel ini berisi angka 0 berformat tanggal, yang tampil sebagai 00-01-1900: biasanya hasil rumus (mis. "
            "=A2 atau VLOOKUP) dari sel yang kosong, bukan tanggal. Isi tanggalnya, atau kosongkan selnya."
        )
    return _("“%(value)s” adalah jam, bukan tanggal. Tulis seperti 17-08-2023, atau format sel sebagai tanggal.") % {
        "value": raw.strftime("%H.%M")
    }


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
    compact = value.lower().translate(DASHES_AS_HYPHEN).strip()
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


# An age written where the birth date goes ("11", "13 thn", "11 tahun", "11 th", "11 years"): a whole number of
# years up to OLDEST_AGE, with or without the word. A bare number of 1-120 is no date either way (a serial that
# small is January 1900), so naming it an age takes nothing away.
OLDEST_AGE = 120
_AGE_TEXT = re.compile(r"^(\d{1,3})\s*(?:th|thn|tahun|tahunan|thun|yo|y\.o|yr|yrs|year|years)?\.?$")


def refuse_age_as_birth_date(raw: Any) -> None:
    """Refuses a birth date cell that holds an age, saying so and what to write: "tidak dapat dibaca" or "bukan
    tanggal" would leave the clerk guessing, and a birth date worked out from an age would be stored as if known."""
    if isinstance(raw, bool) or is_blank(raw):
        return
    value = text(raw).lower()
    if isinstance(raw, int | float):
        value = str(int(raw)) if float(raw).is_integer() else value
    match = _AGE_TEXT.match(value)
    # a bare 0 is no age anyone writes (a blank made a number); "0 tahun", an infant's, is
    if match is None or int(match[1]) > OLDEST_AGE or value in ("0", "00", "000"):
        return
    raise CellProblem(
        _(
            "“%(value)s” adalah umur, bukan tanggal lahir. Umur berubah setiap tahun, jadi yang disimpan adalah "
            "tanggal lahir, dan tanggal lahir tidak ditebak dari umur: tulis tanggal lahirnya (mis. 17-08-2013), "
            "lihat akta kelahiran atau KK."
        )
        % {"value": text(raw)}
    )
