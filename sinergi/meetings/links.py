"""Addresses of a participant's secret links (RSVP and per-day check-in), relative and absolute."""

import datetime

from django.conf import settings
from django.urls import reverse

from .models import Participant


def rsvp_path(participant: Participant) -> str:
    return reverse("meetings:rsvp", kwargs={"token": participant.token})


def checkin_path(participant: Participant, date: datetime.date) -> str:
    return reverse("meetings:checkin", kwargs={"token": participant.token, "day": date.isoformat()})


def absolute(path: str, base_url: str | None = None) -> str:
    """`path` on this installation; e-mails are sent outside a request, so the base comes from the settings."""
    return f"{(base_url or settings.SINERGI.get('BASE_URL', '')).rstrip('/')}{path}"
