from typing import TYPE_CHECKING, Any

from django.db.models import Model
from django.http import HttpRequest

from .models import AuditEvent

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.exchange.services import SystemActor


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    # Behind the reverse proxy the first X-Forwarded-For entry is the client (production sets the proxy header).
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return (forwarded.split(",")[0].strip() or None) if forwarded else request.META.get("REMOTE_ADDR")


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
        )
        for pk, changes in changes_by_pk.items()
    ]
    AuditEvent.objects.bulk_create(events, batch_size=1000)
    return len(events)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
