"""Field encryption and keyed hashing for identity numbers (NIK, KK).

Ciphertext uses Fernet (AES-128-CBC + HMAC-SHA256) from `cryptography`; several keys may be configured
(newest first) so keys can be rotated without losing old data. The keyed hash (HMAC-SHA256 with a separate
key) allows exact lookup and duplicate detection without decrypting. Keys come from the environment
(`SINERGI_FIELD_KEYS`, `SINERGI_HASH_KEY`); for `make run` they are generated once into var/ (never committed).
"""

import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


@lru_cache(maxsize=1)
def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in settings.SINERGI_FIELD_KEYS])


def encrypt(value: str) -> str:
    """Ciphertext of `value` ("" stays "")."""
    return _fernet().encrypt(value.encode()).decode() if value else ""


def decrypt(token: str) -> str:
    """The plain value of a ciphertext made by `encrypt`; raises ValueError if no configured key opens it."""
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise ValueError("This value was encrypted with a key that is not configured.") from error


def keyed_hash(value: str) -> str:
    """HMAC-SHA256 of `value` as hex: equal inputs give equal hashes; without the key nothing can be guessed."""
    if not value:
        return ""
    return hmac.new(settings.SINERGI_HASH_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


def mask_identity_number(value: str) -> str:
    """6371********0001: region and serial stay visible, the birth date does not."""
    if len(value) != 16:
        return "*" * len(value)
    return f"{value[:4]}{'*' * 8}{value[-4:]}"


def clear_key_cache() -> None:
    """For tests and key rotation: forget the cached cipher so new settings take effect."""
    _fernet.cache_clear()
