"""Ids read from pages and addresses: what a form's whole-number field reads is an id, anything else is none (0),
never an error."""

import pytest
from django import forms

from sinergi.core.params import LARGEST_ID, IdFilter, as_id


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("42", 42),
        (" 42 ", 42),
        ("+42", 42),
        ("42.0", 42),
        ("٤٢", 42),  # Arabic-Indic digits: int() and a form's field read them
        (42, 42),
        (str(LARGEST_ID), LARGEST_ID),
        (str(LARGEST_ID + 1), 0),  # more than a database id holds
        ("99999999999999999999999", 0),
        ("0", 0),
        ("-1", 0),
        ("²", 0),  # a digit to str.isdigit, not to int
        ("4²", 0),
        ("33\x00'\"<>", 0),
        ("abc", 0),
        ("4.5", 0),
        ("", 0),
        (None, 0),
        ("9" * 5000, 0),  # longer than int() reads at all
    ],
)
def test_as_id_reads_what_a_form_s_whole_number_field_reads_and_nothing_else(value, expected):
    assert as_id(value) == expected


@pytest.mark.parametrize("value", ["42", "+42", "42.0", "٤٢", "²", "0", "99999999999999999999999", "abc"])
def test_an_id_filter_and_as_id_agree_on_which_row_a_value_names(value):
    # A list's LKS filter (IdFilter) and its scope check (as_id) must mean the same LKS, or the scope check says
    # nothing while the filter finds an LKS outside the user's area (an empty list without a word)
    field = IdFilter().field
    try:
        filtered = field.clean(value)
    except forms.ValidationError:
        filtered = 0
    assert (filtered or 0) == as_id(value)
