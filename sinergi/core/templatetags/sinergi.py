from django import template
from django.http import QueryDict

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
