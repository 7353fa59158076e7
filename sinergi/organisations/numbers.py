"""How an LKS's numbers (nomor tanda daftar, izin operasional) are compared, and which LKS already holds one.

The number is the LKS's identity in every spreadsheet (the import finds an LKS by it), so two LKS must not hold
one number, written the same or otherwise ("td/002/Dinsos – Kalsel/ 2024" and "TD/002/DINSOS-KALSEL/2024").
"""

import re
import unicodedata

from .models import Organisation

# Every dash a keyboard, autocorrect or a copied PDF puts in a number: hyphen, non-breaking hyphen, figure dash,
# en dash, em dash, horizontal bar, minus sign, small em dash, small and full-width hyphen-minus.
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"))
_SPACED_SEPARATOR = re.compile(r" ?([/-]) ?")


def number_key(value: str) -> str:
    """How a nomor tanda daftar or izin operasional is compared: "td/002/Dinsos – Kalsel/ 2024" and
    "TD/002/DINSOS-KALSEL/2024" are one number (autocorrect's en dash, a stray space, letter case). The stored
    value stays as the user typed it; only this key is compared."""
    if not value.isascii():
        value = unicodedata.normalize("NFKC", value).translate(_DASHES)
    text = " ".join(value.upper().split())
    return _SPACED_SEPARATOR.sub(r"\1", text) if " " in text else text


NUMBER_FIELDS = ("registration_number", "permit_number")


def is_number(value: str) -> bool:
    """Whether what is written in a nomor tanda daftar or izin operasional is a number at all. Every number a Dinas
    Sosial issues has digits ("460/123/Dinsos/2023"); what has none holds the field's place: words ("dalam proses",
    "Sdg diproses...", "-", "belum ada"), or letters joined by a number's separator ("TD/KEMBAR", "IO/PROSES",
    "Blm/ada"), which a list may repeat for several LKS. Such a value names no LKS: neither is it an import's key to
    one (a row taken for whichever LKS holds the same letters, and renamed) nor refused by the forms as another's.
    The one reading for both, so that a value the form accepts twice imports as it was entered, and back."""
    key = number_key(value)
    if not any(ch.isdigit() for ch in key):
        return False
    from sinergi.exchange.values import blank_word

    return not blank_word(key)


def number_holder(field: str, number: str, *, other_than: int | None, regency_code: str) -> Organisation | None:
    """Another organisation of the same kabupaten/kota whose `field` is `number` by number_key, or None. Numbers are
    issued by each kabupaten/kota's and province's office, so the same one elsewhere (a regency's "503/IO/77/2023")
    may well be another number; and a placeholder ("-", "belum ada", "dalam proses", "TD/KEMBAR": no digit) is no
    number (is_number). The database cannot compute the key: it narrows the search to numbers holding the same
    longest run of digits, then the keys are compared here."""
    if not is_number(number):
        return None
    key = number_key(number)
    candidates = (
        Organisation.objects.filter(regency_code=regency_code)
        .exclude(**{field: ""})
        .exclude(pk=other_than)
        .order_by("pk")
    )
    digits = max(re.findall(r"\d+", key), key=len, default="")
    if digits:
        candidates = candidates.filter(**{f"{field}__contains": digits})
    for organisation in candidates.only("pk", "name", "region_id", field).iterator(chunk_size=500):
        if number_key(getattr(organisation, field)) == key:
            return organisation
    return None
