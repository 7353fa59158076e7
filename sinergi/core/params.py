"""Ids that pages send back (a hidden field, a link's query), read as the server expects them."""

import re

import django_filters
from django import forms
from django.http import HttpRequest

# The largest id a database holds (a signed 64-bit integer: SQLite's INTEGER, PostgreSQL's bigint).
LARGEST_ID = 2**63 - 1


def as_id(value: object) -> int:
    """`value` as a row's id, or 0, which no row has, for anything else. Read as a form's whole-number field reads
    it ("+5", "5.0", "٥" are 5), so that a list's filter (IdFilter) and its scope check agree on which LKS is meant.
    `str.isdigit` was not enough: it admits "²", which `int` refuses, and any length, which the database refuses;
    both made the lookup raise, an error page instead of "not found"."""
    text = re.sub(r"\.0*$", "", str(value if value is not None else "").strip())
    try:
        number = int(text)
    except ValueError:
        return 0
    return number if 0 < number <= LARGEST_ID else 0


def posted_id(request: HttpRequest, name: str) -> int:
    """The id a form posts in `name` (a hidden field naming the row to act on), or 0 (see as_id): a value tampered
    with or mangled on the way ("33\\x00") is not found."""
    return as_id(request.POST.get(name, ""))


class IdFilter(django_filters.NumberFilter):
    """A list filter naming a row by its id: a whole number a database id can be. A plain NumberFilter took
    "99999999999999999999999", which the database refuses (an error page); this one says what to write instead, in
    the user's language, as a form field would."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", LARGEST_ID)
        super().__init__(*args, **kwargs)
