"""Checks of identity numbers (NIK, KK) by their structure, with messages an operator can act on.

A NIK is `PP KK CC DDMMYY SSSS` (domain.md): region of first registration, birth date (women: day + 40) and a
serial that is never 0000. Structure cannot prove that Dukcapil issued the number; it only catches numbers that
cannot be one — above all the ones a spreadsheet has turned into a rounded number (`6.37101E+15`).
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from lokal import parse_nik

from sinergi.core.dates import shown, shown_format
from sinergi.regions.models import Region

from .choices import Sex

# Scientific notation ("6.37101E+15", "6,37101e+15") and float renderings ("6371010101900000.0") are what
# Excel and pandas produce from a NIK column that was not formatted as text; the last digits are already lost.
_SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?[eE][+-]?\d+$")
_FLOAT = re.compile(r"^\d{13,17}[.,]\d{1,4}$")
# Spaces, dots and dashes between a number's groups: a hyphen, or the dashes a word processor or a phone's keyboard
# puts for one (en dash, non-breaking hyphen, minus sign).
_SEPARATORS = re.compile(r"[\s.\-\u2010-\u2015\u2212]")
# Quote marks around a number pasted from a message or a document ("“6371…”", "‘6371…’").
_QUOTES = "'\"‘’“”`´"


def _without_invisible(value: str) -> str:
    """`value` without the characters no one sees or means to type, pasted with a number from a chat or a web page:
    zero-width spaces, direction marks (U+200E, U+061C), a soft hyphen, an emoji's variation selector (U+FE0F)."""
    return "".join(ch for ch in value if unicodedata.category(ch) != "Cf" and not "\ufe00" <= ch <= "\ufe0f")


def _not_digits(digits: str) -> str:
    """The first few characters of `digits` that are no digit 0-9, each quoted as seen ("“O”"), or by its code when
    it shows as nothing or as a space."""
    found: list[str] = []
    for ch in digits:
        if not ("0" <= ch <= "9") and ch not in found:
            found.append(ch)
    shown = [f"“{ch}”" if ch.isprintable() and not ch.isspace() else f"U+{ord(ch):04X}" for ch in found[:3]]
    return ", ".join(shown) + (" …" if len(found) > 3 else "")


# Sixteen digits written as a whole float ("6371011234560401.0"): pandas writes a NIK column it read as numbers so.
_WHOLE_FLOAT = re.compile(r"^(\d{16})[.,]0{1,4}$")
# A whole number this small is held exactly by a double (a spreadsheet's number cell, pandas' float): every NIK and
# KK of the 38 provinces but Papua's (91–96) is below it.
EXACT_BELOW = 2**53


def _excel_message() -> str:
    return _(
        "Nomor ini tampaknya sudah diubah menjadi angka oleh Excel atau LibreOffice (misalnya 6.37101E+15) sehingga "
        "angka terakhirnya hilang. Format kolom sebagai Teks, lalu ketik ulang nomor dari dokumen aslinya."
    )


def _inexact_float_message(label: str) -> str:
    return _(
        "%(label)s ini tertulis sebagai angka desimal (diakhiri “.0”), seperti yang ditulis program yang membacanya "
        "sebagai angka (misalnya pandas). Nomor yang diawali 91–96 (Papua) terlalu besar untuk tersimpan utuh sebagai "
        "angka, sehingga angka terakhirnya bisa berubah. Ketik ulang nomor dari dokumen aslinya sebagai teks."
    ) % {"label": label}


def whole_float_digits(value: str) -> str | None:
    """The 16 digits of a NIK or KK written as a whole float ("6371011234560401.0"), when they are certainly all the
    ones typed, as those of a number cell (exchange's IdentityNumberColumn): below 2**53, and not ending in 0 (Excel
    keeps 15 digits and makes the 16th a 0; a float made of such a number ends in 0 too)."""
    found = _WHOLE_FLOAT.match(value)
    if found is None or int(found[1]) >= EXACT_BELOW or found[1][-1] == "0":
        return None
    return found[1]


@dataclass
class NikCheck:
    """The result of checking a NIK or KK: the digits (when readable), errors that refuse it, warnings to show."""

    normalized: str
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors


def _cleaned(raw: str) -> str:
    """`raw` as the checks read it: full-width digits (typed with an Asian input method, or pasted from a PDF) as the
    same digits (NFKC), without the characters no one sees (_without_invisible), the spaces and quote marks around."""
    value = unicodedata.normalize("NFKC", raw or "")
    if not value.isascii():  # (the commonest NIK is plain digits: no pass over its characters)
        value = _without_invisible(value)
    return value.strip().strip(_QUOTES).strip()


def typed_digits(raw: str) -> str:
    """The digits of a NIK or KK as nik_check and kk_check read them (_cleaned, the separators between its groups
    left out), "" when it holds anything besides: for the checks of a whole column (exchange's IdentityNumberColumn),
    which must see the number each row's check sees, not the characters pasted around it."""
    digits = _SEPARATORS.sub("", _cleaned(raw))
    return digits if digits.isascii() and digits.isdigit() else ""


def _digits(raw: str, check: NikCheck, *, label: str) -> str | None:
    """The 16 digits of `raw`, or None after adding the reason it cannot be read as such."""
    value = _cleaned(raw)
    compact = value.replace(" ", "")
    # A float's ".0" needs more than 16 characters: the commonest NIK, 16 digits, is not matched for it.
    longer = len(compact) > 16
    if longer and (digits := whole_float_digits(compact)):
        value = digits  # every digit is there: a float's ".0" added nothing (as a number cell of it is read)
    elif longer and (whole := _WHOLE_FLOAT.match(compact)) and int(whole[1]) >= EXACT_BELOW:
        check.errors.append(_inexact_float_message(label))
        return None
    elif _SCIENTIFIC.match(value) or _FLOAT.match(compact):
        check.errors.append(_excel_message())
        return None
    digits = _SEPARATORS.sub("", value)
    if not digits:
        check.errors.append(_("%(label)s belum diisi.") % {"label": label})
        return None
    if not (digits.isascii() and digits.isdigit()):
        check.errors.append(
            _("%(label)s hanya boleh berisi angka 0–9, bukan %(characters)s.")
            % {"label": label, "characters": _not_digits(digits)}
        )
        return None
    if len(digits) != 16:
        message = _("%(label)s harus terdiri atas 16 angka (yang diisi %(count)d angka).") % {
            "label": label,
            "count": len(digits),
        }
        if len(digits) == 15:
            # A NIK never starts with 0, so 15 digits usually means a spreadsheet rounded or cut the number.
            message += " " + _("Periksa apakah nomor terpotong saat diolah di Excel atau LibreOffice.")
        check.errors.append(message)
        return None
    return digits


def nik_check(
    value: str,
    *,
    birth_date: datetime.date | None = None,
    sex: str | None = None,
    today: datetime.date | None = None,
    known_codes: set[str] | None = None,
    label: str | None = None,
) -> NikCheck:
    """Checks a NIK: refuses what cannot be a NIK, warns about what may still be right (old region codes,
    a birth date or sex that differs from the record — the record or the NIK may be the one that is wrong).

    `known_codes`: kabupaten/kota and kecamatan codes loaded once by a caller checking many NIKs (an import), so
    the region check needs no query per NIK; `label`: the field's name, translated (a caller checking many may
    pass a lazy one, so that it is translated only when a message is built)."""
    check = NikCheck(normalized="")
    digits = _digits(value, check, label=label if label is not None else _("NIK"))
    if digits is None:
        return check
    check.normalized = digits
    if digits.count(digits[0]) == len(digits):
        # A placeholder typed where the NIK is not known ("0000000000000000", "1111111111111111"): one message,
        # not the three parts it fails (or none, for a run of a digit that happens to read as a region and date).
        check.errors.append(
            _("“%(value)s” bukan NIK, hanya angka %(digit)s yang diulang. Kosongkan bila NIK belum diketahui, lalu isi "
              "alasannya.") % {"value": digits, "digit": digits[0]}
        )  # fmt: skip
        return check
    # The server's day, as every other date rule (lokal's default is the machine's clock, often UTC).
    info = parse_nik(digits, reference_date=today or timezone.localdate())
    province_unknown = False
    for issue in info.errors:
        if issue.code == "serial":
            # Excel keeps 15 significant digits: a NIK typed as a number loses its last digit (…0001 → …0000).
            check.errors.append(
                _(
                    "Nomor urut NIK (4 angka terakhir) tidak boleh 0000. Bila NIK diketik sebagai angka di Excel atau "
                    "LibreOffice, angka terakhirnya dibulatkan menjadi 0: format kolom sebagai Teks lalu ketik ulang."
                )
            )
        elif issue.code == "birth_date":
            check.errors.append(_("Tanggal lahir di dalam NIK (angka ke-7 sampai ke-12) tidak mungkin ada."))
        elif issue.code == "wilayah":
            check.errors.append(_("Kode kabupaten/kota dan kecamatan di NIK tidak boleh 00."))
        elif issue.code == "province":
            # A NIK keeps the code it was issued with (domain.md): an unknown region is a warning only.
            province_unknown = True
            check.warnings.append(
                _("Kode provinsi %(code)s di NIK tidak dikenal. Periksa kembali NIK-nya.") % {"code": digits[:2]}
            )
        else:
            check.errors.append(str(issue.message))
    if not check.errors and not province_unknown:
        regency = f"{digits[:2]}.{digits[2:4]}"
        district = f"{regency}.{digits[4:6]}"
        if known_codes is not None:
            known = known_codes & {regency, district}
        else:
            known = set(Region.objects.filter(code__in=[regency, district]).values_list("code", flat=True))
        if known != {regency, district}:
            check.warnings.append(
                _(
                    "Kode wilayah %(code)s di NIK tidak ada di data wilayah Kemendagri terbaru "
                    "(bisa jadi kode lama sebelum pemekaran)."
                )
                % {"code": district}
            )
    if info.birth_date and birth_date:
        encoded = datetime.date.fromisoformat(info.birth_date)
        # The NIK holds only two digits of the year, so the century is compared no further than that.
        if (encoded.day, encoded.month, encoded.year % 100) != (
            birth_date.day,
            birth_date.month,
            birth_date.year % 100,
        ):
            # Shown with four digits, in the century nearest the date given ("09" beside 2010 is 2009): "15-11-09"
            # read as 15 November or as 2015 alike.
            year = min(
                ((birth_date.year // 100 + shift) * 100 + encoded.year % 100 for shift in (-1, 0, 1)),
                key=lambda candidate: abs(candidate - birth_date.year),
            )
            check.warnings.append(
                _("Tanggal lahir di NIK (%(nik)s) berbeda dengan tanggal lahir yang diisi (%(record)s).")
                % {"nik": _nik_date_shown(encoded, year), "record": shown(birth_date)}
            )
    if info.gender and sex and info.gender != sex:
        check.warnings.append(
            _("Jenis kelamin menurut NIK (%(nik)s) berbeda dengan yang diisi.") % {"nik": Sex(info.gender).label}
        )
    return check


def kk_check(value: str) -> NikCheck:
    """Checks a family-card (KK) number: 16 digits, not mangled by a spreadsheet; its date part is not checked."""
    check = NikCheck(normalized="")
    digits = _digits(value, check, label=_("Nomor KK"))
    if digits is not None:
        check.normalized = digits
    return check


def nik_compose(*, district_code: str, birth_date: datetime.date, sex: str, serial: int) -> str:
    """A structurally valid NIK for synthetic data (demo, tests): `district_code` like "63.71.01"."""
    day = birth_date.day + (40 if sex == Sex.FEMALE else 0)
    if not 1 <= serial <= 9999:
        raise ValueError("serial must be 1..9999")
    return f"{district_code.replace('.', '')}{day:02d}{birth_date:%m%y}{serial:04d}"


def _nik_date_shown(encoded: datetime.date, year: int) -> str:
    """The NIK's birth date in `year` as the reader's language writes a date (English readers take "15-11-2009" for
    15 November or 2015 alike). The day may not exist in that year (29 February of 2000 put in 1900): then the
    digits are written in the language's order as they are."""
    try:
        return shown(encoded.replace(year=year))
    except ValueError:
        letters = {"d": f"{encoded.day:02d}", "m": f"{encoded.month:02d}", "Y": f"{year:04d}"}
        return "".join(letters.get(letter, letter) for letter in shown_format())
