import ipaddress
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model
from django.http import HttpRequest

from .models import AuditEvent

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


# The address work done without a request acts for: an import the task worker runs later writes its events and
# access-log lines with the upload's address, as the form's save would (the fifty-fourth review, minor 5).
_work_origin: ContextVar[str | None] = ContextVar("sinergi_work_origin", default=None)


@contextmanager
def work_from(ip_address: str | None) -> Iterator[None]:
    """Inside it, `client_ip(None)` is `ip_address`: the address of the request the work was asked by (an upload's)."""
    token = _work_origin.set(ip_address)
    try:
        yield
    finally:
        _work_origin.reset(token)


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address, as the audit log, the access log, the sign-in lockout and the API's limits count it: the
    X-Forwarded-For entry the nearest of SINERGI_PROXY_COUNT reverse proxies added (nginx appends the address it saw),
    not the first entry, which the client writes itself; REMOTE_ADDR without a proxy. A value that is no address
    ("unknown", as some office proxies send) is not taken: the database would refuse it, and the sign-in with it."""
    if request is None:
        return _work_origin.get()
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    proxies = settings.SINERGI_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and forwarded:
        return _address(forwarded[-min(proxies, len(forwarded))]) or remote
    return remote


def _address(value: str) -> str | None:
    """An IP address as written in a header ("203.0.113.7", "203.0.113.7:51234", "[2001:db8::1]:443"), or None."""
    value = value.strip()
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:
        value = value.split(":")[0]  # an IPv4 address with its port
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def audit_record(
    *,
    actor: "User | SystemActor | None",
    action: str,
    obj: Model | None = None,
    changes: dict[str, list[Any]] | None = None,
    data: dict[str, Any] | None = None,
    purpose: str = "",
    request: HttpRequest | None = None,
    object_repr: str | None = None,
    ip_address: str | None = None,
) -> AuditEvent:
    """Writes one audit event; call it inside the same transaction as the change it describes."""
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    # Where the object is, when it is somewhere; else where the actor's roles are. Not both: a user with roles in two
    # provinces would give each province's admin the other's clients (the fifty-fifth review).
    provinces = object_provinces(obj) or (actor_provinces(actor) if is_user else set())
    return AuditEvent.objects.create(
        actor=actor if is_user else None,
        actor_name=(actor.get_username() if is_user else ""),
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        # Callers pass their own label where str(obj) would put personal data (a name) into the log.
        object_repr=(object_repr if object_repr is not None else str(obj) if obj is not None else "")[:200],
        changes=_jsonable(changes or {}),
        data=_jsonable(data or {}),
        purpose=purpose,
        # A request's address, or one kept for work done later without one (an import run by the worker).
        ip_address=client_ip(request) or ip_address,
        provinces=provinces_text(provinces),
    )


def audit_record_many(
    *,
    actor: "User | SystemActor | None",
    action: str,
    model: type[Model],
    changes_by_pk: dict[Any, dict[str, list[Any]]],
    data: dict[str, Any] | None = None,
    purpose: str = "",
) -> int:
    """One audit event per changed object, in one insert, for bulk changes (an import's updates), so that each
    record's own history shows them as it shows a form's save; objects are named by type and id only."""
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    label, name = model._meta.label_lower, str(model._meta.verbose_name)
    by_actor = actor_provinces(actor) if is_user else set()
    located = _located_provinces(model, list(changes_by_pk))
    events = [
        AuditEvent(
            actor=actor if is_user else None,
            actor_name=(actor.get_username() if is_user else ""),
            action=action,
            object_type=label,
            object_id=str(pk),
            object_repr=f"{name} #{pk}"[:200],
            changes=_jsonable(changes),
            data=_jsonable(data or {}),
            purpose=purpose,
            ip_address=client_ip(None),  # (bulk changes are made by work without a request: an import's upload's)
            provinces=provinces_text(located.get(pk) or by_actor),
        )
        for pk, changes in changes_by_pk.items()
    ]
    AuditEvent.objects.bulk_create(events, batch_size=1000)
    return len(events)


# Where an object is: its own codes, or those of what it belongs to (a consent's client, an import's LKS).
_LOCATION_FIELDS = ("province_code", "from_province_code", "to_province_code")
_LOCATED_BY = ("person", "organisation", "meeting", "referral", "placement")


def object_provinces(obj: Model | None) -> set[str]:
    """The provinces an object is located in, for its events: a client's, an LKS's, a meeting's, a referral's two
    ends, a consent's or a stay's client's; a user's roles (an account's events); none for what has no place (a
    region, a vocabulary item). Reads what the object holds, and at most one related row."""
    if obj is None:
        return set()
    from sinergi.accounts.models import Membership, User

    if isinstance(obj, User):
        return actor_provinces(obj)
    if isinstance(obj, Membership):
        return _membership_provinces([obj])
    codes = {value[:2] for name in _LOCATION_FIELDS if isinstance(value := getattr(obj, name, ""), str) and value}
    if codes:
        return codes
    for name in _LOCATED_BY:
        field = next((f for f in obj._meta.concrete_fields if f.name == name and f.is_relation), None)
        if field is not None and getattr(obj, field.attname) is not None:
            try:
                return object_provinces(getattr(obj, name))
            except ObjectDoesNotExist:
                return set()  # deleted with what the event is about: the actor's roles still place it
    return set()


def actor_provinces(user: Any) -> set[str]:
    """The provinces of a user's active roles, kept on the user object for the rest of its request or job; none for
    a superuser, whose unlocated events (a vocabulary item changed) are for superusers only, whatever role they hold."""
    if getattr(user, "is_superuser", False):
        return set()
    cached = getattr(user, "_audit_provinces", None)
    if cached is None:
        cached = _membership_provinces(user.memberships.filter(is_active=True).select_related("organisation"))
        user._audit_provinces = cached
    return set(cached)


def _membership_provinces(memberships) -> set[str]:
    codes = set()
    for membership in memberships:
        if membership.region_id:
            codes.add(membership.region_id[:2])
        elif membership.organisation_id and membership.organisation.province_code:
            codes.add(membership.organisation.province_code)
    return codes


def _located_provinces(model: type[Model], pks: list) -> dict[Any, set[str]]:
    """object_provinces for many objects of one model that carries its own codes, in one query; {} otherwise."""
    names = [f.name for f in model._meta.concrete_fields if f.name in _LOCATION_FIELDS]
    if not names or not pks:
        return {}
    located: dict[Any, set[str]] = {}
    for pk, *codes in model._default_manager.filter(pk__in=pks).values_list("pk", *names):
        located[pk] = {code[:2] for code in codes if code}
    return located


def provinces_text(codes: set[str]) -> str:
    """How AuditEvent.provinces keeps a set of codes: ",62,63," (so that ",63," finds 63 and not 630)."""
    return f",{','.join(sorted(codes))}," if codes else ""


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
