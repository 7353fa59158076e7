"""Answering a referral along ALLOWED_TRANSITIONS: accept (moving the placement), decline, complete, cancel."""

import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from sinergi.accounts.scope import Action, can
from sinergi.core.errors import PermissionDenied, TransitionError, ValidationError
from sinergi.notifications.services import notify, translated
from sinergi.organisations.models import Organisation
from sinergi.people import services as people_services
from sinergi.people.choices import PlacementStatus
from sinergi.people.models import Person, Placement

from ..choices import (
    ALLOWED_TRANSITIONS,
    EVENT_FOR_STATUS,
    ReferralStatus,
)
from ..models import Referral
from ..selectors import referral_role
from ._common import (
    MAX_SHORT,
    _audit,
    _event,
    _link,
    _Problems,
    _receiver_users,
    _sender_users,
    _text,
)

if TYPE_CHECKING:
    from sinergi.accounts.models import User


def _locked(referral: Referral) -> Referral:
    # No select_related: PostgreSQL refuses FOR UPDATE on the nullable side of an outer join.
    return Referral.objects.select_for_update().get(pk=referral.pk)


def _begin(*, actor: "User", referral: Referral, to_status: str, side: str, refusal: str) -> Referral:
    current = _locked(referral)
    if side not in referral_role(actor=actor, referral=current):
        raise PermissionDenied(refusal)
    if to_status not in ALLOWED_TRANSITIONS.get(current.status, set()):
        raise TransitionError(
            _("Rujukan berstatus “%(from)s” tidak dapat menjadi “%(to)s”.")
            % {"from": current.get_status_display(), "to": ReferralStatus(to_status).label}
        )
    return current


def _finish(
    *,
    actor: "User",
    referral: Referral,
    before: str,
    stamp: str,
    note: str = "",
    data: dict | None = None,
    request: HttpRequest | None = None,
) -> Referral:
    now = timezone.now()
    setattr(referral, stamp, now)
    referral.save()
    kind = EVENT_FOR_STATUS[referral.status]
    _event(referral, kind, actor=actor, at=now, note=note)
    _audit(
        actor=actor,
        action=f"referrals.referral.{referral.status}",
        referral=referral,
        changes={"status": [before, referral.status]},
        data=data,
        request=request,
    )
    return referral


def _transfer_authority(actor: "User", referral: Referral, placement: Placement):
    """Who authorises moving the placement: the accepting user when it may change it (province, superuser),
    otherwise the user who sent the referral — the move is what they asked for. The accepting user stays the
    actor of the move in the history."""
    if can(actor, Action.PERSON_CHANGE, placement):
        return actor
    sender = referral.sent_by
    if sender is not None and sender.is_active and can(sender, Action.PERSON_CHANGE, placement):
        return sender
    raise PermissionDenied(
        _(
            "Penempatan tidak dapat dipindahkan: pengirim rujukan tidak lagi berwenang atas penempatan ini. "
            "Minta LKS pengirim mengirim ulang rujukan."
        )
    )


@transaction.atomic
def referral_accept(
    *, actor: "User", referral: Referral, on: datetime.date | None = None, request: HttpRequest | None = None
) -> Referral:
    """The receiver takes the client on. To an LKS: the placement moves there (the sender's ends as "transferred",
    a new one starts, the person is located at the receiver). To a service: the sender records the acceptance."""
    if referral.to_organisation_id:
        # Both LKS first, in id order, then the referral and the stay: the order of referral_send, placement_transfer
        # and an LKS's move (which holds the LKS, then updates its referrals and stays). Taking the referral first
        # deadlocked with a move of either LKS (the thirty-ninth review).
        # (with the stay's own LKS: a referral sent by a board, in the name of the LKKKS, moves a stay of an LKS)
        stay_lks = Placement.objects.filter(pk=referral.from_placement_id).values_list("organisation_id", flat=True)
        ends = {referral.from_organisation_id, referral.to_organisation_id, *stay_lks} - {None}
        list(Organisation.objects.select_for_update().filter(pk__in=ends).order_by("pk").values_list("pk"))
        # Then the client and the stay, before the referral: a merge of the client's records takes the person, the
        # stays, then moves their referrals, and the accept holding the referral first deadlocked with it (the
        # forty-third review).
        list(Person.objects.select_for_update().filter(pk=referral.person_id).values_list("pk"))
        list(Placement.objects.select_for_update().filter(pk=referral.from_placement_id).values_list("pk"))
    current = _begin(
        actor=actor,
        referral=referral,
        to_status=ReferralStatus.ACCEPTED,
        side="receiver",
        refusal=_("Hanya LKS tujuan yang dapat menerima rujukan ini."),
    )
    data: dict = {}
    if current.to_organisation_id:
        placement = current.from_placement
        if placement is None or placement.status != PlacementStatus.ACTIVE:
            raise ValidationError(
                {"__all__": [_("Penempatan asal sudah tidak aktif; rujukan tidak dapat diterima. Tolak rujukan ini.")]}
            )
        moved = people_services.placement_transfer(
            actor=actor,
            authorised_by=_transfer_authority(actor, current, placement),
            placement=placement,
            to_organisation=current.to_organisation,
            on=on or timezone.localdate(),
            request=request,
        )
        current.new_placement = moved
        data = {"from_placement": placement.pk, "new_placement": moved.pk}
    before = current.status
    current.status = ReferralStatus.ACCEPTED
    _finish(actor=actor, referral=current, before=before, stamp="accepted_at", data=data, request=request)
    if current.to_organisation_id:
        notify(
            recipients=_sender_users(current),
            kind="referrals.accepted",
            title=translated(
                _lazy("Rujukan #%(number)s diterima oleh %(receiver)s"),
                number=current.pk,
                receiver=current.to_organisation.name,
            ),
            body=_lazy("Penempatan klien telah dipindahkan ke LKS tujuan."),
            link=_link(current),
            dedup_key=f"referral-{current.pk}-accepted",
        )
    return current


@transaction.atomic
def referral_decline(*, actor: "User", referral: Referral, reason: str, request: HttpRequest | None = None) -> Referral:
    """The receiver declines, saying why; the sender is told and may refer elsewhere."""
    current = _begin(
        actor=actor,
        referral=referral,
        to_status=ReferralStatus.DECLINED,
        side="receiver",
        refusal=_("Hanya LKS tujuan yang dapat menolak rujukan ini."),
    )
    problems = _Problems()
    text = _text({"reason": reason}, "reason", problems, limit=MAX_SHORT, required=_("Alasan penolakan wajib diisi."))
    problems.raise_if_any()
    before = current.status
    current.status = ReferralStatus.DECLINED
    current.decline_reason = text
    _finish(actor=actor, referral=current, before=before, stamp="declined_at", note=text, request=request)
    if current.to_organisation_id:
        notify(
            recipients=_sender_users(current),
            kind="referrals.declined",
            title=translated(
                _lazy("Rujukan #%(number)s ditolak oleh %(receiver)s"),
                number=current.pk,
                receiver=current.to_organisation.name,
            ),
            body=translated(_lazy("Alasan: %(reason)s"), reason=text),
            link=_link(current),
            dedup_key=f"referral-{current.pk}-declined",
        )
    return current


@transaction.atomic
def referral_complete(
    *, actor: "User", referral: Referral, note: str = "", request: HttpRequest | None = None
) -> Referral:
    """The receiver (for a service, the sender on its behalf) records that the referral has done its work."""
    current = _begin(
        actor=actor,
        referral=referral,
        to_status=ReferralStatus.COMPLETED,
        side="receiver",
        refusal=_("Hanya penerima rujukan yang dapat menyelesaikannya."),
    )
    problems = _Problems()
    text = _text({"note": note}, "note", problems, limit=MAX_SHORT)
    problems.raise_if_any()
    before = current.status
    current.status = ReferralStatus.COMPLETED
    _finish(actor=actor, referral=current, before=before, stamp="completed_at", note=text, request=request)
    if current.to_organisation_id:
        notify(
            recipients=_sender_users(current),
            kind="referrals.completed",
            title=translated(_lazy("Rujukan #%(number)s selesai"), number=current.pk),
            body=text,
            link=_link(current),
            dedup_key=f"referral-{current.pk}-completed",
        )
    return current


@transaction.atomic
def referral_cancel(*, actor: "User", referral: Referral, reason: str, request: HttpRequest | None = None) -> Referral:
    """The sender withdraws a referral not yet answered."""
    current = _begin(
        actor=actor,
        referral=referral,
        to_status=ReferralStatus.CANCELLED,
        side="sender",
        refusal=_("Hanya pengirim yang dapat membatalkan rujukan ini."),
    )
    problems = _Problems()
    text = _text({"reason": reason}, "reason", problems, limit=MAX_SHORT, required=_("Alasan pembatalan wajib diisi."))
    problems.raise_if_any()
    before = current.status
    current.status = ReferralStatus.CANCELLED
    current.cancel_reason = text
    _finish(actor=actor, referral=current, before=before, stamp="cancelled_at", note=text, request=request)
    notify(
        recipients=_receiver_users(current),
        kind="referrals.cancelled",
        title=translated(_lazy("Rujukan #%(number)s dibatalkan oleh pengirim"), number=current.pk),
        body=translated(_lazy("Alasan: %(reason)s"), reason=text),
        link=_link(current),
        dedup_key=f"referral-{current.pk}-cancelled",
    )
    return current
