"""Checks of a deployment's settings, run by `manage.py check` and at every start of the server and workers (gunicorn
through `serving_checks`)."""

import re

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.compatibility)
def deployment_province_check(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """SINERGI_PROVINCE must be a province's Kemendagri code or "nasional": a province server's reports, dashboards
    and region lookups are drawn for its code, and a wrong value ("JATIM", "35.07") gives reports of nothing, titled
    with blanks, without an error. An empty value is refused too, although national mode keeps its code as "": an
    unset variable in a service file is more likely a mistake than a national server."""
    from lokal import wilayah

    code = settings.SINERGI.get("DEPLOYMENT_PROVINCE", "")
    if code == "" and settings.SINERGI.get("NATIONAL"):
        return []
    if re.fullmatch(r"\d{2}", code or "") and wilayah.wilayah_name(code):
        return []
    return [
        checks.Error(
            f"SINERGI_PROVINCE is {code!r}, which is no province's Kemendagri code.",
            hint="Set it to the two-digit code of the province this server serves, e.g. 63 (Kalimantan Selatan) "
            "or 35 (Jawa Timur), or to nasional for one server of every province (docs/deployment.md).",
            id="sinergi.E001",
        )
    ]


@checks.register(checks.Tags.compatibility)
def hash_key_check(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """SINERGI_HASH_KEY must be the key the stored NIK hashes and match keys were made with (crypto.hash_key_verify):
    under another key no stored person is found again, and imports and forms would store everyone a second time.
    A database without fingerprint gets the key in use recorded."""
    from django.db import DatabaseError

    from .crypto import HashKeyChanged, hash_key_verify

    try:
        hash_key_verify()
    except HashKeyChanged:
        return [
            checks.Error(
                "SINERGI_HASH_KEY is not the key this database's NIK hashes were made with (the key was changed, "
                "mistyped, or var/hash_key was lost and generated anew). People already stored would not be found "
                "again: imports and forms would store each of them a second time, so they are refused.",
                hint="Restore the old key from the server's backup of its environment or of var/hash_key (see "
                "docs/deployment.md). Do not generate a new key and do not delete the fingerprint over stored "
                "data: the hashes cannot be computed again without the old key.",
                id="sinergi.E002",
            )
        ]
    except DatabaseError:
        # Checks run before `migrate` and on machines whose database is not reachable yet: nothing to compare with.
        return []
    return []


@checks.register(checks.Tags.compatibility)
def field_keys_check(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """SINERGI_FIELD_KEYS must open the stored NIK, KK and correction values (crypto.field_keys_verify): under a lost
    key they cannot be shown or corrected, and new ones would be written under a key the old data does not know."""
    from django.db import DatabaseError

    from .crypto import field_keys_verify

    try:
        unopened = field_keys_verify()
    except DatabaseError:
        return []  # before `migrate`, or no database reachable yet (as hash_key_check)
    if not unopened:
        return []
    return [
        checks.Error(
            "SINERGI_FIELD_KEYS does not open the encrypted values stored in this database ("
            + ", ".join(unopened)
            + "): the key was changed or mistyped, or var/field_keys was lost and generated anew. NIKs and "
            "correction histories could not be shown, and client edits would fail.",
            hint="Restore the old key from the server's backup of its environment or of var/field_keys (see "
            "docs/deployment.md). If a new key was generated meanwhile and values were stored under it, keep both: "
            "put the new key in FRONT of the old one (SINERGI_FIELD_KEYS=new,old), never instead of it.",
            id="sinergi.E003",
        )
    ]


def serving_checks() -> None:
    """The system checks for a WSGI server (config/wsgi.py), which runs none of its own, unlike runserver, `migrate`
    and `db_worker`: under a wrong hash key gunicorn served every page and refused only the saves that hash, so the
    fault showed as users' failed saves instead of at the start. Raises ImproperlyConfigured naming every error;
    gunicorn's worker then fails to boot and gunicorn stops with the errors in its log."""
    from django.core.exceptions import ImproperlyConfigured

    errors = [message for message in checks.run_checks() if message.is_serious() and not message.is_silenced()]
    if errors:
        raise ImproperlyConfigured(
            "System check identified errors; not serving:\n" + "\n".join(str(error) for error in errors)
        )
