"""Meeting pages: thin translations between HTTP and the meetings services/selectors."""

from .actions import MyActionItemsView, action_item_status
from .meetings import MeetingCreateView, MeetingDetailView, MeetingListView, MeetingUpdateView, meeting_change
from .public import CheckInView, RsvpView
from .records import AttendanceView, MinutesView, attendance_pdf, minutes_approve, minutes_pdf

__all__ = [
    "AttendanceView",
    "CheckInView",
    "MeetingCreateView",
    "MeetingDetailView",
    "MeetingListView",
    "MeetingUpdateView",
    "MinutesView",
    "MyActionItemsView",
    "RsvpView",
    "action_item_status",
    "attendance_pdf",
    "meeting_change",
    "minutes_approve",
    "minutes_pdf",
]
