"""The access log of personal data (UU PDP): who saw, exported or changed a client's or a worker's data, when, from
where, why.

The purpose is asked once per session: the first time a user opens person-level data in a session, the view asks
"untuk apa?" and calls `session_purpose_set`; every later access in that session is logged with that purpose.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models import Model
from django.http import HttpRequest

from sinergi.audit.services import client_ip

from .choices import AccessPurpose
from .models import AccessEntry, Person, PersonAccess, Worker, WorkerAccess

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor

SESSION_KEY = "people_access_purpose"


def _checked_purpose(purpose: str) -> str:
    if purpose not in AccessPurpose.values:
        raise ValueError(f"Unknown access purpose {purpose!r}; use one of AccessPurpose.")
    return purpose


def actor_label(actor: "User | SystemActor | None") -> str:
    """Who acted, as the log keeps the name: a user's username, or the command line's own name ("manage.py") for
    work done from the server's shell without a user; "" for nobody."""
    return actor.get_username() if actor is not None and hasattr(actor, "get_username") else ""


def _entry(
    log: type[AccessEntry], subject_id: int, *, actor: "User | SystemActor | None", what: str, purpose: str, request
) -> AccessEntry:
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    subject = "person_id" if log is PersonAccess else "worker_id"
    return log(
        **{subject: subject_id},
        actor=actor if is_user else None,
        actor_name=actor_label(actor),
        what=what[:40],
        purpose=_checked_purpose(purpose),
        ip_address=client_ip(request),
    )


def person_access_record(
    *, actor: "User | SystemActor", person: Person, what: str, purpose: str, request: HttpRequest | None = None
) -> PersonAccess:
    """Writes one access-log line; `what` is e.g. viewed, viewed_full_nik, exported, changed, created."""
    entry = _entry(PersonAccess, person.pk, actor=actor, what=what, purpose=purpose, request=request)
    entry.save()
    return entry


def person_access_record_many(
    *,
    actor: "User | SystemActor",
    persons: Iterable[Person],
    what: str,
    purpose: str,
    request: HttpRequest | None = None,
) -> int:
    """One access-log line per person in a single query, for exports of a list; returns how many were written."""
    return _record_many(PersonAccess, persons, actor=actor, what=what, purpose=purpose, request=request)


def worker_access_record(
    *, actor: "User", worker: Worker, what: str, purpose: str, request: HttpRequest | None = None
) -> WorkerAccess:
    """Writes one line of a worker's access log (the same `what` words as a person's)."""
    entry = _entry(WorkerAccess, worker.pk, actor=actor, what=what, purpose=purpose, request=request)
    entry.save()
    return entry


def worker_access_record_many(
    *, actor: "User", workers: Iterable[Worker], what: str, purpose: str, request: HttpRequest | None = None
) -> int:
    """One access-log line per worker, for lists given out (API pages, exports); returns how many were written."""
    return _record_many(WorkerAccess, workers, actor=actor, what=what, purpose=purpose, request=request)


def _record_many(log: type[AccessEntry], subjects: Iterable[Model], **entry) -> int:
    rows = [_entry(log, subject.pk, **entry) for subject in subjects]
    log.objects.bulk_create(rows, batch_size=500)
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
