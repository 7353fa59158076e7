import datetime
from collections.abc import Iterable, Mapping
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action, action_provinces

from .filters import AuditEventFilterSet
from .models import AuditEvent

if TYPE_CHECKING:
    from sinergi.accounts.models import User


def audit_events_for(*, obj: Model) -> QuerySet[AuditEvent]:
    """The change history of one object, newest first. Callers check that the actor may see the object."""
    return AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).select_related("actor")


def audit_events_for_objects(objects: "Iterable[Model]") -> QuerySet[AuditEvent]:
    """The change history of several objects together (a client, their stays and consents), newest first. Callers
    pass only objects the actor may see."""
    by_type: dict[str, list[str]] = {}
    for obj in objects:
        by_type.setdefault(obj._meta.label_lower, []).append(str(obj.pk))
    about = reduce(or_, (Q(object_type=kind, object_id__in=ids) for kind, ids in by_type.items()), Q(pk__in=[]))
    return AuditEvent.objects.filter(about).select_related("actor").order_by("-occurred_at", "-id")


def audit_log_allowed(actor: "User | None") -> bool:
    """Province admins and superusers read the audit log; it is not part of any other role."""
    if actor is None or not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return False
    return action_provinces(actor, Action.AUDIT_LOG) != []


def audit_event_list(*, actor: "User", filters: Mapping[str, Any] | None = None) -> AuditEventFilterSet:
    """The audit log as `actor` may read it, newest first, filtered; returns the bound filter set (.qs is the
    result). A superuser reads every event; a province admin the events that belong to their province: those about
    its clients, LKS, meetings and referrals, and those of users who held a role in it when they acted (`provinces`,
    fixed when the event was written, so that a role ended or moved since keeps its trail where it was). Events
    with no place (the system's or a superuser's, about nothing located) are for superusers only."""
    if not audit_log_allowed(actor):
        raise PermissionDenied(_("Hanya admin provinsi yang boleh membaca log audit."))
    events = AuditEvent.objects.select_related("actor").order_by("-occurred_at", "-id")
    provinces = action_provinces(actor, Action.AUDIT_LOG)
    if provinces is not None:
        events = events.filter(events_of_provinces_q(provinces))
    return AuditEventFilterSet(filters or {}, queryset=events)


def events_of_provinces_q(provinces: list[str]) -> Q:
    """Events that belong to any of these provinces (AuditEvent.provinces: ",62,63,")."""
    return reduce(or_, (Q(provinces__contains=f",{code},") for code in provinces), Q(pk__in=[]))


def audit_event_count(
    *, action: str, since: datetime.datetime, ip_address: str | None = None, data: Mapping[str, Any] | None = None
) -> int:
    """How many events of this action were recorded since `since`, from this address and with these values in their
    data, for limits counted on the audit log itself (password-reset requests): every process sees the same count."""
    events = AuditEvent.objects.filter(action=action, occurred_at__gte=since)
    if ip_address is not None:
        events = events.filter(ip_address=ip_address)
    for key, value in (data or {}).items():
        events = events.filter(**{f"data__{key}": value})
    return events.count()
