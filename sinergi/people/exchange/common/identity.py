"""Identity numbers (NIK, KK) at import speed: Fernet tokens made in bulk, the keyed hash with its key schedule
computed once, the masked form, and the NIK/KK checks over region codes loaded once per import. Each fast path
mirrors sinergi.core.crypto or people.nik and a test holds it to their result.
"""

import base64
import datetime
import hashlib
import hmac
import os
import struct
import time

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _lazy
from lokal.provinces import PROVINCES

from sinergi.core.crypto import (
    FIELD_KEY_MISSING,
    HASH_KEY_CHANGED,
    FieldKeyMissing,
    HashKeyChanged,
    decrypt,
    hash_key_verify,
)
from sinergi.exchange.files import FileRefused
from sinergi.regions.models import Region, RegionLevel

from ...nik import NikCheck, _digits, nik_check

# ---------------------------------------------------------------------------------------------- identity numbers
# Lazy: translated only when a message is built (gettext per row costs more than the check itself).
NIK_LABEL = _lazy("NIK")
KK_LABEL = _lazy("Nomor KK")


def encrypt_many(values: list[str]) -> list[str]:
    """Fernet tokens of `values` (as sinergi.core.crypto.encrypt makes them, with the current first key), made in
    bulk: AES runs once over all first blocks, then once over all second blocks, instead of one cipher object
    per value; each token still has its own random IV and its own HMAC. `crypto.decrypt` opens them."""
    if not values:
        return []
    raw = base64.urlsafe_b64decode(settings.SINERGI_FIELD_KEYS[0])
    signing, encryption = raw[:16], raw[16:]
    encryptor = Cipher(algorithms.AES(encryption), modes.ECB()).encryptor()  # noqa: S305 — CBC chaining below
    padded = []
    for value in values:
        data = value.encode()
        pad = 16 - len(data) % 16
        padded.append(data + bytes([pad]) * pad)
    count = len(padded)
    ivs = os.urandom(16 * count)
    previous = [ivs[i * 16 : i * 16 + 16] for i in range(count)]
    cipher_texts: list[list[bytes]] = [[] for _i in range(count)]
    block = 0
    while True:
        # CBC: C_k = AES(P_k xor C_{k-1}), C_0 = IV; the XOR of all rows at once is one big-integer operation.
        rows = [i for i in range(count) if len(padded[i]) > block * 16]
        if not rows:
            break
        plain = b"".join(padded[i][block * 16 : block * 16 + 16] for i in rows)
        chain = b"".join(previous[i] for i in rows)
        mixed = (int.from_bytes(plain, "big") ^ int.from_bytes(chain, "big")).to_bytes(len(plain), "big")
        encrypted = encryptor.update(mixed)
        for j, i in enumerate(rows):
            piece = encrypted[j * 16 : j * 16 + 16]
            previous[i] = piece
            cipher_texts[i].append(piece)
        block += 1
    header = struct.pack(">BQ", 0x80, int(time.time()))
    mac = hmac.new(signing, digestmod=hashlib.sha256)
    tokens = []
    for i in range(count):
        body = header + ivs[i * 16 : i * 16 + 16] + b"".join(cipher_texts[i])
        signer = mac.copy()
        signer.update(body)
        tokens.append(base64.urlsafe_b64encode(body + signer.digest()).decode())
    return tokens


def decrypt_stored(token: str) -> str:
    """crypto.decrypt of a stored value; a value no configured field key opens refuses the whole file, saying that
    the administrator must restore the key (as a changed hash key does), instead of failing the job."""
    try:
        return decrypt(token)
    except FieldKeyMissing as error:
        raise FileRefused(str(FIELD_KEY_MISSING)) from error


class Hasher:
    """sinergi.core.crypto.keyed_hash with the key schedule computed once (HMAC objects are copied, not made). Made
    once per import, before any row is read: a key that is not the one of the stored hashes refuses the whole file
    (trial and import alike), since every stored person would be planned as new."""

    def __init__(self) -> None:
        try:
            hash_key_verify()
        except HashKeyChanged as error:
            raise FileRefused(str(HASH_KEY_CHANGED)) from error
        self._base = hmac.new(settings.SINERGI_HASH_KEY.encode(), digestmod=hashlib.sha256)

    def __call__(self, value: str) -> str:
        if not value:
            return ""
        signer = self._base.copy()
        signer.update(value.encode())
        return signer.hexdigest()


def mask(value: str) -> str:
    return f"{value[:4]}{'*' * 8}{value[-4:]}" if len(value) == 16 else "*" * len(value)


def corrected_nik_warnings(check: "NikChecker", stored_nik: str, *, before: tuple, after: tuple) -> list[str]:
    """What the stored NIK says against a birth date and sex (`after`) corrected by a row without a NIK, that it did
    not say against the stored ones (`before`): its other remarks are not about the corrected cell."""
    known = check(stored_nik, birth_date=before[0], sex=before[1], typed=False).warnings  # (the stored date)
    return [
        message for message in check(stored_nik, birth_date=after[0], sex=after[1]).warnings if message not in known
    ]


class NikChecker:
    """people.nik.nik_check with the region codes loaded once (one query per import instead of one per row)."""

    def __init__(self, date_order: dict | None = None) -> None:
        self.known = set(
            Region.objects.filter(level__in=[RegionLevel.REGENCY, RegionLevel.DISTRICT]).values_list("code", flat=True)
        )
        self.year = timezone.localdate().year
        # What the NIKs say of the birth dates' order (exchange.columns.DateColumn.file_problems): of the dates that
        # read both ways (day and month 12 or less, not equal), those the NIK agrees with, and those it has with
        # day and month swapped, as a file typed on a computer set to English (US) gives them.
        self.date_order = date_order if date_order is not None else {"agrees": 0, "swapped": []}

    def __call__(
        self, value: str, *, birth_date: datetime.date | None, sex: str | None, typed: bool = True
    ) -> NikCheck:
        """`typed`: whether `birth_date` is the file's (not a stored record's), to count for the column's order."""
        either_way = typed and birth_date is not None and birth_date.day <= 12 and birth_date.month <= 12
        if self._clean(value, birth_date, sex):
            if either_way and birth_date.day != birth_date.month:
                self.date_order["agrees"] += 1
            return NikCheck(normalized=value)
        if either_way and _swapped(value, birth_date):
            self.date_order["swapped"].append((birth_date, value))
        # Anything unusual gets the full check, with its messages.
        return nik_check(value, birth_date=birth_date, sex=sex, known_codes=self.known, label=NIK_LABEL)

    def _clean(self, value: str, birth_date: datetime.date | None, sex: str | None) -> bool:
        """True when nik_check would find nothing to say: 16 plain digits, a known province, kabupaten/kota and
        kecamatan, a real birth date that agrees with the record, the sex the record has, a serial above 0000.
        The commonest NIK by far, checked here in a few microseconds (a test holds it to nik_check)."""
        if len(value) != 16 or not value.isascii() or not value.isdigit() or value[12:] == "0000":
            return False
        if value.count(value[0]) == 16:
            return False  # a placeholder (nik_check refuses it)
        province, regency, district = value[:2], value[2:4], value[4:6]
        if province not in PROVINCES or regency == "00" or district == "00":
            return False
        regency_code = f"{province}.{regency}"
        if regency_code not in self.known or f"{regency_code}.{district}" not in self.known:
            return False
        day, month, yy = int(value[6:8]), int(value[8:10]), int(value[10:12])
        encoded_sex = "L"
        if day > 40:
            encoded_sex, day = "P", day - 40
        if sex and sex != encoded_sex:
            return False
        # lokal.parse_nik's century: the latest year ending in these two digits that is not in the future.
        year = 2000 + yy if yy <= self.year % 100 else 1900 + yy
        try:
            datetime.date(year, month, day)
        except ValueError:
            return False
        return birth_date is None or (day, month, yy) == (birth_date.day, birth_date.month, birth_date.year % 100)


def _swapped(value: str, birth_date: datetime.date) -> bool:
    """Whether the NIK's date of birth is `birth_date` with its day and month swapped (and not the same date)."""
    if len(value) != 16 or not value.isascii() or not value.isdigit() or birth_date.day == birth_date.month:
        return False
    day, month, yy = int(value[6:8]) % 40 or 40, int(value[8:10]), int(value[10:12])
    return (day, month, yy) == (birth_date.month, birth_date.day, birth_date.year % 100)


def kk_check_fast(value: str) -> NikCheck:
    """people.nik.kk_check, with its label translated only when a message needs it."""
    check = NikCheck(normalized="")
    digits = _digits(value, check, label=KK_LABEL)
    if digits is not None:
        check.normalized = digits
    return check
