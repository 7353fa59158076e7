"""Template tags of the meetings app, for pages of later apps (the dashboard) that show meeting facts."""

from django import template
from django.utils import timezone

from .. import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def my_overdue_action_items(context) -> list:
    """The signed-in user's organisations' overdue action items (empty for anyone else)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return selectors.my_overdue_action_items(actor=user, today=timezone.localdate())
