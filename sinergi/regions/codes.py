"""Region codes: the dotted Kemendagri form (63, 63.71, 63.71.01, 63.71.01.1001) and the words for each kind."""

import re

from django.utils.translation import gettext_lazy as _

# One pattern per level: provinsi, kabupaten/kota, kecamatan, desa/kelurahan.
CODE_RE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
_DIGITS_RE = re.compile(r"^\d{2}(\d{2}(\d{2}(\d{4})?)?)?$")

KIND_LABELS = {
    "provinsi": _("Provinsi"),
    "kabupaten": _("Kabupaten"),
    "kota": _("Kota"),
    "kecamatan": _("Kecamatan"),
    "distrik": _("Distrik"),
    "kelurahan": _("Kelurahan"),
    "desa": _("Desa"),
    "desa_adat": _("Desa adat"),
}


def normalize_code(raw: str) -> str | None:
    """The dotted form of a code typed as "63.71.01.1001", "6371011001" or "63 71 01 1001"; None if it is not one."""
    value = (raw or "").strip()
    if CODE_RE.match(value):
        return value
    digits = re.sub(r"[\s.\-]", "", value)
    if not _DIGITS_RE.match(digits):
        return None
    return ".".join(part for part in (digits[0:2], digits[2:4], digits[4:6], digits[6:10]) if part)


def code_prefix(raw: str) -> str | None:
    """The start of a code as typed ("63.71.01.10", "6371011"), in dotted form; None if `raw` is not code-like."""
    value = re.sub(r"\s", "", raw or "")
    if not value or not re.fullmatch(r"[\d.]+", value) or not value[0].isdigit():
        return None
    if "." in value:
        return value
    digits = value[:10]
    return ".".join(part for part in (digits[0:2], digits[2:4], digits[4:6], digits[6:10]) if part)


def ancestor_codes(code: str) -> list[str]:
    """The codes above `code`, province first: 63.71.01.1001 -> [63, 63.71, 63.71.01]."""
    parts = code.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]
