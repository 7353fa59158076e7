"""Reads of referrals, always scoped: a referral is seen from both ends (sender's and receiver's scope), and what
of the person each viewer may see is decided here, once (`referral_levels`).

Levels: FULL — the sender (it sees everything it sent); SHARED — what the sender chose to share, for the receiving
LKS once it has accepted and for boards whose role allows them the person's data (people's PERSON_VIEW rule);
SUMMARY — age, sex, PPKS category, urgency, reason and kabupaten/kota of origin: no name, no NIK.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from sinergi.accounts.models import Role
from sinergi.accounts.scope import Action, ScopeFields, active_memberships, scope_q
from sinergi.core.params import as_id
from sinergi.organisations.choices import OrganisationKind
from sinergi.people.selectors import person_list

from .choices import RECEIVED_STATUSES, ReferralStatus, Urgency
from .models import Intake, Referral

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.organisations.models import Organisation

SENDER_FIELDS = ScopeFields(
    province="from_province_code", regency="from_regency_code", organisation="from_organisation_id"
)
RECEIVER_FIELDS = ScopeFields(province="to_province_code", regency="to_regency_code", organisation="to_organisation_id")
# Referrals carry person-level data, so the roles that may see people may see them (Dinas Sosial sees counts only).
VIEW_ACTION = Action.PERSON_VIEW

FULL = "full"
SHARED = "shared"
SUMMARY = "summary"


def _or(*conditions: Q | None) -> Q | None:
    present = [c for c in conditions if c is not None]
    if not present:
        return None
    combined = present[0]
    for condition in present[1:]:
        combined |= condition
    return combined


def referral_scope_q(actor: "User", *, side: str = "both") -> Q | None:
    """Rows the actor may see: located at the sender's end, the receiver's end, or either ("both")."""
    sender = scope_q(actor, VIEW_ACTION, SENDER_FIELDS) if side in ("both", "outbox") else None
    receiver = scope_q(actor, VIEW_ACTION, RECEIVER_FIELDS) if side in ("both", "inbox") else None
    return _or(sender, receiver)


def referral_base_queryset() -> QuerySet[Referral]:
    return Referral.objects.select_related(
        "from_organisation", "to_organisation", "ppks_category", "person", "from_placement", "new_placement"
    )


def referral_list(*, actor: "User", box: str = "both", filters: dict | None = None) -> QuerySet[Referral]:
    """Referrals the actor may see; box "inbox" (received in scope), "outbox" (sent from scope) or "both"."""
    condition = referral_scope_q(actor, side=box if box in ("inbox", "outbox") else "both")
    if condition is None:
        return Referral.objects.none()
    queryset = referral_base_queryset().filter(condition)
    filters = filters or {}
    if (status := filters.get("status")) in ReferralStatus.values:
        queryset = queryset.filter(status=status)
    if (urgency := filters.get("urgency")) in Urgency.values:
        queryset = queryset.filter(urgency=urgency)
    if filters.get("overdue") in ("1", "true", True):
        queryset = queryset.filter(status=ReferralStatus.SENT, due_at__lt=timezone.now())
    if person := filters.get("person"):
        if not (person := as_id(person)):
            return Referral.objects.none()
        queryset = queryset.filter(person_id=person)
        if not person_list(actor=actor).qs.filter(pk=person).exists():
            # Of a person the actor may not see, only the referrals they sent (the client moved on to the receiver):
            # a receiver shown the summary alone must not learn, by trying ids, which person a referral is about.
            queryset = queryset.filter(Q(from_organisation_id__in=operated_organisation_ids(actor)) | Q(sent_by=actor))
    return queryset.order_by("-sent_at", "-pk")


def referral_get(*, actor: "User", pk) -> Referral:
    """One referral in the actor's scope (either end), or 404 — no existence leak."""
    return get_object_or_404(referral_list(actor=actor), pk=pk)


def _is_superuser(actor: "User | None") -> bool:
    return actor is not None and getattr(actor, "is_superuser", False) and actor.is_active


def acts_for(actor: "User", organisation) -> bool:
    """Whether the actor may send referrals in the name of `organisation`: operators for their LKS, board members
    (and province administrators) for the LKKKS board of their own region."""
    if _is_superuser(actor):
        return True
    for membership in active_memberships(actor):
        if membership.role == Role.LKS_OPERATOR and membership.organisation_id == organisation.pk:
            return True
        if (
            organisation.kind == OrganisationKind.LKKKS
            and membership.role in (Role.REGENCY_BOARD, Role.PROVINCE_ADMIN)
            and membership.region_id
            and membership.region_id == (organisation.regency_code or organisation.province_code)
        ):
            return True
    return False


def _sent_for_it(actor: "User | None", referral: Referral) -> bool:
    """Whether the actor sent the referral and still acts for its sending organisation (a board member for their
    board; someone who has left the LKS or the board no longer does)."""
    return actor is not None and referral.sent_by_id == actor.pk and acts_for(actor, referral.from_organisation)


def operated_organisation_ids(actor: "User") -> set[int]:
    """The LKS (or other organisations) the actor operates through an organisation membership."""
    return {m.organisation_id for m in active_memberships(actor) if m.role == Role.LKS_OPERATOR and m.organisation_id}


def own_lks_for_search(actor: "User") -> "Organisation | None":
    """Where a capacity search starts when it is not told: an LKS operator searches from their own LKS (the first, for
    one who operates several), as the page and the API both do."""
    from sinergi.organisations.models import Organisation

    return Organisation.objects.filter(pk__in=operated_organisation_ids(actor)).order_by("pk").first()


def referral_levels(*, actor: "User", referrals: Iterable[Referral]) -> dict[int, str]:
    """What of the person each referral shows to `actor` (FULL, SHARED or SUMMARY), in at most one query."""
    referrals = list(referrals)
    operated = operated_organisation_ids(actor)
    superuser = _is_superuser(actor)
    person_ids = {r.person_id for r in referrals}
    visible_people = (
        set(person_list(actor=actor).qs.filter(pk__in=person_ids).values_list("pk", flat=True))
        if person_ids and not superuser
        else set()
    )
    levels: dict[int, str] = {}
    for referral in referrals:
        person = referral.person
        if person.erased_at is not None or person.is_restricted:
            level = SUMMARY
        elif superuser or referral.from_organisation_id in operated or _sent_for_it(actor, referral):
            level = FULL
        elif referral.person_id in visible_people or (
            referral.to_organisation_id in operated and referral.status in RECEIVED_STATUSES
        ):
            # A receiver sees what was shared once it accepted; one who may see the person anyway (a board member who
            # also operates the receiving LKS) is not shown less for being the receiver too.
            level = SHARED
        else:
            level = SUMMARY
        levels[referral.pk] = level
    return levels


def referral_level(*, actor: "User", referral: Referral) -> str:
    return referral_levels(actor=actor, referrals=[referral])[referral.pk]


def referral_role(*, actor: "User", referral: Referral) -> set[str]:
    """Which end(s) the actor acts for: "sender" may cancel (and answer for a service), "receiver" answers."""
    roles: set[str] = set()
    if _is_superuser(actor):
        return {"sender", "receiver"}
    operated = operated_organisation_ids(actor)
    if referral.from_organisation_id in operated or _sent_for_it(actor, referral):
        roles.add("sender")
    if referral.to_organisation_id and referral.to_organisation_id in operated:
        roles.add("receiver")
    if referral.is_to_service and "sender" in roles:
        # Nobody at a hospital or a school uses Sinergi: the sender records the service's answer.
        roles.add("receiver")
    return roles


def referrals_for_person(*, actor: "User", person) -> QuerySet[Referral]:
    """The referrals of one person that the actor may see (for the person's page)."""
    return referral_list(actor=actor, filters={"person": person.pk})


def inbox_waiting_count(*, actor: "User") -> int:
    """Referrals waiting for an answer from an LKS the actor operates."""
    operated = operated_organisation_ids(actor)
    if not operated:
        return 0
    return Referral.objects.filter(to_organisation_id__in=operated, status=ReferralStatus.SENT).count()


def intake_for(organisation) -> Intake | None:
    return Intake.objects.filter(organisation=organisation).first()


def sending_organisations(*, actor: "User") -> QuerySet:
    """Organisations the actor may send referrals for: the LKS it operates, or the LKKKS board of its region."""
    from sinergi.organisations.choices import LKS_KINDS, OrganisationKind, OrganisationStatus
    from sinergi.organisations.models import Organisation

    queryset = Organisation.objects.exclude(status=OrganisationStatus.INACTIVE)
    if _is_superuser(actor):
        return queryset.filter(Q(kind__in=LKS_KINDS) | Q(kind=OrganisationKind.LKKKS)).order_by("name")
    condition = Q(pk__in=operated_organisation_ids(actor))
    for membership in active_memberships(actor):
        if membership.role not in (Role.REGENCY_BOARD, Role.PROVINCE_ADMIN) or not membership.region_id:
            continue
        code = membership.region_id
        board = Q(kind=OrganisationKind.LKKKS)
        condition |= board & (Q(province_code=code, regency_code="") if len(code) == 2 else Q(regency_code=code))
    return queryset.filter(condition).order_by("name")
