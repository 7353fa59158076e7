from typing import Any

from django import template
from django.http import QueryDict
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context: dict, **changes: object) -> str:
    """The current query string with some parameters replaced, for pagination and sort links."""
    params: QueryDict = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = str(value)
    return params.urlencode()


@register.filter
def get_item(mapping: dict, key: object) -> object:
    """mapping[key] in a template, or None."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.simple_tag
def form_key() -> SafeString:
    """The one-time key of a create form (sinergi.core.once): a new one each time the page is rendered."""
    from sinergi.core.once import FIELD, new_key

    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_key())


@register.simple_tag(takes_context=True)
def who_marker(context: dict) -> str:
    """The signed-in user's mark (sinergi.core.middleware.who_marker), for the page to compare with the cookie."""
    from sinergi.core.middleware import who_marker as marker

    request = context.get("request")
    return marker(getattr(request, "user", None))


def _shown(value: Any, kind: str) -> str:
    from sinergi.core.dates import shown

    if value in (None, ""):
        return ""
    try:
        return shown(value, kind)
    except (AttributeError, TypeError, ValueError):  # not a date: shown as nothing, as Django's |date does
        return ""


# A date as pages write it in the reader's language (sinergi.core.dates.SHOWN_FORMATS): 07-12-2026 in Indonesian,
# 2026-12-07 in English. A datetime is converted to the page's time zone first, as by |date.
@register.filter(expects_localtime=True)
def shown_date(value: Any) -> str:
    return _shown(value, "date")


@register.filter(expects_localtime=True)
def shown_datetime(value: Any) -> str:
    return _shown(value, "datetime")


@register.filter(expects_localtime=True)
def shown_zoned(value: Any) -> str:
    """Date and time with the zone named: "07-12-2026 12:50 WITA", "2026-12-07 12:50 WITA"."""
    return _shown(value, "zoned")


@register.filter(expects_localtime=True)
def shown_weekday(value: Any) -> str:
    """The date with its weekday: "Senin, 07-12-2026", "Monday, 7 December 2026"."""
    return _shown(value, "weekday")
