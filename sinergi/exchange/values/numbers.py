"""Numbers Excel and people mangle: whole numbers with units or thousands separators (parse_int), decimals with an
Indonesian comma (parse_decimal), coordinates in decimals or degrees-minutes-seconds (parse_coordinate), and
Kemendagri region codes, refused when Excel turned them into numbers and lost their zeros (parse_region_code).
Apart from the dates and the choices: each is read as digits, within limits."""

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from .cells import CellProblem, is_blank, text


def parse_int(
    raw: Any, *, min_value: int | None = None, max_value: int | None = None, units: Sequence[str] = ()
) -> int | None:
    """A whole number; `units` are words that may follow it ("50 orang", "50 org.")."""
    if is_blank(raw):
        return None
    if isinstance(raw, float) and raw.is_integer():
        number = int(raw)
    elif isinstance(raw, float):
        # A fraction in a number cell (0.125): its text "0.125" is no thousands separator, as it is in a typed one.
        raise CellProblem(_("“%(value)s” bukan bilangan bulat.") % {"value": text(raw)})
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


def percent_text(value: float, decimals: int) -> str:
    """A number cell formatted as a percent, as the sheet shows it: 0.25 → "25%", 0.125 with two decimals → "12.50%"
    (rounded half up, as Excel shows it; with a point, as text() writes every number: the file does not say which
    mark the user's Excel shows)."""
    try:
        shown = (Decimal(repr(value)) * 100).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    except InvalidOperation:  # beyond Decimal's 28 digits: no percent anybody writes
        return f"{value * 100:g}%"
    return f"{abs(shown) if shown == 0 else shown}%"


# Two numbers apart by ", " (a comma and a space, as map apps copy them), ";", "/" or spaces: not "1.234,5".
_COORDINATE_PAIR = re.compile(
    r"\s*[-\u2212\ufe63\uff0d]?\d+(?:[.,]\d+)?(?:\s*,\s+|\s*[;/]\s*|\s+)[-\u2212\ufe63\uff0d]?\d+(?:[.,]\d+)?\s*"
)


def _coordinate_pair(raw: Any) -> CellProblem:
    return CellProblem(
        _(
            "“%(value)s” berisi dua angka, seperti pasangan koordinat yang disalin dari aplikasi peta "
            "(lintang, bujur). Pisahkan: angka pertama ke kolom Lintang, angka kedua ke kolom Bujur."
        )
        % {"value": text(raw)}
    )


# Minus signs that are not the keyboard's "-": the typographic one (U+2212) that web pages and encyclopaedias print
# before a negative number, a southern latitude copied from them among others, and the full-width one of an East
# Asian keyboard (whose digits are read). They look like "-": refused, "−3.3166 bukan angka" could not be acted on.
MINUS_SIGNS = ("-", "\u2212", "\ufe63", "\uff0d")


def parse_decimal(raw: Any, *, places: int) -> Decimal | None:
    """A decimal written with a point or an Indonesian comma (-3,316694)."""
    if is_blank(raw):
        return None
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        value = repr(float(raw))
    else:
        value = text(raw).replace(" ", "")
        if value[:1] in MINUS_SIGNS:
            value = "-" + value[1:]
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
    rf"""{_HEMISPHERE}?\s*([-\u2212\ufe63\uff0d])?\s*(\d+(?:[.,]\d+)?)\s*[°º˚]?\s*
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


REGION_SHAPE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
# A BPS code (Badan Pusat Statistik: DTKS and census lists): its kecamatan and desa have three digits each, 63.71.040
# and 63.71.040.002, or run together (6371040, 6371040002: a Kemendagri desa's four digits begin with 1, 2 or 3, never
# 0, so 6371041002 is a Kemendagri code).
_BPS_SHAPE = re.compile(r"^\d{2}[.\-]\d{2}[.\-]\d{3}(?:[.\-]\d{3})?$|^\d{7}$")


def _bps_code_message(value: str) -> str:
    return _(
        "“%(value)s” tampaknya kode wilayah BPS (kecamatan dan desa 3 angka, seperti di DTKS), bukan kode Kemendagri. "
        "Tulis kode Kemendagri, mis. 63.71.04.1002, atau kosongkan kolom ini dan tulis nama kecamatan dan "
        "desa/kelurahannya di kolomnya."
    ) % {"value": value}


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
    if _BPS_SHAPE.match(value) or (re.fullmatch(r"\d{10}", value) and value[6] == "0"):
        raise CellProblem(_bps_code_message(value))
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
