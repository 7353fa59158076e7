"""Field encryption and keyed hashing for identity numbers (NIK, KK).

Ciphertext uses Fernet (AES-128-CBC + HMAC-SHA256) from `cryptography`; several keys may be configured
(newest first) so keys can be rotated without losing old data. The keyed hash (HMAC-SHA256 with a separate
key) allows exact lookup and duplicate detection without decrypting. Keys come from the environment
(`SINERGI_FIELD_KEYS`, `SINERGI_HASH_KEY`); for `make run` they are generated once into var/ (never committed).
The hash key cannot be rotated: a person stored under one key is not found under another, so the database keeps a
fingerprint of it (HashKeyFingerprint) and nothing is hashed under a key that differs from it.
Field keys are rotated by putting a new key in front and running `manage.py rotate_field_keys`, which re-encrypts
every column registered with `encrypted_column_register` under it; then the old key can be removed. A value no
configured key opens raises FieldKeyMissing (its message, FIELD_KEY_MISSING, tells the user), and the system check
sinergi.E003 (`field_keys_verify`) refuses to start on keys that do not open the stored values.
"""

import hashlib
import hmac
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

logger = logging.getLogger(__name__)

FIELD_KEY_MISSING = gettext_lazy(
    "Kunci enkripsi NIK server ini (SINERGI_FIELD_KEYS) tidak dapat membuka data yang sudah tersimpan, sehingga NIK "
    "dan riwayat koreksi tidak dapat dibaca. Tidak ada yang disimpan. Administrator server harus memasang kembali "
    "kunci enkripsi yang lama (lihat docs/deployment.md)."
)
# The models and columns that hold `encrypt`'s ciphertexts (the people app registers its own in its ready()): what
# the check samples and rotate_field_keys re-encrypts.
_encrypted_columns: list[tuple[type, str]] = []


class FieldKeyMissing(ValidationError, ValueError):
    """No configured field key opens a stored ciphertext (FIELD_KEY_MISSING says so to the user). A ValidationError,
    so that a service's refusal reaches the form; a ValueError, as decrypt has always raised."""

    def __init__(self) -> None:
        super().__init__(FIELD_KEY_MISSING, code="field_key_missing")


@lru_cache(maxsize=1)
def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in settings.SINERGI_FIELD_KEYS])


def encrypt(value: str) -> str:
    """Ciphertext of `value` ("" stays "")."""
    return _fernet().encrypt(value.encode()).decode() if value else ""


def decrypt(token: str) -> str:
    """The plain value of a ciphertext made by `encrypt`; raises FieldKeyMissing (a ValueError) if no configured key
    opens it, and logs the error for the administrator."""
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as error:
        logger.error(
            "A stored value was encrypted with a key that is not configured: SINERGI_FIELD_KEYS (var/field_keys) "
            "lacks the key of the stored data. Restore it (docs/deployment.md)."
        )
        raise FieldKeyMissing() from error


def encrypted_column_register(model: type, field: str) -> None:
    """`model.field` holds ciphertexts made by `encrypt`: sampled by the check, re-encrypted by rotate_field_keys."""
    if (model, field) not in _encrypted_columns:
        _encrypted_columns.append((model, field))


def encrypted_columns() -> list[tuple[type, str]]:
    return list(_encrypted_columns)


def key_index(token: str) -> int | None:
    """The position in SINERGI_FIELD_KEYS of the key that opens `token` (0: the first), None when none does."""
    for index, key in enumerate(settings.SINERGI_FIELD_KEYS):
        try:
            Fernet(key.encode()).decrypt(token.encode())
        except InvalidToken:
            continue
        return index
    return None


def field_keys_verify() -> list[str]:
    """The registered columns ("Model.field") whose stored values the configured field keys do not open: the oldest
    and the newest value of each are tried (a few rows by primary key, no table scan), so that a key generated after
    the old one was lost is noticed both before and after new values were written under it."""
    unopened = []
    for model, field in _encrypted_columns:
        stored = model.objects.exclude(**{field: ""}).values_list(field, flat=True)
        samples = {token for token in (stored.order_by("pk").first(), stored.order_by("-pk").first()) if token}
        if any(key_index(token) is None for token in samples):
            unopened.append(f"{model.__name__}.{field}")
    return unopened


HASH_KEY_CHANGED = gettext_lazy(
    "Kunci hash NIK server ini (SINERGI_HASH_KEY) bukan kunci yang dipakai untuk data yang sudah tersimpan, sehingga "
    "orang yang sudah tercatat tidak akan dikenali dan akan tercatat dua kali. Tidak ada yang disimpan. Administrator "
    "server harus memasang kembali kunci yang lama (lihat docs/deployment.md); jangan membuat kunci baru."
)
# Not a hash of any NIK or name (those have no colon), so the fingerprint matches no stored value.
_FINGERPRINT_LABEL = "sinergi:hash-key-fingerprint"
# The key this process has compared with the database's fingerprint: hashes are made per row, the check once.
_verified_key: list[str] = []
# A value stored with its keyed hash (a NIK and its hash), or None: the apps that store hashes register one (people,
# in its ready()), so that a database without fingerprint is compared with its data before one is recorded.
HashSample = Callable[[], tuple[str, str] | None]
_hash_samples: list[HashSample] = []


class HashKeyChanged(ValidationError):
    """SINERGI_HASH_KEY is not the key the stored hashes were made with (HASH_KEY_CHANGED says so to the user)."""

    def __init__(self) -> None:
        super().__init__(HASH_KEY_CHANGED, code="hash_key_changed")


def hash_key_fingerprint(key: str) -> str:
    """What the database keeps of a hash key: its HMAC of a fixed label (the key cannot be read back from it)."""
    return _hmac(key, _FINGERPRINT_LABEL)


def hash_key_verify() -> None:
    """Raises HashKeyChanged unless the database's fingerprint is that of the key in use; records it when there is
    none yet (a new database, or one from before fingerprints whose stored hashes the key makes). Queries once per
    process and key.

    A lost var/hash_key regenerated, a typo or a "rotation" of SINERGI_HASH_KEY gives every stored person a hash
    nobody will compute again: an import would create them all a second time, and nothing else would notice."""
    from .models import HashKeyFingerprint

    key = settings.SINERGI_HASH_KEY
    if _verified_key == [key]:
        return
    fingerprint = hash_key_fingerprint(key)
    stored = HashKeyFingerprint.objects.filter(pk=1).values_list("fingerprint", flat=True).first()
    if stored is None:
        # A database from before fingerprints (or whose row was deleted) may hold hashes made under another key: the
        # key in use would be recorded as the right one, and every later check would pass under it.
        for sample in _hash_samples:
            if (pair := sample()) and not hmac.compare_digest(_hmac(key, pair[0]), pair[1]):
                raise HashKeyChanged()
        row, _created = HashKeyFingerprint.objects.get_or_create(pk=1, defaults={"fingerprint": fingerprint})
        stored = row.fingerprint
    if stored != fingerprint:
        raise HashKeyChanged()
    _verified_key[:] = [key]


def hash_sample_register(sample: HashSample) -> None:
    """`sample()` returns a value stored with its keyed hash, or None when there is none (hash_key_verify)."""
    if sample not in _hash_samples:
        _hash_samples.append(sample)


def keyed_hash(value: str) -> str:
    """HMAC-SHA256 of `value` as hex: equal inputs give equal hashes; without the key nothing can be guessed.
    Raises HashKeyChanged when the key is not the one of the stored hashes (hash_key_verify)."""
    if not value:
        return ""
    hash_key_verify()
    return _hmac(settings.SINERGI_HASH_KEY, value)


def _hmac(key: str, value: str) -> str:
    return hmac.new(key.encode(), value.encode(), hashlib.sha256).hexdigest()


def mask_identity_number(value: str) -> str:
    """6371********0001: region and serial stay visible, the birth date does not."""
    if len(value) != 16:
        return "*" * len(value)
    return f"{value[:4]}{'*' * 8}{value[-4:]}"


@dataclass
class ColumnRotation:
    """What rotate_field_keys did to one column (or, in a dry run, would do)."""

    column: str
    reencrypted: int = 0  # encrypted anew under the first key
    current: int = 0  # already under the first key: left as they are
    unreadable: int = 0  # opened by no configured key: left as they are


def column_rotate(model: type, field: str, *, batch_size: int = 500, dry_run: bool = False) -> ColumnRotation:
    """Re-encrypts `model.field` under the first field key (MultiFernet.rotate), in batches by primary key, each
    committed on its own: stopped half-way, a second run goes on where it stopped, since values already under the
    first key are left alone. A value a user changes meanwhile is not overwritten (each row is updated only if it
    still holds the value read)."""
    from django.db import transaction

    first = Fernet(settings.SINERGI_FIELD_KEYS[0].encode())
    fernet = _fernet()
    result = ColumnRotation(column=f"{model.__name__}.{field}")
    last_pk = 0
    while True:
        rows = list(
            model.objects.exclude(**{field: ""})
            .filter(pk__gt=last_pk)
            .order_by("pk")
            .values_list("pk", field)[:batch_size]
        )
        if not rows:
            return result
        last_pk = rows[-1][0]
        with transaction.atomic():
            for pk, token in rows:
                try:
                    first.decrypt(token.encode())
                except InvalidToken:
                    pass
                else:
                    result.current += 1
                    continue
                try:
                    rotated = fernet.rotate(token.encode()).decode()
                except InvalidToken:
                    result.unreadable += 1
                    continue
                if dry_run or model.objects.filter(pk=pk, **{field: token}).update(**{field: rotated}):
                    result.reencrypted += 1


def clear_key_cache() -> None:
    """For tests and key rotation: forget the cached cipher and the checked hash key so new settings take effect."""
    _fernet.cache_clear()
    _verified_key.clear()
