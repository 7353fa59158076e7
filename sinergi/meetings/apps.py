from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "sinergi.meetings"
    label = "meetings"

    def ready(self) -> None:
        from sinergi.accounts.scope import ScopeFields, register_scope
        from sinergi.audit.display import register_data_choices

        from . import models
        from .choices import ActionStatus

        # The audit log reads a follow-up's status in words.
        register_data_choices("status", ActionStatus.choices, actions=["meetings.action_item.reviewed"])

        # A meeting is located by its organiser board; its parts follow the meeting.
        register_scope(models.Meeting, ScopeFields(organisation="organiser_id"))
        register_scope(
            models.ActionItem,
            ScopeFields(
                province="meeting__province_code",
                regency="meeting__regency_code",
                organisation="meeting__organiser_id",
            ),
        )
