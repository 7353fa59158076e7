"""Ids that pages send back (a hidden field, a link's query), read as the server expects them."""

from django.http import HttpRequest


def as_id(value: object) -> int:
    """`value` as a row's id, or 0, which no row has, for anything else. `str.isdigit` is not enough: it admits "²"
    and other digits that `int` refuses, and any length, which the database refuses; both made the lookup raise,
    an error page instead of "not found"."""
    text = str(value) if value is not None else ""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else 0


def posted_id(request: HttpRequest, name: str) -> int:
    """The id a form posts in `name` (a hidden field naming the row to act on), or 0 (see as_id): a value tampered
    with or mangled on the way ("33\\x00") is not found."""
    return as_id(request.POST.get(name, ""))
