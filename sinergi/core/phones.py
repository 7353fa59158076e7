"""Indonesian phone numbers: what a spreadsheet (or a hurried hand) does to them."""

import re

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


def phone_problem(value: str) -> str:
    """Why a phone number typed into a form is refused ("" when it is not)."""
    if phone_lost_zero(value):
        return _(
            "Nomor telepon %(value)s tidak diawali 0, +62 atau 62. Tulis lengkap dengan 0 dan kode wilayah atau "
            "kode operatornya, mis. 0812-3456-7890 atau 0511-3301234."
        ) % {"value": value}
    return ""
