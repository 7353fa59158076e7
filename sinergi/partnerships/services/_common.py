"""Helpers the agreement writes and the status steps share: the history's before → after diff and today's date."""

import datetime
from typing import Any

from django.utils import timezone


def _diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    empty = (None, "", [])
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value and not (before.get(name) in empty and value in empty)
    }


def _today() -> datetime.date:
    return timezone.localdate()
