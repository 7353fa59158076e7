from django import template

register = template.Library()


@register.filter
def is_number(value: object) -> bool:
    """Whether a report cell holds a number (right-aligned in tables)."""
    return isinstance(value, int | float) and not isinstance(value, bool)
