"""What the referral writes share: problem collection, who acts for an organisation, deadlines, events, audit
and the recipients of notifications."""

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from sinergi.accounts.models import Role
from sinergi.audit.services import audit_record
from sinergi.core.errors import ValidationError
from sinergi.notifications.services import users_holding
from sinergi.people import services as people_services
from sinergi.people.choices import AccessPurpose, PlacementStatus
from sinergi.people.models import Person, Placement

from ..choices import (
    DEFAULT_RESPONSE_HOURS,
)
from ..models import Referral, ReferralEvent
from ..selectors import acts_for

if TYPE_CHECKING:
    from sinergi.accounts.models import User

MAX_REASON = 2000
MAX_TEXT = 4000
MAX_SHORT = 300
MAX_AGE = 120


class _Problems:
    """Collects every problem of one request so the user sees them all at once."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def response_hours() -> dict[str, int]:
    """Hours to answer per urgency: the defaults, overridden by settings.SINERGI["REFERRAL_RESPONSE_HOURS"]."""
    return {**DEFAULT_RESPONSE_HOURS, **(settings.SINERGI.get("REFERRAL_RESPONSE_HOURS") or {})}


def _text(data: dict, name: str, problems: _Problems, *, limit: int, required: str = "") -> str:
    value = (data.get(name) or "").strip()
    if required and not value:
        problems.add(name, required)
    if len(value) > limit:
        problems.add(name, _("Paling banyak %(limit)d karakter.") % {"limit": limit})
    return value


def client_age(person: Person, on: datetime.date) -> int | None:
    return people_services.age_on(person.birth_date, on) if person.birth_date else None


def active_placement(person: Person) -> Placement | None:
    return (
        Placement.objects.filter(person=person, organisation_id=person.organisation_id, status=PlacementStatus.ACTIVE)
        .select_related("ppks_category")
        .order_by("-admitted_on", "-pk")
        .first()
    )


def _link(referral: Referral) -> str:
    return reverse("referrals:detail", args=[referral.pk])


def _event(
    referral: Referral, kind: str, *, actor: "User | None", at: datetime.datetime, note: str = ""
) -> ReferralEvent:
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    return ReferralEvent.objects.create(
        referral=referral,
        kind=kind,
        at=at,
        actor=actor if is_user else None,
        actor_name=actor.get_username() if is_user else "",
        note=note[:MAX_SHORT],
    )


def _audit(*, actor: "User | None", action: str, referral: Referral, changes=None, data=None, request=None) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=referral,
        object_repr=f"Rujukan #{referral.pk}",
        changes=changes,
        data=data,
        purpose=AccessPurpose.CASE_REVIEW,
        request=request,
    )


def _sender_users(referral: Referral):
    """Who hears back: the sending organisation's operators and the user who sent it, while they still act for it
    (an operator who has left the LKS hears no more of the referrals they sent there)."""
    users = list(users_holding(roles=[Role.LKS_OPERATOR], organisation_id=referral.from_organisation_id))
    sender = referral.sent_by
    if sender is not None and sender.pk not in {u.pk for u in users} and acts_for(sender, referral.from_organisation):
        users.append(sender)
    return users


def _receiver_users(referral: Referral):
    if not referral.to_organisation_id:
        return []
    return list(users_holding(roles=[Role.LKS_OPERATOR], organisation_id=referral.to_organisation_id))
