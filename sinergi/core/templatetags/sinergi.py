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
