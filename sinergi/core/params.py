"""Values that pages send back in hidden fields, read as the server expects them."""

from django.http import HttpRequest


def posted_id(request: HttpRequest, name: str) -> int:
    """The id a form posts in `name` (a hidden field naming the row to act on), or 0, which no row has, for anything
    else: a value tampered with or mangled on the way ("33\\x00") made the lookup raise, an error page instead of
    "not found"."""
    value = request.POST.get(name, "")
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 18 else 0
