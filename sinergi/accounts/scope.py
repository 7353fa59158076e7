"""The one place that decides which rows an actor may see or act on.

Every list, detail, export, API call and statistic restricts its queryset through `restrict()`.
Denial is the default: an action not listed for a role, or an actor with no active membership, sees nothing.
"""

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser
from django.db.models import Model, Q, QuerySet

from .models import Membership, Role

if TYPE_CHECKING:
    from sinergi.core.actors import SystemActor

    from .models import User


class Action:
    VIEW = "view"
    CHANGE = "change"
    CREATE = "create"
    VERIFY = "verify"
    DEACTIVATE = "deactivate"
    EXPORT = "export"
    VIEW_AUDIT = "view_audit"
    # The whole audit log (/audit/), beyond one object's history: who exported, imported or changed what.
    AUDIT_LOG = "audit.log"
    MANAGE_USERS = "manage_users"
    # Person-level data (clients, workers): separate actions, because roles differ from the registry's.
    PERSON_VIEW = "people.view"
    PERSON_CHANGE = "people.change"
    PERSON_CREATE = "people.create"
    PERSON_EXPORT = "people.export"
    PERSON_FULL_NIK = "people.full_nik"
    INCIDENT_VIEW = "people.incident_view"
    DUPLICATE_RESOLVE = "people.duplicate_resolve"
    SUBJECT_REQUEST = "people.subject_request"
    AGGREGATE_VIEW = "people.aggregate_view"


# Which roles may perform an action at all; the membership's region or organisation then limits the rows.
ACTION_ROLES: dict[str, set[str]] = {
    Action.VIEW: {Role.PROVINCE_ADMIN, Role.REGENCY_BOARD, Role.DINSOS_VIEWER, Role.LKS_OPERATOR},
    Action.EXPORT: {Role.PROVINCE_ADMIN, Role.REGENCY_BOARD, Role.DINSOS_VIEWER, Role.LKS_OPERATOR},
    Action.VIEW_AUDIT: {Role.PROVINCE_ADMIN, Role.REGENCY_BOARD, Role.DINSOS_VIEWER, Role.LKS_OPERATOR},
    Action.CHANGE: {Role.PROVINCE_ADMIN, Role.REGENCY_BOARD, Role.LKS_OPERATOR},
    Action.CREATE: {Role.PROVINCE_ADMIN, Role.REGENCY_BOARD},
    Action.VERIFY: {Role.PROVINCE_ADMIN, Role.REGENCY_BOARD},
    Action.DEACTIVATE: {Role.PROVINCE_ADMIN, Role.REGENCY_BOARD},
    Action.MANAGE_USERS: {Role.PROVINCE_ADMIN},
    Action.AUDIT_LOG: {Role.PROVINCE_ADMIN},
    # An LKS sees and keeps its own clients and workers; boards see them where resolving duplicates or
    # supervising needs it (every such view is logged with its purpose); Dinas Sosial sees counts and incidents.
    Action.PERSON_VIEW: {Role.PROVINCE_ADMIN, Role.REGENCY_BOARD, Role.LKS_OPERATOR},
    Action.PERSON_CHANGE: {Role.PROVINCE_ADMIN, Role.LKS_OPERATOR},
    Action.PERSON_CREATE: {Role.LKS_OPERATOR, Role.PROVINCE_ADMIN},
    Action.PERSON_EXPORT: {Role.PROVINCE_ADMIN, Role.LKS_OPERATOR},
    Action.PERSON_FULL_NIK: {Role.LKS_OPERATOR},
    Action.INCIDENT_VIEW: {Role.PROVINCE_ADMIN, Role.REGENCY_BOARD, Role.DINSOS_VIEWER, Role.LKS_OPERATOR},
    Action.DUPLICATE_RESOLVE: {Role.PROVINCE_ADMIN, Role.REGENCY_BOARD},
    Action.SUBJECT_REQUEST: {Role.PROVINCE_ADMIN},
    Action.AGGREGATE_VIEW: {Role.PROVINCE_ADMIN, Role.REGENCY_BOARD, Role.DINSOS_VIEWER, Role.LKS_OPERATOR},
}


@dataclass(frozen=True)
class ScopeFields:
    """How a model is located: the names of its province/kabupaten code fields and its organisation key."""

    province: str = "province_code"
    regency: str = "regency_code"
    organisation: str | None = None  # e.g. "pk" for Organisation itself, "organisation_id" for its children


_SCOPE_FIELDS: dict[type[Model], ScopeFields] = {}


def register_scope(model: type[Model], fields: ScopeFields) -> None:
    """Declares how rows of `model` are scoped; called once from the owning app's AppConfig.ready()."""
    _SCOPE_FIELDS[model] = fields


def active_memberships(actor: "User | AnonymousUser | SystemActor | None") -> list[Membership]:
    if actor is None or isinstance(actor, AnonymousUser) or not actor.is_authenticated or not actor.is_active:
        return []
    cached = getattr(actor, "_active_memberships", None)
    if cached is None:
        cached = list(actor.memberships.filter(is_active=True).select_related("region", "organisation"))
        actor._active_memberships = cached
    return cached


def access_key(actor: "User | AnonymousUser | SystemActor | None") -> str:
    """A digest of what the actor may see: their active roles, each with its region and LKS (and whether they are a
    superuser). Equal while nothing of it changed: a file or page kept from an earlier run (an export, an import's
    rows) is handed over only while it is."""
    held = sorted(f"{m.role}|{m.region_id or ''}|{m.organisation_id or ''}" for m in active_memberships(actor))
    if getattr(actor, "is_superuser", False):
        held.append("superuser")
    return hashlib.sha256("\n".join(held).encode()).hexdigest()


def roles_of(actor: "User | AnonymousUser | SystemActor | None") -> set[str]:
    return {m.role for m in active_memberships(actor)}


def scope_q(actor: "User | AnonymousUser | SystemActor | None", action: str, fields: ScopeFields) -> Q | None:
    """A filter for the rows `actor` may perform `action` on, Q() for all, or None for none."""
    if actor is not None and getattr(actor, "is_superuser", False) and actor.is_active:
        return Q()
    allowed_roles = ACTION_ROLES.get(action, set())
    condition: Q | None = None
    for membership in active_memberships(actor):
        if membership.role not in allowed_roles:
            continue
        if membership.region_id:
            code = membership.region_id
            part = Q(**{fields.province: code}) if len(code) == 2 else Q(**{fields.regency: code[:5]})
        elif membership.organisation_id and fields.organisation:
            part = Q(**{fields.organisation: membership.organisation_id})
        else:
            continue
        condition = part if condition is None else condition | part
    return condition


def restrict(queryset: QuerySet, *, actor: "User | AnonymousUser | SystemActor | None", action: str) -> QuerySet:
    """`queryset` limited to the rows `actor` may perform `action` on; empty when nothing is allowed."""
    fields = _SCOPE_FIELDS.get(queryset.model)
    if fields is None:
        raise LookupError(f"{queryset.model.__name__} has no registered scope; refusing to guess.")
    condition = scope_q(actor, action, fields)
    if condition is None:
        return queryset.none()
    return queryset.filter(condition)


def can(actor: "User | AnonymousUser | SystemActor | None", action: str, obj: Model) -> bool:
    """Whether `actor` may perform `action` on this one object (same rule as `restrict`)."""
    return restrict(type(obj)._default_manager.filter(pk=obj.pk), actor=actor, action=action).exists()


def region_scope_codes(
    actor: "User | AnonymousUser | SystemActor | None", action: str = Action.VIEW
) -> list[str] | None:
    """Region code prefixes the actor may see aggregates for; None means everything (superuser)."""
    if actor is not None and getattr(actor, "is_superuser", False):
        return None
    codes: list[str] = []
    for membership in active_memberships(actor):
        if membership.role not in ACTION_ROLES.get(action, set()):
            continue
        if membership.region_id:
            codes.append(membership.region_id)
        elif membership.organisation_id and membership.organisation.regency_code:
            codes.append(membership.organisation.regency_code)
    return codes


def region_allows(
    actor: "User | AnonymousUser | SystemActor | None", action: str, *, province_code: str, regency_code: str
) -> bool:
    """Whether `actor` may perform `action` on a (new) row located at these codes — for creates and moves."""
    if actor is not None and getattr(actor, "is_superuser", False) and actor.is_active:
        return True
    allowed_roles = ACTION_ROLES.get(action, set())
    for membership in active_memberships(actor):
        if membership.role not in allowed_roles or not membership.region_id:
            continue
        code = membership.region_id
        if (len(code) == 2 and code == province_code) or (len(code) == 5 and code == regency_code):
            return True
    return False


def region_allows_move(
    actor: "User | AnonymousUser | SystemActor | None",
    action: str,
    *,
    origin: tuple[str, str],
    destination: tuple[str, str],
) -> bool:
    """Whether `actor` may move a row from one kabupaten/kota to another (province, regency codes at each end): a
    region role over both ends. Operating the row's LKS is no say over its region: with a region role elsewhere, it
    would let one user carry an LKS, its clients and workers, out of sight of the board and admin of its region."""
    return all(
        region_allows(actor, action, province_code=province_code, regency_code=regency_code)
        for province_code, regency_code in (origin, destination)
    )


def action_provinces(actor: "User | AnonymousUser | SystemActor | None", action: str) -> list[str] | None:
    """Province codes where `actor` may perform `action` on users or their records as a province-wide role; None
    means everywhere (superuser), [] nowhere."""
    if actor is not None and getattr(actor, "is_superuser", False) and actor.is_active:
        return None
    allowed_roles = ACTION_ROLES.get(action, set())
    return sorted(
        {
            m.region_id
            for m in active_memberships(actor)
            if m.role in allowed_roles and m.region_id and len(m.region_id) == 2
        }
    )


def managed_provinces(actor: "User | AnonymousUser | SystemActor | None") -> list[str] | None:
    """Province codes whose users `actor` may manage; None means every user (superuser), [] means none."""
    return action_provinces(actor, Action.MANAGE_USERS)
