"""Text columns: names, addresses, notes (a cell that Excel made a date, a formula kept as text, a text our export
cut, control characters and line breaks), phone numbers (a lost leading zero, several numbers in one cell) and
numbers kept as text (NPWP); and the notice of cells read as empty because they said so (blank_words_notice)."""

import datetime
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Model
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from sinergi.core.downloads import XLSX_MAX_TEXT
from sinergi.core.phones import (
    phone_in_scientific_notation,
    phone_lost_zero,
    phone_scientific_message,
    phone_without_number,
    phone_without_number_message,
)

from .. import values as v
from .base import Column, ImportContext, clean_or_problem

_DATE_CELLS = (datetime.date, datetime.datetime)
# How Excel shows a date cell it made of a number, in Indonesian or English: Des-15, 1-Feb, 12-Des-2015.
_MONTH_SHOWN = r"(?:jan|feb|mar|apr|mei|may|jun|jul|agu|agt|aug|sep|okt|oct|nov|des|dec)"
_DATE_AS_SHOWN = re.compile(rf"\d{{1,2}}-{_MONTH_SHOWN}(?:-\d{{2}}|-\d{{4}})?|{_MONTH_SHOWN}-(?:\d{{2}}|\d{{4}})", re.I)


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
