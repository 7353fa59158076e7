from django.http import HttpRequest

from .selectors import unread_count


def notifications(request: HttpRequest) -> dict:
    """The unread count for the navigation badge (one indexed COUNT per page)."""
    user = getattr(request, "user", None)
    return {"unread_notifications": unread_count(user=user) if user is not None else 0}
