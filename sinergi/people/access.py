"""The access log of personal data (UU PDP): who saw, exported or changed a person's data, when, from where, why.

The purpose is asked once per session: the first time a user opens person-level data in a session, the view asks
"untuk apa?" and calls `session_purpose_set`; every later access in that session is logged with that purpose.
"""

from collections.abc import Iterable

from django.http import HttpRequest

from sinergi.audit.services import client_ip

from .choices import AccessPurpose
from .models import Person, PersonAccess

SESSION_KEY = "people_access_purpose"


class PurposeRequired(Exception):
    """Person-level data was asked for before a purpose was chosen in this session; the view must ask first."""


def _checked_purpose(purpose: str) -> str:
    if purpose not in AccessPurpose.values:
        raise ValueError(f"Unknown access purpose {purpose!r}; use one of AccessPurpose.")
    return purpose


def _actor_name(actor) -> str:
    return actor.get_username() if actor is not None and getattr(actor, "is_authenticated", False) else ""


def person_access_record(
    *, actor, person: Person, what: str, purpose: str, request: HttpRequest | None = None
) -> PersonAccess:
    """Writes one access-log line; `what` is e.g. viewed, viewed_full_nik, exported, changed, created."""
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    return PersonAccess.objects.create(
        person=person,
        actor=actor if is_user else None,
        actor_name=_actor_name(actor),
        what=what[:40],
        purpose=_checked_purpose(purpose),
        ip_address=client_ip(request),
    )


def person_access_record_many(
    *, actor, persons: Iterable[Person], what: str, purpose: str, request: HttpRequest | None = None
) -> int:
    """One access-log line per person in a single query, for exports of a list; returns how many were written."""
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    rows = [
        PersonAccess(
            person_id=person.pk,
            actor=actor if is_user else None,
            actor_name=_actor_name(actor),
            what=what[:40],
            purpose=_checked_purpose(purpose),
            ip_address=client_ip(request),
        )
        for person in persons
    ]
    PersonAccess.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def session_purpose(request: HttpRequest | None) -> str | None:
    """The purpose chosen in this session, or None when the user has not been asked yet."""
    if request is None or not hasattr(request, "session"):
        return None
    value = request.session.get(SESSION_KEY)
    return value if value in AccessPurpose.values else None


def session_purpose_set(request: HttpRequest, purpose: str) -> None:
    """Remembers the purpose for the rest of the session (it ends at logout or idle timeout)."""
    request.session[SESSION_KEY] = _checked_purpose(purpose)


def purpose_for(request: HttpRequest | None, default: str = AccessPurpose.SERVICE) -> str:
    """The session's purpose, or `default` for changes made outside a browser session (API, commands)."""
    return session_purpose(request) or default
