"""Writes of the meetings app. Every service checks the actor's authority, keeps to the allowed-transition tables,
and writes an audit record in the same transaction; e-mails leave only after the transaction commits."""

from ._common import DaySpec
from .meetings import agenda_item_add, agenda_item_remove, meeting_create, meeting_transition, meeting_update
from .participants import (
    attendance_record,
    attendance_self_check_in,
    meeting_invitations_send,
    participant_add,
    participant_remove,
    participant_rsvp,
    participants_invite_organisations,
)
from .records import (
    action_item_create,
    action_item_review,
    action_item_transition,
    decision_add,
    minutes_approve,
    minutes_save,
)
from .reminders import meetings_reminders

__all__ = [
    "DaySpec",
    "action_item_create",
    "action_item_review",
    "action_item_transition",
    "agenda_item_add",
    "agenda_item_remove",
    "attendance_record",
    "attendance_self_check_in",
    "decision_add",
    "meeting_create",
    "meeting_invitations_send",
    "meeting_transition",
    "meeting_update",
    "meetings_reminders",
    "minutes_approve",
    "minutes_save",
    "participant_add",
    "participant_remove",
    "participant_rsvp",
    "participants_invite_organisations",
]
