"""Spreadsheet columns and entities. An app declares its entity in its own `exchange.py` with these building blocks
and calls `register()`; templates, imports and exports are then derived from that one declaration.

Each column follows pretix's import pipeline: resolve (find its cell by header) → clean (text to a Python value,
or a CellProblem) → assign (onto the model object) → save (done by the entity, in bulk).
"""

import copy
import datetime
import re
import time
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext as _

from sinergi.core.downloads import XLSX_MAX_TEXT
from sinergi.core.params import as_id
from sinergi.core.phones import (
    phone_in_scientific_notation,
    phone_lost_zero,
    phone_scientific_message,
    phone_without_number,
    phone_without_number_message,
)

from . import values as v

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


@dataclass
class Column:
    """One column of an entity's sheet: its header, synonyms, whether it is required, and how a cell is read."""

    key: str  # the model field it fills (or a pseudo field the entity resolves itself)
    header: Any  # Indonesian header (lazy), also used in messages
    synonyms: Sequence[str] = ()
    required: bool = False
    help: Any = ""
    example: Any = ""
    read_only: bool = False  # exported for reference, ignored on import
    width: int = 18

    def clean(self, raw: Any, ctx: "ImportContext") -> Any:
        return v.text(raw) or None

    # Whether clean() depends on the cell alone (not on the row or on earlier rows): then each distinct cell value
    # of a column is read once per import, which is what makes a column of repeated codes, labels and dates cheap.
    memoize = True
    in_template = True  # offered in the import template (an export's ID column is read but not offered)

    def clean_column(self, raws: Sequence[Any], ctx: "ImportContext") -> list[Any]:
        """clean() over a whole column: each cell's value, or the CellProblem it raised (nothing is raised here).
        A list value is copied per row, so that no two rows share one."""
        if not self.memoize:
            return [clean_or_problem(self, raw, ctx) for raw in raws]
        memo: dict[tuple, Any] = ctx.cached(("cells", self.key), dict)
        out = []
        append = out.append
        for raw in raws:
            key = (raw.__class__, raw)  # 1, 1.0 and True are equal as keys; with their class they are not
            found = memo.get(key, _MISSING)
            if found is _MISSING:
                found = memo[key] = clean_or_problem(self, raw, ctx)
            append(list(found) if found.__class__ is list else found)
        return out

    def file_problems(self, ctx: "ImportContext") -> list[str]:
        """Problems of the column as a whole, known once every row was read (reported on the header row)."""
        return []

    def file_notices(self, ctx: "ImportContext") -> list[str]:
        """What the run says of how the column as a whole was read, once every row was read (nothing refused)."""
        return []

    def assign(self, obj: Model, value: Any) -> None:
        setattr(obj, self.key, value)

    def current(self, obj: Model) -> Any:
        """The value stored now, comparable with what clean() returns (for before → after)."""
        return getattr(obj, self.key)

    def export(self, obj: Model) -> Any:
        return self.current(obj)

    def display(self, value: Any) -> str:
        """How a value is shown in a before → after preview."""
        if value is None or value == "":
            return ""
        if hasattr(value, "strftime"):
            return value.strftime("%d-%m-%Y")
        if isinstance(value, bool):
            return _("Ya") if value else _("Tidak")
        return str(value)

    def choices(self, ctx: "ImportContext | None") -> "v.Choices | None":
        """The allowed values, for columns that have a fixed list (a dropdown in the template)."""
        return None

    @property
    def allows_many(self) -> bool:
        return False

    def for_export(self) -> "Column":
        """The column as an export uses it (a copy may precompute translated labels once per export)."""
        return self

    def header_keys(self) -> set[str]:
        """What a header cell may say: the header in every language of the interface (a file made from the
        Indonesian template imports for a user working in English, and the other way round), the field's name,
        and the synonyms."""
        keys = {v.norm(self.key), *(v.norm(s) for s in self.synonyms)}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                keys.add(v.norm(self.header))
        return keys


_DATE_CELLS = (datetime.date, datetime.datetime)
# How Excel shows a date cell it made of a number, in Indonesian or English: Des-15, 1-Feb, 12-Des-2015.
_MONTH_SHOWN = r"(?:jan|feb|mar|apr|mei|may|jun|jul|agu|agt|aug|sep|okt|oct|nov|des|dec)"
_DATE_AS_SHOWN = re.compile(rf"\d{{1,2}}-{_MONTH_SHOWN}(?:-\d{{2}}|-\d{{4}})?|{_MONTH_SHOWN}-(?:\d{{2}}|\d{{4}})", re.I)


@dataclass
class RecordIdColumn(Column):
    """The ID column of our exports, read back: a row with an ID is about that record, so a corrected name or
    birth date updates it instead of registering someone new. Not in the template (new rows have none)."""

    in_template = False
    memoize = False

    def clean(self, raw: Any, ctx: "ImportContext") -> int | None:
        return v.parse_int(raw, min_value=1, max_value=2**63 - 1)  # a database key: 64 bits at most


class RecordVersionColumn(Column):
    """The version our exports write beside each ID, read back: a row from a file exported before the record was
    changed (by someone else, or by an earlier import of the same file) would put the old values back over the
    change. Such a row is refused when it would change anything, as a form with a stale version is
    (stale_row_message). Not in the template."""

    in_template = False
    memoize = False

    def clean(self, raw: Any, ctx: "ImportContext") -> int | None:
        return v.parse_int(raw, min_value=1, max_value=2**31 - 1)


def stale_row_message(in_file: int, stored: int) -> str:
    return _(
        "Data ini sudah diubah sejak file ini diekspor (versi di file %(file)s, kini %(stored)s); mengimpor baris ini "
        "akan mengembalikan isian lama. Ekspor ulang, lalu ulangi perubahan Anda di file baru."
    ) % {"file": in_file, "stored": stored}


# Control characters a cell may carry from old files or pasted text: a vertical tab or form feed (old Excel line
# breaks) is a line break, a carriage return goes with or becomes one, the rest are dropped.
_CONTROLS = str.maketrans(
    {"\r": None, "\x0b": "\n", "\x0c": "\n"}
    | {chr(code): None for code in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F)}
)


def _without_controls(value: str) -> str:
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.translate(_CONTROLS)


@dataclass
class TextColumn(Column):
    max_length: int = 0
    # A date cell in a column of numbers or names is Excel's doing: "12/2015" typed as a deed number became
    # 1 December 2015, "1-2" became 1 February. Refused rather than stored as a date the user never wrote; free
    # text (notes) may hold dates.
    accepts_dates: bool = False
    memoize = False  # names and addresses rarely repeat: a memo would only grow
    # A line break or a run of spaces inside a name (a cell wrapped with Alt+Enter, a name pasted from a PDF) is one
    # space, as a form's one-line field gives; free text (notes) keeps its lines.
    single_line: bool = True
    # Whether a cell saying it has nothing ("tidak ada", "n/a", "0": values.BLANK_WORDS) is read as empty, said in a
    # notice (blank_words_notice). Not for numbers with rules of their own (NIK, NPWP).
    blank_words: bool = True

    def clean_column(self, raws: Sequence[Any], ctx: "ImportContext") -> list[Any]:
        text, limit, out, one_line = v.text, self.max_length, [], self.single_line
        dates = () if self.accepts_dates else _DATE_CELLS
        longest = v.BLANK_WORD_LONGEST if self.blank_words else -1
        append = out.append
        for raw in raws:
            if raw.__class__ is not str and raw.__class__ in dates:
                append(clean_or_problem(self, raw, ctx))
                continue
            value = text(raw)
            if len(value) <= longest and value and v.blank_word(value):
                said = ctx.cached(("blank_words", str(self.header)), dict)
                said[value] = said.get(value, 0) + 1
                append("")
                continue
            if not value.isprintable():  # one scan in C; the rare cell with a line break or a control goes on
                value = _without_controls(value)
                if one_line:  # line breaks, tabs and runs of spaces: one space each (single_line)
                    value = " ".join(value.split())
            elif one_line and "  " in value:
                value = " ".join(value.split())
            if (
                (limit and len(value) > limit)
                or (value[:1] == "=" and v.formula_as_text(raw))
                or (raw.__class__ is str and len(raw) == XLSX_MAX_TEXT and raw[-1] == "…")
                or (not self.accepts_dates and "-" in value and _DATE_AS_SHOWN.fullmatch(value))
                or ((value[:1] == "#" or value[:4] == "Err:") and v.formula_error(value))
            ):
                append(clean_or_problem(self, raw, ctx))
            else:
                append(value)
        return out

    def clean(self, raw: Any, ctx: "ImportContext") -> str:
        if v.formula_as_text(raw):
            raise v.CellProblem(
                _(
                    "Sel ini berisi rumus yang tersimpan sebagai teks, sehingga tidak dihitung (kolomnya berformat "
                    "Teks). Ketik isinya langsung, atau salin sel lalu tempel sebagai nilai saja."
                )
            )
        if not self.accepts_dates and raw.__class__ in _DATE_CELLS:
            raise v.CellProblem(
                _(
                    "Excel atau LibreOffice mengubah isian sel ini menjadi tanggal (%(value)s). Format kolom ini "
                    "sebagai Teks, lalu ketik ulang isinya."
                )
                % {"value": v.text(raw)}
            )
        if not self.accepts_dates and raw.__class__ is str and _DATE_AS_SHOWN.fullmatch(v.text(raw)):
            # The date cell of the check above, saved by Excel as a CSV: the text it showed ("Des-15" for 12/2015).
            raise v.CellProblem(
                _(
                    "“%(value)s” tampaknya isian yang diubah Excel menjadi tanggal lalu disimpan seperti tampilannya "
                    "(mis. nomor 12/2015 menjadi Des-15). Format kolom ini sebagai Teks, lalu ketik ulang isinya."
                )
                % {"value": v.text(raw)}
            )
        if raw.__class__ is str and len(raw) == XLSX_MAX_TEXT and raw[-1] == "…":
            # Our own XLSX cut this text at Excel's limit for a cell: read back, it would replace the whole text.
            raise v.CellProblem(
                _(
                    "Isi sel ini terpotong di batas Excel (%(max)s karakter) saat diekspor, jadi tidak utuh. Kosongkan "
                    "sel ini agar isian yang tersimpan tetap dipakai, atau ubah teksnya lewat formulir."
                )
                % {"max": number_format(XLSX_MAX_TEXT, force_grouping=True)}
            )
        value = _without_controls(v.text(raw))
        value = " ".join(value.split()) if self.single_line and ("  " in value or not value.isprintable()) else value
        if self.max_length and len(value) > self.max_length:
            raise v.CellProblem(
                _("Terlalu panjang: %(length)s karakter, paling banyak %(max)s.")
                % {"length": len(value), "max": self.max_length}
            )
        return value

    def current(self, obj: Model) -> str:
        return getattr(obj, self.key) or ""


_PHONE_NUMBER = re.compile(r"\+?\d[\d\s().-]{5,}\d")


def _several_numbers(raw: Any, max_length: int) -> bool:
    """Whether a phone cell too long for the column holds two or more numbers ("0812-3456-7023 / 0813-9876-5432")."""
    return raw.__class__ is str and len(v.text(raw)) > max_length and len(_PHONE_NUMBER.findall(raw)) >= 2


def _lost_digits(value: str) -> bool:
    """phone_lost_zero or phone_in_scientific_notation over a cell's text (see there)."""
    return phone_lost_zero(value) or phone_in_scientific_notation(value)


@dataclass
class PhoneColumn(TextColumn):
    """A phone number. Typed into a cell formatted as a number, 0811… becomes 811… and 0511… 511…: the lost zero
    is refused rather than guessed (phone_lost_zero: a number that begins with the country code 62, or a local
    landline of 6 to 8 digits, lost nothing). A CSV saved by Excel keeps the number it made as text,
    "81234567890": refused the same way, whatever the file type — as the forms refuse it."""

    def clean_column(self, raws: Sequence[Any], ctx: "ImportContext") -> list[Any]:
        out = super().clean_column(raws, ctx)
        for i, (raw, value) in enumerate(zip(raws, out, strict=True)):
            if value.__class__ is str and value and not value.isascii():
                # Full-width digits (a phone typed with an East Asian keyboard, or pasted): the digits they are, as
                # the NIK gets them; dialled or searched as typed, they match nothing.
                out[i] = value = unicodedata.normalize("NFKC", value)
            if value.__class__ is str and value and (raw.__class__ in (int, float) or _lost_digits(value)):
                out[i] = clean_or_problem(self, raw, ctx)
            elif value.__class__ is str and value and phone_without_number(value, typed=False):
                out[i] = v.CellProblem(phone_without_number_message(value))
            elif value.__class__ is v.CellProblem and self.max_length and _several_numbers(raw, self.max_length):
                out[i] = v.CellProblem(
                    _(
                        "Sel ini berisi lebih dari satu nomor (%(length)s karakter, paling banyak %(max)s). Isi satu "
                        "nomor saja, atau tulis keduanya tanpa spasi di antaranya (mis. 0812-3456-7890/0813-1234-5678)."
                    )
                    % {"length": len(v.text(raw)), "max": self.max_length}
                )
        return out

    def clean(self, raw: Any, ctx: "ImportContext") -> str:
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            digits = v.text(raw)
            if phone_lost_zero(digits):
                raise v.CellProblem(
                    _(
                        "Nomor telepon %(value)s terbaca sebagai angka, sehingga angka 0 di depannya hilang. Format "
                        "kolom ini sebagai Teks lalu ketik ulang nomornya, misalnya 0811-2345-6789."
                    )
                    % {"value": digits}
                )
        value = super().clean(raw, ctx)
        if phone_in_scientific_notation(value):
            raise v.CellProblem(phone_scientific_message(value))
        if phone_lost_zero(value):
            raise v.CellProblem(
                _(
                    "Nomor telepon %(value)s tidak diawali 0, +62 atau 62: angka 0 di depannya tampaknya hilang "
                    "(Excel dan LibreOffice menghapusnya bila nomor terbaca sebagai angka). Format kolom ini sebagai "
                    "Teks lalu ketik ulang nomornya, misalnya 0812-3456-7890."
                )
                % {"value": value}
            )
        return value


@dataclass
class TextOnlyNumberColumn(TextColumn):
    """A number kept as text (NPWP): a number cell is refused, never read. Excel keeps 15 significant digits of a
    number, so a 16-digit NPWP typed into a number cell has already lost its last digit, and a 15-digit one that
    begins with 0 its first (as IdentityNumberColumn refuses a NIK in a number cell)."""

    def clean_column(self, raws: Sequence[Any], ctx: "ImportContext") -> list[Any]:
        out = super().clean_column(raws, ctx)
        for i, raw in enumerate(raws):
            if raw.__class__ in (int, float):
                out[i] = clean_or_problem(self, raw, ctx)
        return out

    def clean(self, raw: Any, ctx: "ImportContext") -> str:
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            raise v.CellProblem(
                _(
                    "%(label)s %(value)s terbaca sebagai angka oleh Excel atau LibreOffice, sehingga angka 0 di "
                    "depannya atau angka terakhirnya dapat hilang. Format kolom sebagai Teks, lalu ketik ulang nomor "
                    "dari dokumen aslinya."
                )
                % {"label": self.header, "value": v.text(raw)}
            )
        return super().clean(raw, ctx)


@dataclass
class IntegerColumn(Column):
    min_value: int | None = None
    max_value: int | None = None
    # Words that may follow the number, the unit the header names ("50 orang" under "Kapasitas (orang)").
    units: tuple[str, ...] = ()

    def clean(self, raw: Any, ctx: "ImportContext") -> int | None:
        return v.parse_int(raw, min_value=self.min_value, max_value=self.max_value, units=self.units)


@dataclass
class DecimalColumn(Column):
    places: int = 6

    def clean(self, raw: Any, ctx: "ImportContext") -> Any:
        return v.parse_decimal(raw, places=self.places)


@dataclass
class CoordinateColumn(DecimalColumn):
    axis: str = "latitude"

    def clean(self, raw: Any, ctx: "ImportContext") -> Any:
        return v.parse_coordinate(raw, axis=self.axis, places=self.places)


@dataclass
class DateColumn(Column):
    width: int = 14

    def clean(self, raw: Any, ctx: "ImportContext") -> Any:
        if ctx.cache.get("date_1904") and isinstance(raw, int | float) and not isinstance(raw, bool):
            v.refuse_year_alone(raw)  # before the shift, which would make 2015 a day in 1909
            raw += v.DAYS_1900_TO_1904  # a date of a 1904-system workbook, read as a number
        if order := v.day_month_order(raw):
            # Called once per distinct cell (clean_column's memo): remember which text dates could be either way.
            seen = ctx.cached(("date_order", self.key), lambda: {"month-first": [], "either": [], "day-first": []})
            if order != "day-first" or v.parse_date(raw) is not None:
                seen[order].append(v.text(raw))
        elif moved := v.zoned_day_moved(raw):
            # "2025-01-31T20:00:00Z" is 1 February in WITA: read so (a system's midnight kept in UTC is the day
            # before), and said, since the day written is another. Said as what it most often is, a file that is
            # right (SheetJS writes every .ods date so), not as an alarm.
            ctx.cached(("zoned_dates", self.key), list).append(moved)
        elif isinstance(raw, datetime.date):
            if v.late_time_of_day(raw):
                # The day shown, said with its time (file_notices): the day meant may be the next one. Once per
                # distinct value (clean_column's memo), so the notice counts dates, not cells.
                ctx.cached(("late_times", self.key), list).append(raw)
            # A date cell: its day, for the swapped cells of an American-English Excel (file_problems).
            cells = ctx.cached(("date_cells", self.key), lambda: {"all": 0, "early": []})
            cells["all"] += 1
            if raw.day <= 12:
                cells["early"].append(raw)
        return v.parse_date(raw)

    def file_notices(self, ctx: "ImportContext") -> list[str]:
        return self._zoned_notices(ctx) + self._late_time_notices(ctx)

    def _late_time_notices(self, ctx: "ImportContext") -> list[str]:
        late = ctx.cache.get(("late_times", self.key))
        if not late:
            return []
        return [
            _(
                "Kolom “%(column)s”: %(count)s tanggal juga berisi jam sore atau malam, dan yang diimpor tanggal yang "
                "tampil di selnya: %(examples)s. Aplikasi yang menyimpan tengah malam WIB, WITA atau WIT sebagai "
                "waktu UTC menulis pukul 17.00, 16.00 atau 15.00 hari sebelumnya; bila file ini dibuat begitu, tanggal "
                "yang dimaksud adalah hari berikutnya: perbaiki tanggalnya di file sebelum mengimpor."
            )
            % {
                "column": self.header,
                "count": len(late),
                "examples": v.first_ten([f"“{cell:%d-%m-%Y %H.%M}” → {cell:%d-%m-%Y}" for cell in late]),
            }
        ]

    def _zoned_notices(self, ctx: "ImportContext") -> list[str]:
        moved = ctx.cache.get(("zoned_dates", self.key))
        if not moved:
            return []
        return [
            _(
                "Kolom “%(column)s”: %(count)s tanggal ditulis dengan jam dalam UTC atau zona waktu lain, dan dibaca "
                "sebagai tanggalnya di zona waktu sistem (%(zone)s): %(examples)s. Itu benar untuk file dari aplikasi "
                "yang menyimpan tengah malam waktu setempat sebagai waktu UTC. Bila yang dimaksud hari yang tertulis, "
                "tulis tanggalnya saja (mis. 2025-01-31)."
            )
            % {
                "column": self.header,
                "count": len(moved),
                "zone": timezone.localtime().strftime("%Z"),
                "examples": v.first_ten([f"“{written}” → {read.strftime('%d-%m-%Y')}" for written, read in moved]),
            }
        ]

    def file_problems(self, ctx: "ImportContext") -> list[str]:
        """A column that shows month/day/year order somewhere (08/17/2023, refused on its row) makes its dates
        that read both ways (08/07/2023: 8 July or 7 August?) doubtful too: they are named, not taken silently."""
        seen = ctx.cache.get(("date_order", self.key))
        cells = ctx.cache.get(("date_cells", self.key))
        if (
            seen
            and seen["day-first"]
            and cells
            and cells["all"] >= 5
            and len(cells["early"]) == cells["all"]
            and len({day.day for day in cells["early"]}) >= 3
        ):
            # Typed as 05/08/1990 and 17/08/1990 on a computer set to American English: Excel took the first for
            # 8 May (a date cell) and left the second as text. Five or more different date cells all having a day
            # of 12 or less (at least three different days: not a column of the 1st of each month), beside text it
            # could not read as month/day, is that, not chance (under 1 in 100): the cells are swapped, silently.
            return [
                _(
                    "Kolom ini berisi sel tanggal dan tanggal berupa teks berurutan hari-bulan-tahun (mis. "
                    "“%(text)s”). Itu tanda Excel memakai urutan bulan/hari (pengaturan bahasa Inggris AS) saat "
                    "tanggal diketik, sehingga hari dan bulan sel tanggalnya tertukar: %(cells)s. Ketik ulang tanggal "
                    "di kolom ini sebagai teks, mis. '05-08-1990, atau atur wilayah komputer ke Indonesia lalu ketik "
                    "ulang."
                )
                % {
                    "text": seen["day-first"][0],
                    "cells": v.first_ten(
                        [
                            _("“%(read)s” mungkin maksudnya %(meant)s")
                            % {"read": day.strftime("%d-%m-%Y"), "meant": f"{day.month:02d}-{day.day:02d}-{day.year}"}
                            for day in sorted(cells["early"])
                        ]
                    ),
                }
            ]
        if not seen or not seen["month-first"] or not seen["either"]:
            return []
        doubtful = seen["either"]
        return [
            _(
                "Kolom ini memakai urutan bulan-hari-tahun (mis. “%(example)s”), jadi tanggal yang dapat dibaca dua "
                "arah juga diragukan: %(values)s. Ubah semua tanggal di kolom ini ke urutan hari-bulan-tahun, "
                "mis. 17-08-2023."
            )
            % {
                "example": seen["month-first"][0],
                "values": v.first_ten([f"“{value}”" for value in doubtful]),
            }
        ]


@dataclass
class BooleanColumn(Column):
    width: int = 10

    def clean(self, raw: Any, ctx: "ImportContext") -> bool | None:
        return v.parse_bool(raw)

    def choices(self, ctx: "ImportContext | None") -> v.Choices:
        return v.Choices([(str(_("Ya")), str(_("Ya"))), (str(_("Tidak")), str(_("Tidak")))])

    def export(self, obj: Model) -> str:
        # As the template's dropdown offers it (a spreadsheet boolean would show TRUE/FALSE beside it).
        return self.display(self.current(obj))


def _in_other_languages(options: Sequence[tuple[str, Any]]) -> list[tuple[str, str]]:
    """(code, label) of `options` in every language of the interface but the current one."""
    current = translation.get_language()
    labels = []
    for language, _name in settings.LANGUAGES:
        if language != current:
            with translation.override(language):
                labels += [(code, str(label)) for code, label in options]
    return labels


@dataclass
class ChoiceColumn(Column):
    """A column over a model's TextChoices; the template offers the Indonesian labels, codes are accepted too."""

    options: Sequence[tuple[str, Any]] = ()
    aliases: Sequence[tuple[str, str]] = ()  # (word people write, code), e.g. ("Pria", "L")

    def _choices(self, ctx: "ImportContext") -> v.Choices:
        return ctx.cached(
            ("codes", self.key),
            lambda: v.Choices(
                [(code, str(label)) for code, label in self.options],
                aliases=self.aliases,
                other_labels=_in_other_languages(self.options),
                suggest_labels=True,
            ),
        )

    def clean(self, raw: Any, ctx: "ImportContext") -> str:
        return "" if v.is_blank(raw) else self._choices(ctx).match(raw)

    def choices(self, ctx: "ImportContext | None") -> v.Choices:
        # Labels are what people understand; the dropdown lists them and clean() maps them back to codes.
        return v.Choices([(str(label), code) for code, label in self.options])

    def current(self, obj: Model) -> str:
        return getattr(obj, self.key) or ""

    def for_export(self) -> "ChoiceColumn":
        prepared = copy.copy(self)
        prepared._labels = {code: str(label) for code, label in self.options}
        return prepared

    def export(self, obj: Model) -> str:
        labels = getattr(self, "_labels", None) or {code: str(label) for code, label in self.options}
        return labels.get(getattr(obj, self.key), "")

    def display(self, value: Any) -> str:
        return str(dict(self.options).get(value, value or ""))


# Between the codes of a many-valued cell, in every export and template: ";" is also Indonesian Excel's list
# separator, and imports read "," too.
MANY_SEPARATOR = "; "


@dataclass
class TermColumn(Column):
    """A vocabulary column: a cell holds a term's label (as the template's dropdown offers it) or its code;
    `many` allows several, separated by ";" (as exported) or ","."""

    vocabulary: str = ""
    many: bool = False
    aliases: Sequence[tuple[str, str]] = ()  # (word people write, code), e.g. ("Peksos", "peksos_profesional")
    # What people write for "none of them" ("Belum terakreditasi"): an empty cell.
    none_words: Sequence[str] = ()
    # Why a cell (or an item of a many-valued one) that names no term is not one, when people write it for a reason
    # the list cannot guess (a child's family status, "Yatim", in the PPKS column): the message, or "".
    explain: Callable[[str, "ImportContext"], str] | None = None

    def choices(self, ctx: "ImportContext | None") -> v.Choices:
        # Labels are what people understand ("Anak Telantar", not "anak_telantar"): the dropdown lists them and
        # clean() maps them back to codes.
        terms = _active_terms(self.vocabulary) if ctx is None else ctx.terms(self.vocabulary)
        return v.Choices([(term.label, code) for code, term in terms.items()])

    def _choices(self, ctx: "ImportContext") -> v.Choices:
        terms = ctx.terms(self.vocabulary)
        return ctx.cached(
            ("terms", self.key),
            lambda: v.Choices(
                [(code, term.label) for code, term in terms.items()],
                # A sheet filled in Indonesian imports for a user working in English, and the other way round.
                other_labels=[(code, label) for code, t in terms.items() for label in (t.label_id, t.label_en)],
                aliases=[(alias, code) for alias, code in self.aliases if code in terms],
                suggest_labels=True,
            ),
        )

    def _retired(self, ctx: "ImportContext") -> tuple[dict[str, Any], v.Choices]:
        """The vocabulary's retired terms, by code, and their labels and codes as a cell may hold them: a record
        keeps a term retired since, and its export must import back; only setting one anew is refused (the
        pipeline's _retired_terms)."""
        retired = ctx.retired_terms(self.vocabulary)
        return retired, ctx.cached(
            ("retired", self.key),
            lambda: v.Choices([(code, label) for code, t in retired.items() for label in (t.label_id, t.label_en)]),
        )

    def _term(self, raw: Any, ctx: "ImportContext") -> Any:
        try:
            return ctx.terms(self.vocabulary)[self._choices(ctx).match(raw)]
        except v.CellProblem:
            retired, choices = self._retired(ctx)
            if retired:
                try:
                    return retired[choices.match(raw)]
                except v.CellProblem:
                    pass
            raise

    def _term_explained(self, raw: Any, ctx: "ImportContext") -> Any:
        """_term, with a problem that says why the cell is no term, where that is known (explain, or several items
        written as one)."""
        try:
            return self._term(raw, ctx)
        except v.CellProblem:
            value = v.text(raw)
            if self.explain is not None and (message := self.explain(value, ctx)):
                raise v.CellProblem(message) from None
            if self.many and (message := several_in_one(value, self._choices(ctx))):
                raise v.CellProblem(message) from None
            raise

    def clean(self, raw: Any, ctx: "ImportContext") -> Any:
        if v.is_blank(raw) or (self.none_words and v.norm(v.text(raw)) in self.none_words):
            return [] if self.many else None
        if not self.many:
            return self._term_explained(raw, ctx)
        found, problems = [], []
        for part in _many_parts(v.text(raw), self._choices(ctx)):
            try:
                term = self._term_explained(part, ctx)
            except v.CellProblem as problem:
                problems.append(problem.message)
            else:
                if term not in found:
                    found.append(term)
        if problems:
            raise v.CellProblem(" ".join(problems))
        return found

    @property
    def allows_many(self) -> bool:
        return self.many

    def current(self, obj: Model) -> Any:
        if self.many:
            return sorted(getattr(obj, self.key).all(), key=lambda t: t.code)
        return getattr(obj, self.key)

    def for_export(self) -> "TermColumn":
        prepared = copy.copy(self)
        prepared._labels = term_labels(self.vocabulary, fresh=True)
        return prepared

    def export(self, obj: Model) -> str:
        # Labels, as the template's dropdown offers them (imports read them back, in either language, or codes).
        labels = getattr(self, "_labels", None) or term_labels(self.vocabulary, fresh=True)
        if self.many:
            # An export may hand the codes over per chunk (one query) instead of a prefetch per object.
            codes = getattr(obj, "_export_codes", {}).get(self.key)
            if codes is None:
                codes = [term.code for term in self.current(obj)]
            return labels_joined(codes, labels)
        value = self.current(obj)
        return labels.get(value.code, value.code) if value is not None else ""

    def display(self, value: Any) -> str:
        """A term, a list of terms, or codes as they are stored, by label (a before → after as people read it)."""
        if isinstance(value, list):
            return labels_joined([t if isinstance(t, str) else t.code for t in value], term_labels(self.vocabulary))
        if isinstance(value, str):
            return term_labels(self.vocabulary).get(value, value) if value else ""
        return term_labels(self.vocabulary).get(value.code, value.code) if value is not None else ""


def labels_joined(codes: Iterable[str], labels: dict[str, str]) -> str:
    """A many-valued vocabulary cell: the labels of `codes` in the vocabulary's order (as its lists show them; `labels`
    is in that order), separated as imports read them."""
    order = {code: index for index, code in enumerate(labels)}
    ordered = sorted(codes, key=lambda code: (order.get(code, len(order)), code))
    return MANY_SEPARATOR.join(labels.get(code, code) for code in ordered)


# (vocabulary, language) → (read at, code → label). Vocabularies are a few dozen terms that an administrator
# rarely renames: previews may show a label up to a minute old; exports read them afresh (fresh=True).
_LABELS: dict[tuple[str, str], tuple[float, dict[str, str]]] = {}
LABELS_MAX_AGE = 60.0


def term_labels(vocabulary: str, *, fresh: bool = False) -> dict[str, str]:
    """Code → label, in the current language, of every term of `vocabulary` in its order (sort order, then code),
    retired ones too (a stored record may still hold one)."""
    from sinergi.vocabularies.models import Term

    language = "en" if (translation.get_language() or "id").startswith("en") else "id"
    key, now = (vocabulary, language), time.monotonic()
    found = _LABELS.get(key)
    if fresh or found is None or now - found[0] > LABELS_MAX_AGE:
        terms = (
            Term.objects.filter(vocabulary=vocabulary)
            .order_by("sort_order", "code")
            .values_list("code", "label_id", "label_en")
        )
        english = language == "en"
        labels = {code: (label_en or label_id) if english else label_id for code, label_id, label_en in terms}
        found = _LABELS[key] = (now, labels)
    return found[1]


def _labels_forget(**kwargs: Any) -> None:
    _LABELS.clear()


# A term saved or deleted in this process is shown at once; other processes see it within LABELS_MAX_AGE.
post_save.connect(_labels_forget, sender="vocabularies.Term", dispatch_uid="exchange_labels_saved")
post_delete.connect(_labels_forget, sender="vocabularies.Term", dispatch_uid="exchange_labels_deleted")


# How people join two items in one cell other than the list separator: "Anak Telantar/Anak Jalanan", "… dan …".
_JOINED = re.compile(r"\s*[/&+]\s*|\s+(?:dan|serta)\s+", re.IGNORECASE)


def several_in_one(value: str, allowed: v.Choices) -> str:
    """The problem of a many-valued cell's item that is two or more items joined by "/" or "dan" (each of them
    known): they are to be separated as the column reads them, not one of them suggested. "" for anything else."""
    pieces = [piece for piece in _JOINED.split(value) if piece.strip()]
    if len(pieces) < 2:
        return ""
    codes = []
    for piece in pieces:
        try:
            codes.append(allowed.match(piece))
        except v.CellProblem:
            return ""
    labels = dict(allowed.items)
    return _(
        "“%(value)s” berisi lebih dari satu pilihan. Pisahkan pilihan dengan titik koma (;), mis. “%(example)s”."
    ) % {"value": value, "example": MANY_SEPARATOR.join(labels.get(code, code) for code in dict.fromkeys(codes))}


def _many_parts(value: str, allowed: v.Choices) -> list[str]:
    """The items of a many-valued cell: split at ";" (as exported), and at "," where a part is not itself an item
    (a label may hold a comma)."""
    parts = []
    for part in value.split(";"):
        if not part.strip():
            continue
        try:
            allowed.match(part)
        except v.CellProblem:
            parts += [piece for piece in part.split(",") if piece.strip()]
        else:
            parts.append(part)
    return parts


_MISSING = object()


def blank_words_notice(ctx: "ImportContext") -> str:
    """Which cells TextColumn read as empty because they said so ("tidak ada", "0"), per column, or ""."""
    said = [(key[1], words) for key, words in ctx.cache.items() if key.__class__ is tuple and key[0] == "blank_words"]
    if not said:
        return ""
    listed = "; ".join(
        f"{column}: " + ", ".join(f"“{word}” ×{count}" for word, count in words.items()) for column, words in said
    )
    return _("Isian yang berarti kosong dibaca sebagai sel kosong (data yang tersimpan tidak diubah): %(cells)s.") % {
        "cells": listed
    }


READ_AS_SHOWN = 8  # per column; the rest are counted


def read_as_notice(entity: "Entity", ctx: "ImportContext", header_of: Callable[[str], str] | None = None) -> str:
    """Which cells of the list columns were read as an item they do not write as listed ("Anak Terlantar" as “Anak
    Telantar”, "Luar panti" as “Luar panti / berbasis keluarga”), per column, or "": read right, but not as written,
    so it is said (the row's details show the value read too). `header_of`: a column's header as the file writes it."""
    said = []
    for column in entity.import_columns():
        choices = ctx.cache.get(("terms", column.key)) or ctx.cache.get(("codes", column.key))
        if choices is None or not (read := choices.read_as()):
            continue
        shown = ", ".join(f"“{value}” → “{label}”" for value, label in read[:READ_AS_SHOWN])
        if len(read) > READ_AS_SHOWN:
            shown += " " + _("dan %(count)s lainnya") % {"count": len(read) - READ_AS_SHOWN}
        said.append(f"{header_of(column.key) if header_of else column.header}: {shown}")
    if not said:
        return ""
    return _("Isian ini dibaca sebagai pilihan dalam daftar: %(cells)s. Periksa bila maksudnya lain.") % {
        "cells": "; ".join(said)
    }


def clean_or_problem(column: Column, raw: Any, ctx: "ImportContext") -> Any:
    """The cleaned value, or the CellProblem clean() raised (for column-wise cleaning, which raises nothing)."""
    if raw.__class__ is str and (error := v.formula_error(raw)):
        return v.CellProblem(v.formula_error_message(error))  # of a CSV, any column: never read as data
    try:
        return column.clean(raw, ctx)
    except v.CellProblem as problem:
        return problem


def _active_terms(vocabulary: str) -> dict[str, Any]:
    from sinergi.vocabularies.models import Term

    return {
        t.code: t for t in Term.objects.filter(vocabulary=vocabulary, is_active=True).order_by("sort_order", "code")
    }


class ImportContext:
    """Per-import caches (vocabularies, regions) and the acting user; shared by every column of every row."""

    def __init__(self, *, actor: "User | SystemActor | None", entity: "Entity") -> None:
        self.actor = actor
        self.entity = entity
        self._terms: dict[str, dict[str, Any]] = {}
        self.cache: dict[str, Any] = {}

    def cached(self, key: Any, build):
        """A value built once per import (e.g. a column's allowed values)."""
        if key not in self.cache:
            self.cache[key] = build()
        return self.cache[key]

    def terms(self, vocabulary: str) -> dict[str, Any]:
        if vocabulary not in self._terms:
            self._terms[vocabulary] = _active_terms(vocabulary)
        return self._terms[vocabulary]

    def retired_terms(self, vocabulary: str) -> dict[str, Any]:
        """Terms no longer offered: kept by the records that hold them, never set anew."""
        from sinergi.vocabularies.models import Term

        return self.cached(
            ("retired_terms", vocabulary),
            lambda: {t.code: t for t in Term.objects.filter(vocabulary=vocabulary, is_active=False)},
        )


@dataclass(slots=True)
class RowPlan:
    """What one valid row will do: create an object, update one (with its changes), or nothing. Slotted: an import
    holds one per row until the write."""

    row: int
    action: str  # "create" | "update" | "unchanged"
    obj: Model
    key: str  # the natural key, as shown to the user
    changes: dict[str, list[str]] = field(default_factory=dict)  # header -> [before, after]
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. many-to-many values, expected version
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (column key or "", message): shown, not refused
    kept: tuple[str, ...] = ()  # column keys left empty where the record holds a value (see kept_blank)


@dataclass(frozen=True, slots=True)
class UnchangedRecord:
    """What the plan of an unchanged row holds of its record: its id. Such a plan is kept until the write only to be
    counted and to tell two rows of one record apart; a copy of the record for each row of a national file (25,000
    LKS, 150,000 workers) took hundreds of MB."""

    pk: int


def kept_blank(values: dict[str, Any], stored: dict[str, Any]) -> tuple[str, ...]:
    """The columns of a row that are in the file but left empty where the stored record has a value. An empty
    cell never erases (a form does that), so the value is kept; the import says so rather than keep it silently."""
    return tuple(
        key
        for key, before in stored.items()
        if key in values
        and (values[key] is None or values[key] == "" or values[key] == [])
        # A stored "no" (False) is what an empty yes/no cell says too: nothing is kept against the file.
        and not (before is None or before is False or before == "" or before == [] or before == set())
    )


def filters_described(filterset) -> list[tuple[str, str]]:
    """(label, value as shown) of each filter the query string sets: a choice by its label, a record by its name, a
    yes/no in words."""
    described = []
    for name, form_field in filterset.form.fields.items():
        if name not in filterset.data:
            continue
        value = filterset.form.cleaned_data.get(name)
        if value in (None, "", [], ()):
            continue
        choices = {
            str(key): label for key, label in getattr(form_field, "choices", ()) if not isinstance(label, list | tuple)
        }
        values = value if isinstance(value, list | tuple) else [value]
        shown = []
        for item in values:
            if isinstance(item, bool):
                shown.append(str(_("Ya") if item else _("Tidak")))
            elif isinstance(item, datetime.date):
                shown.append(item.strftime("%d-%m-%Y"))
            else:
                shown.append(str(choices.get(str(getattr(item, "pk", item)), item)))
        described.append((str(form_field.label or name), ", ".join(shown)))
    return described


def filter_problems(filterset) -> str:
    """An export's filters that cannot be applied, named by their labels: "Saringan “Status”: Masukkan pilihan yang
    valid. …" (a link edited by hand, an old bookmark), not the form's "* status * …" text."""
    fields = filterset.form.fields
    return " ".join(
        _("Saringan “%(filter)s”: %(problems)s")
        % {
            "filter": fields[name].label if name in fields and fields[name].label else name,
            "problems": " ".join(errors),
        }
        for name, errors in filterset.errors.items()
    )


def region_filter_problem(
    *, actor: "User | SystemActor", action: str, filters, levels: Sequence[int] = (2, 5, 8, 13)
) -> str:
    """A region filter that would give an empty file without a word (a link edited by hand, an old bookmark): a code
    of no region, a level the list does not filter by, or a region outside the user's scope. "" when it applies."""
    from sinergi.accounts.scope import region_scope_codes
    from sinergi.regions.models import Region

    code = (filters.get("region") or "").strip()
    if not code:
        return ""
    region = Region.objects.filter(code=code).only("name").first() if len(code) in levels else None
    if region is None:
        shapes = {2: "63", 5: "63.71", 8: "63.71.01", 13: "63.71.01.1001"}
        return _(
            "Saringan “%(filter)s”: “%(code)s” bukan kode wilayah yang dapat dipakai di sini (contoh: %(shapes)s)."
        ) % {
            "filter": _("Kode wilayah"),
            "code": code,
            "shapes": ", ".join(shapes[level] for level in levels),
        }
    scope = region_scope_codes(actor, action)
    if scope is not None and not any(code.startswith(own) or own.startswith(code) for own in scope):
        return _(
            "Saringan “%(filter)s”: %(region)s (%(code)s) di luar wilayah kerja Anda, jadi tidak ada data yang dapat "
            "ditampilkan atau diunduh. Pilih wilayah di daftar."
        ) % {"filter": _("Kode wilayah"), "region": region.name, "code": code}
    return ""


def organisation_filter_problem(*, actor: "User | SystemActor", action: str, filters) -> str:
    """An LKS filter naming an LKS outside the user's scope (a link edited by hand, a bookmark of another account):
    it would give an empty list, which reads as "nothing matches". Whether such an LKS exists is not said. "" when it
    applies, or when the value is no number (the filter set's own check says so)."""
    from sinergi.accounts.scope import restrict
    from sinergi.organisations.models import Organisation

    chosen = as_id(filters.get("organisation"))
    if not chosen or restrict(Organisation.objects.filter(pk=chosen), actor=actor, action=action).exists():
        return ""
    return _(
        "Saringan “%(filter)s”: LKS itu tidak ada di wilayah kerja Anda, jadi tidak ada data yang dapat ditampilkan "
        "atau diunduh. Pilih LKS di daftar."
    ) % {"filter": _("LKS")}


def scope_filter_problem(
    *, actor: "User | SystemActor", action: str, filters, levels: Sequence[int] = (2, 5, 8, 13)
) -> str:
    """Why a list's region or LKS filter cannot be applied for `actor` (see the two checks); "" when they apply."""
    return region_filter_problem(
        actor=actor, action=action, filters=filters, levels=levels
    ) or organisation_filter_problem(actor=actor, action=action, filters=filters)


def choose_one(label: Any) -> str:
    """An empty required dropdown cell: worded like the other required cells ("… wajib diisi"), not like the
    form's "Pilih salah satu", which makes sense only beside a dropdown the user is looking at."""
    return _("%(label)s wajib diisi: pilih salah satu dari daftar.") % {"label": label}


class RowProblems(Exception):
    """Every problem of one row: (column header or "", message)."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__(problems)
        self.problems = problems


class Entity(ABC):
    """One kind of record that can be imported and exported (LKS, clients, workers, ...)."""

    key = ""
    label: Any = ""
    sheet_name: Any = "Data"  # the data sheet of its template, export and error report (translated)
    # What the data sheet was called in templates of earlier versions, which must still import as ours.
    former_sheet_names: Sequence[str] = ()
    columns: list[Column] = []
    natural_key_help: Any = ""
    instructions: Sequence[Any] = ()
    ignored_headers: Sequence[str] = ()  # columns of our own exports/reports that imports skip silently
    # Columns of our own exports that say what a file cannot change (a client's status): skipped, with the notice
    # that names read-only columns, so that an edit made in one is not ignored without a word.
    read_only_headers: Sequence[str] = ()
    # What becomes of the records an import creates, when it is not what the user would assume (said on the trial
    # and the result, beside the counts).
    created_notice: Any = ""
    # The URL name of a record's page (its pk the argument): the result of an import links each record it created.
    record_url_name: str = ""
    # Its name in the names of downloaded files, in the interface's language ("templat-impor-pekerja-…" rather than
    # the code's "workers"); its key when not set.
    file_slug: Any = ""

    @property
    def download_slug(self) -> str:
        return str(self.file_slug) or self.key

    # Masked columns of our exports ("NIK (disamarkan)") -> the column they cannot stand in for: in a file that has
    # the masked one but not the real one (an export sent back) it is skipped with a notice, and a whole number
    # written into it refuses its row (pipeline.HeaderMap.masked).
    masked_headers: dict[str, str] = {}
    # A problem of a column the file lacks, shown on another column the file has for the same thing (the primary
    # PPKS category's "choose at least one" on the file's list of categories).
    reported_on_instead: dict[str, str] = {}
    # Columns a file may leave out because their absence says something (no "LKS": the operator's own LKS): a
    # problem there is not about the missing column.
    implied_columns: frozenset[str] = frozenset()
    # A number column and the column giving the reason it is empty: a problem of an empty number in a file without
    # the reason column names that column.
    reason_columns: dict[str, str] = {}
    # What to do when two rows of one natural key are really two records, by the key's kind (the first item of the
    # identity natural_keys gives): said after "Baris ini duplikat baris …". Optional.
    duplicate_advice: dict[str, Any] = {}
    write_batch_size = 0  # plans per save() call; 0 = the pipeline's batch size
    # Personal data (UU PDP): an export logs every person with the purpose of access, which the user is asked for
    # (once per session) before the file is made.
    asks_access_purpose = False
    # The purpose of access an import of personal data runs under (its access-log lines and its audit event): the
    # care of the people it registers and changes. "" for an entity without personal data.
    import_purpose = ""

    # ---- permissions
    @abstractmethod
    def can_import(self, actor: "User | SystemActor") -> bool: ...

    @abstractmethod
    def can_export(self, actor: "User | SystemActor") -> bool: ...

    # ---- import
    def prepare_batch(self, rows: list[dict[str, Any]], ctx: ImportContext) -> None:
        """Fetches what a batch of cleaned rows refers to (existing records, regions) in a few queries.
        Optional: an entity that needs nothing fetched keeps this default."""
        return None

    @abstractmethod
    def natural_keys(self, values: dict[str, Any]) -> list[tuple[tuple, Any]]:
        """Identifiers of the row that must be unique within a file, each with how it is shown to the user
        (a string, or a function returning one, called only when a duplicate is reported)."""
        ...

    def missing_columns(self, present: set[str]) -> list[str]:
        """Headers of required columns the file lacks (given the keys of the columns it has). The pipeline does not
        refuse a file with the export's ID column for them (see record_id_key)."""
        return [str(c.header) for c in self.import_columns() if c.required and c.key not in present]

    def record_id_key(self) -> str:
        """The key of the export's ID column read back ("" when the entity has none). A correction file keyed by
        it may carry only the columns it corrects: a row with an ID keeps the stored values of absent columns."""
        return next((c.key for c in self.columns if isinstance(c, RecordIdColumn)), "")

    @abstractmethod
    def plan(self, row: int, values: dict[str, Any], ctx: ImportContext) -> RowPlan:
        """Checks one row with the same rules as the forms/services; raises RowProblems listing all problems."""
        ...

    @abstractmethod
    def save(self, plans: list[RowPlan], ctx: ImportContext) -> None:
        """Writes one batch of planned rows (inside the import's transaction)."""
        ...

    def derived_of_created(self, plan: RowPlan, values: dict[str, Any]) -> list[list[str]]:
        """What a new record will hold that its row did not say (an expiry the rules work out), as [label, value]
        pairs shown after its cells as read, so that a trial shows what the real import will store. Optional."""
        return []

    def plans_notices(self, plans: list[RowPlan], present: set[str], ctx: ImportContext) -> list[str]:
        """Notices about what the checked rows will store, or leave as it is, that the user may not expect from the
        file (given the keys of the columns it has): a value stored for a column the file lacks, records the file
        leaves out. Optional."""
        return []

    def before_write(self, plans: list[RowPlan], ctx: ImportContext) -> None:
        """Called once, in the import's transaction, with every plan that changes something, before the first save():
        e.g. to lock, in one order, every record the whole file writes at. Optional. (A file written while it is
        checked, on PostgreSQL, is saved batch by batch without it.)"""
        return None

    def after_import(self, ctx: ImportContext) -> None:
        """Keeps derived data (e.g. statistics summaries) current, inside the same transaction.
        Optional: an entity without derived data keeps this default."""
        return None

    def result_checked(
        self, plans: list[RowPlan], ctx: ImportContext, *, refused: bool, quoting: Sequence[RowPlan] = ()
    ) -> None:
        """A trial (dry run) finished its check, or an import was refused by its check, and its result is about to be
        shown (`ctx.cache["dry_run"]` says which): an entity of personal data logs here, as a view, each stored record
        whose stored values that result shows. `plans`: its valid rows; a trial
        that passed shows their changes (before → after) and warnings, a `refused` one their warnings and the
        problems of its other rows, among them those of `quoting`: rows refused after their plan, for a problem
        that quotes the stored record they found (its name as the row's key, its text). Optional: an entity without
        personal data keeps this default."""
        return None

    def audit_data(self, ctx: ImportContext) -> dict[str, Any]:
        """Extra facts for the import's audit event (e.g. duplicate candidates flagged), after the write."""
        return {}

    # ---- export
    def export_filterset(self, *, actor: "User | SystemActor", filters):
        """The list's filter set that an export applies (None where the entity has no list to filter)."""
        return None

    def export_filter_summary(self, *, actor: "User", filters) -> list[tuple[str, str]]:
        """The filters an export applied, as (label, value) the way the list's form shows them ("Status", "Aktif"):
        a background export's page says what its file holds."""
        filterset = self.export_filterset(actor=actor, filters=filters)
        if filterset is None or not filterset.is_valid():
            return []
        return filters_described(filterset)

    @abstractmethod
    def export_queryset(self, *, actor: "User | SystemActor", filters: dict | None = None, purpose: str = ""):
        """The rows of an export in the actor's scope with the list's filters; `purpose` is the access purpose of
        an entity that asks for one (logged for every person exported)."""
        ...

    def export_count(self, queryset) -> int:
        """How many rows export_rows will write for `queryset` (the progress bar's and the audit event's total)."""
        return queryset.count()

    def export_columns(self) -> list[Column]:
        return list(self.columns)

    def sheet_names(self) -> list[str]:
        """The data sheet's name in every language of the interface, the current one first (a template
        downloaded in one language imports for a user working in another)."""
        names = [str(self.sheet_name)]
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                names.append(str(self.sheet_name))
        return list(dict.fromkeys([*names, *self.former_sheet_names]))

    def import_columns(self) -> list[Column]:
        return [c for c in self.columns if not c.read_only]

    def export_csv_chunks(
        self, *, queryset, actor: "User | SystemActor", purpose: str = "", delimiter: str = ","
    ) -> Iterable[bytes] | None:
        """The CSV body (rows only, no header) made by the database itself, when the entity has such a path for
        the database in use (PostgreSQL's COPY); None means: use export_rows. Optional."""
        return None

    def export_rows(self, objects: Iterable[Model]) -> Iterable[list[Any]]:
        columns = [column.for_export() for column in self.export_columns()]
        for obj in objects:
            yield [column.export(obj) for column in columns]


_REGISTRY: dict[str, Entity] = {}


def register(entity: Entity) -> Entity:
    """Makes an entity importable/exportable under its key (called from the owning app's exchange.py)."""
    _REGISTRY[entity.key] = entity
    _audit_words(entity)
    return entity


def unregister(key: str) -> Entity:
    """Takes the entity registered under `key` out of the registry (a test's own entity, once its test is done): the
    pages, the upload form and the commands no longer offer it; its jobs stay, named by their key. LookupError when
    none is registered under it."""
    try:
        return _REGISTRY.pop(key)
    except KeyError:
        raise LookupError(key) from None


def _audit_words(entity: Entity) -> None:
    """The audit log reads an entity's events by its label: the "Data" of its imports, and its exports and their
    downloads ("exchange.<key>.exported"). Words the audit app lists for a key already are kept."""
    from sinergi.audit.display import register_action_labels, register_data_choices

    register_data_choices("entity", [(entity.key, entity.label)])
    register_action_labels(
        {
            f"exchange.{entity.key}.exported": lazy(
                lambda: _("Ekspor data %(entity)s") % {"entity": entity.label}, str
            )(),
            f"exchange.{entity.key}.downloaded": lazy(
                lambda: _("Unduhan ekspor data %(entity)s") % {"entity": entity.label}, str
            )(),
        }
    )


def get_entity(key: str) -> Entity:
    try:
        return _REGISTRY[key]
    except KeyError:
        raise LookupError(
            _("Jenis data “%(key)s” tidak dikenal. Pilihan: %(choices)s.")
            % {"key": key, "choices": ", ".join(sorted(_REGISTRY))}
        ) from None


def entities() -> list[Entity]:
    return list(_REGISTRY.values())
