"""Reads of meetings, always scoped.

Who sees a meeting: those whose scope covers its organiser board (`restrict`, the organisers and their
supervisors), plus those it concerns — invited users, users of an invited organisation and users of an
organisation that owns one of its action items. Only the first group sees participants' contacts and attendance.
"""

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from sinergi.accounts.models import ORGANISATION_ROLES, Role, User
from sinergi.accounts.scope import Action, active_memberships, can, restrict
from sinergi.notifications.services import users_holding
from sinergi.organisations.choices import OrganisationKind, OrganisationStatus
from sinergi.organisations.models import Organisation

from .choices import ACTION_PENDING, ActionStatus, MeetingStatus
from .filters import MeetingFilterSet
from .models import ActionItem, ActionItemReview, Attendance, Meeting, MeetingDay, Participant

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

# Region roles that act for the LKKKS board of their region (its officers and the province secretariat).
BOARD_ROLES = {Role.PROVINCE_ADMIN, Role.REGENCY_BOARD}


def spoken_for_q(actor: "User", prefix: str = "") -> Q:
    """A filter on organisations (through `prefix`, e.g. "owner__") for those `actor` acts for: their own
    organisation, or the LKKKS board of the region of their province-admin or kabupaten/kota board membership."""
    condition = Q(**{f"{prefix}pk__in": []})
    for membership in active_memberships(actor):
        if membership.organisation_id:
            condition |= Q(**{f"{prefix}pk": membership.organisation_id})
        elif membership.region_id and membership.role in BOARD_ROLES:
            code = membership.region_id
            located = (
                {f"{prefix}province_code": code, f"{prefix}regency_code": ""}
                if len(code) == 2
                else {f"{prefix}regency_code": code}
            )
            condition |= Q(**located, **{f"{prefix}kind": OrganisationKind.LKKKS})
    return condition


def organisations_spoken_for(actor: "User") -> set[int]:
    """Ids of the organisations `actor` acts for (see `spoken_for_q`)."""
    if not active_memberships(actor):
        return set()
    return set(Organisation.objects.filter(spoken_for_q(actor)).values_list("pk", flat=True))


def organisation_users(organisation: Organisation) -> QuerySet[User]:
    """The users who act for an organisation: a board's officers by region, anyone else by membership."""
    if organisation.kind == OrganisationKind.LKKKS:
        if organisation.regency_code:
            # A board seat is always bound to its kabupaten/kota; the same user's roles elsewhere (Dinas Sosial at the
            # province, say) do not take them off their board.
            return users_holding(
                roles=[Role.REGENCY_BOARD], region_code=organisation.regency_code, organisation_id=organisation.pk
            )
        return users_holding(
            roles=[Role.PROVINCE_ADMIN], region_code=organisation.province_code, organisation_id=organisation.pk
        )
    return users_holding(roles=list(ORGANISATION_ROLES), organisation_id=organisation.pk)


def _concerning_q(actor: "User | None") -> Q:
    """Meetings that concern the actor without their scope covering the organiser."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return Q(pk__in=[])
    orgs = organisations_spoken_for(actor)
    return (
        Q(pk__in=Participant.objects.filter(user=actor).values("meeting_id"))
        | Q(pk__in=Participant.objects.filter(organisation_id__in=orgs).values("meeting_id"))
        | Q(pk__in=ActionItem.objects.filter(owner_id__in=orgs).values("meeting_id"))
    )


def meeting_queryset(*, actor: "User") -> QuerySet[Meeting]:
    """Every meeting the actor may see (scope or concern), with the organiser."""
    scoped = restrict(Meeting.objects.all(), actor=actor, action=Action.VIEW)
    return (
        Meeting.objects.filter(Q(pk__in=scoped.values("pk")) | _concerning_q(actor))
        .select_related("organiser")
        .order_by("-starts_on", "-pk")
    )


def meeting_list(*, actor: "User", filters: dict | None = None) -> MeetingFilterSet:
    """The meetings the actor may see, filtered; the bound filter set's .qs is the result."""
    return MeetingFilterSet(filters or {}, queryset=meeting_queryset(actor=actor))


def meeting_get(*, actor: "User", pk: int) -> Meeting:
    """One meeting, or 404 when it does not exist or the actor may not see it (no existence leak)."""
    return get_object_or_404(
        meeting_queryset(actor=actor).prefetch_related(
            "days",
            "agenda_items",
            "decisions",
            Prefetch("action_items", queryset=ActionItem.objects.select_related("owner", "decision")),
        ),
        pk=pk,
    )


@dataclass(frozen=True)
class MeetingAccess:
    """What the actor may do with one meeting."""

    may_change: bool  # organise: agenda, participants, attendance, minutes, decisions, action items
    may_see_all: bool  # participants' contacts, attendance, draft minutes
    participant: Participant | None  # the actor's own invitation, if any
    organisation_ids: frozenset[int]  # organisations the actor acts for (owners of action items)


def meeting_access(*, actor: "User", meeting: Meeting) -> MeetingAccess:
    may_change = can(actor, Action.CHANGE, meeting)
    return MeetingAccess(
        may_change=may_change,
        may_see_all=may_change or can(actor, Action.VIEW, meeting),
        participant=Participant.objects.filter(meeting=meeting, user=actor).first() if actor.is_authenticated else None,
        organisation_ids=frozenset(organisations_spoken_for(actor)),
    )


def organiser_choices(*, actor: "User") -> QuerySet[Organisation]:
    """LKKKS boards the actor may organise meetings for (their region's board, or any in their province)."""
    condition = Q(pk__in=[])
    for membership in active_memberships(actor):
        if membership.role not in BOARD_ROLES or not membership.region_id:
            continue
        code = membership.region_id
        if membership.role == Role.PROVINCE_ADMIN and len(code) == 2:
            condition |= Q(province_code=code)
        elif len(code) == 5:
            condition |= Q(regency_code=code)
    if getattr(actor, "is_superuser", False):
        condition = Q()
    return (
        Organisation.objects.filter(condition, kind=OrganisationKind.LKKKS)
        .exclude(status=OrganisationStatus.INACTIVE)
        .order_by("regency_code", "name")
    )


def may_organise(actor: "User") -> bool:
    return organiser_choices(actor=actor).exists()


def participants_of(*, meeting: Meeting) -> QuerySet[Participant]:
    return meeting.participants.select_related("organisation", "user").order_by("name", "pk")


def participant_by_token(token: str) -> Participant:
    """The participant holding this secret token; 404 for any other string."""
    return get_object_or_404(
        Participant.objects.select_related("meeting", "meeting__organiser", "organisation"), token=token
    )


def participant_link_expired(participant: Participant, *, now: datetime.datetime | None = None) -> bool:
    """Whether the invitee's links (RSVP, self check-in) have ended: SINERGI["MEETING_LINK_DAYS_AFTER_CLOSE"] days
    after their meeting was closed. Until then an invitee may look up the meeting they attended; after, the page
    would only show their name and organisation to whoever finds the link in an old mailbox or a browser's history,
    and there is nothing left to answer or check in. Reopening the meeting gives the links back until it is closed
    again."""
    meeting = participant.meeting
    if meeting.status != MeetingStatus.CLOSED or meeting.closed_at is None:
        return False
    days = settings.SINERGI["MEETING_LINK_DAYS_AFTER_CLOSE"]
    return meeting.closed_at < (now or timezone.now()) - datetime.timedelta(days=days)


def meeting_day_by_date(*, meeting: Meeting, value: str) -> MeetingDay:
    """The meeting's day for a YYYY-MM-DD string; 404 when the meeting has no such day."""
    try:
        date = datetime.date.fromisoformat(value)
    except ValueError as error:
        raise Http404 from error
    return get_object_or_404(MeetingDay, meeting=meeting, date=date)


@dataclass
class AttendanceRow:
    participant: Participant
    present: list[Attendance | None]  # one entry per day, in day order


def attendance_sheet(*, meeting: Meeting) -> tuple[list[MeetingDay], list[AttendanceRow]]:
    """Participants × days with who was present, in two queries."""
    days = list(meeting.days.all())
    marks = {
        (a.participant_id, a.day_id): a for a in Attendance.objects.filter(day__meeting=meeting).select_related("day")
    }
    rows = [
        AttendanceRow(participant=p, present=[marks.get((p.pk, d.pk)) for d in days])
        for p in participants_of(meeting=meeting)
    ]
    return days, rows


def review_list(*, meeting: Meeting) -> QuerySet[ActionItemReview]:
    """Action items of earlier meetings carried onto this meeting for review."""
    return meeting.action_reviews.select_related(
        "action_item", "action_item__owner", "action_item__meeting", "reviewed_by"
    ).order_by("action_item__meeting__starts_on", "action_item__due_on", "pk")


def action_item_queryset(*, actor: "User") -> QuerySet[ActionItem]:
    """Action items of the meetings the actor may see."""
    return ActionItem.objects.filter(meeting__in=meeting_queryset(actor=actor).values("pk")).select_related(
        "meeting", "owner", "decision"
    )


def action_item_get(*, actor: "User", pk: int) -> ActionItem:
    return get_object_or_404(action_item_queryset(actor=actor), pk=pk)


def my_action_items(*, actor: "User", include_closed: bool = False) -> QuerySet[ActionItem]:
    """Action items owned by the organisations the actor acts for ("Tindak lanjut rapat")."""
    items = ActionItem.objects.filter(spoken_for_q(actor, "owner__")).select_related("meeting", "owner", "decision")
    if not include_closed:
        items = items.filter(status__in=ACTION_PENDING)
    return items.order_by("due_on", "pk")


def my_overdue_action_items(*, actor: "User | AnonymousUser | None", today: datetime.date) -> list[ActionItem]:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return []
    return list(my_action_items(actor=actor).filter(due_on__lt=today))


def is_overdue(item: ActionItem, today: datetime.date) -> bool:
    return item.status in ACTION_PENDING and item.due_on is not None and item.due_on < today


__all__ = [
    "ActionStatus",
    "MeetingAccess",
    "action_item_get",
    "attendance_sheet",
    "meeting_get",
    "meeting_list",
    "my_action_items",
    "organisation_users",
    "organisations_spoken_for",
]
