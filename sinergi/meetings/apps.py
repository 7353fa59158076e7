from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "sinergi.meetings"
    label = "meetings"

    def ready(self) -> None:
        from sinergi.accounts.scope import ScopeFields, register_scope

        from . import models

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
