from datetime import datetime, timedelta

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def whole_minutes(value: timedelta | None) -> int:
    """A duration in whole minutes, rounded up (a lockout of 14.5 minutes is announced as 15)."""
    if not value:
        return 0
    return int(-(-value.total_seconds() // 60))


@register.filter
def from_now(value: timedelta | None) -> datetime | None:
    """The moment this duration from now ends (for "try again after 14.35")."""
    return timezone.now() + value if value else None
