"""Indonesian phone numbers: what a spreadsheet (or a hurried hand) does to them."""

import re

from django import forms
from django.utils.translation import gettext as _

_SEPARATORS = re.compile(r"[\s\-.()]")
_SEVERAL = re.compile(r"[/,;]| atau ", re.IGNORECASE)


def phone_lost_zero(value: str) -> bool:
    """Whether a number written in `value` lost its leading 0: digits only (spaces, dashes, dots and brackets set
    aside), 9 digits or more, and beginning with neither 0 nor the country code 62. Every Indonesian number with
    its area or mobile code begins with 0 (0812…, 0511…) unless written with +62/62; a local landline of 6 to 8
    digits without its area code ("3301234") lost nothing. Each of several numbers in one cell ("0812… / 813…")
    is judged alone."""
    for part in _SEVERAL.split(value):
        digits = _SEPARATORS.sub("", part)
        if len(digits) >= 9 and digits.isascii() and digits.isdigit() and not digits.startswith(("0", "62")):
            return True
    return False


# 8.12346E+11 or 6,28123E+11: how Excel shows a 12-digit number in a General cell, and how a CSV it saved keeps it.
_SCIENTIFIC = re.compile(r"\s*\+?\d(?:[.,]\d+)?\s*[eE]\s*\+?\s*\d{1,2}\s*")


def phone_in_scientific_notation(value: str) -> bool:
    """Whether `value` is a number in Excel's scientific notation: its last digits are gone, beyond repair."""
    return _SCIENTIFIC.fullmatch(value) is not None


def phone_scientific_message(value: str) -> str:
    return _(
        "Nomor telepon “%(value)s” tertulis dalam notasi ilmiah Excel, sehingga angka-angka terakhirnya sudah hilang. "
        "Format kolom ini sebagai Teks lalu ketik ulang nomornya, misalnya 0812-3456-7890."
    ) % {"value": value}


# A number to dial has six digits at least (a local landline), whatever is written around them.
_ENOUGH_DIGITS = re.compile(r"\d(?:\D*\d){5}")
_DIGIT = re.compile(r"\d")


def phone_without_number(value: str, *, typed: bool = True) -> bool:
    """Whether `value` is no phone number at all: a formula's start ("=1+1", "@SUM(A1)"), markup or a pipe
    ("<script>…", "+cmd|…", which no number holds), or fewer than six digits ("rumah", "12345"). A file's cell
    (`typed` False) may be a number stored before this rule, which an export gives back: refused for its digits only
    when it has none at all."""
    if value[:1] in ("=", "@") or any(mark in value for mark in "<>|"):
        return True
    return (_ENOUGH_DIGITS if typed else _DIGIT).search(value) is None


def new_phone_problem(value: str | None, stored: str | None) -> str:
    """Why a phone number a file gives is refused by the form's rule (six digits at least): only when it is not the
    number already stored, which an export gives back as it was kept, even from before that rule. "" when not."""
    if value and value != (stored or "") and phone_without_number(value):
        return phone_without_number_message(value)
    return ""


def phone_without_number_message(value: str) -> str:
    return _("“%(value)s” bukan nomor telepon: tulis nomornya, mis. 0812-3456-7890, atau kosongkan.") % {"value": value}


def phone_problem(value: str) -> str:
    """Why a phone number typed into a form is refused ("" when it is not, or is empty)."""
    if not value:
        return ""
    if phone_without_number(value):
        return phone_without_number_message(value)
    if phone_in_scientific_notation(value):
        return phone_scientific_message(value)
    if phone_lost_zero(value):
        return _(
            "Nomor telepon %(value)s tidak diawali 0, +62 atau 62. Tulis lengkap dengan 0 dan kode wilayah atau "
            "kode operatornya, mis. 0812-3456-7890 atau 0511-3301234."
        ) % {"value": value}
    return ""


def phone_widget() -> forms.TextInput:
    """A phone number's input: the phone's number keypad with + and the browser's saved number (type "tel" checks
    nothing, so "+62 812…" and "(0511) …" pass as before)."""
    return forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})
