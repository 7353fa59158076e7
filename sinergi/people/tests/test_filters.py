"""The client and worker list filters: every "no filter" option reads "Semua", and still means no filter."""

import datetime
import re

import pytest

from sinergi.people.filters import PersonFilterSet, WorkerFilterSet
from sinergi.people.models import Person, Worker
from sinergi.people.tests.factories import WorkerFactory

pytestmark = pytest.mark.django_db


def _first_options(form) -> dict[str, str]:
    """The text of the first <option> of every select in the form, by field name."""
    firsts = {}
    for name in form.fields:
        rendered = str(form[name])
        match = re.search(r"<option[^>]*>([^<]*)</option>", rendered)
        if match:
            firsts[name] = match.group(1)
    return firsts


def test_every_worker_filter_starts_with_semua():
    firsts = _first_options(WorkerFilterSet(data={}, queryset=Worker.objects.all()).form)

    assert firsts == {
        "psks_category": "Semua",
        "role": "Semua",
        "active": "Semua",
        "works_with_children": "Semua",
    }


def test_every_client_filter_starts_with_semua():
    firsts = _first_options(PersonFilterSet(data={}, queryset=Person.objects.all()).form)

    assert set(firsts.values()) == {"Semua"}
    assert {"ppks_category", "status", "setting", "stage", "age_group", "sex", "review"} <= set(firsts)


def test_semua_still_means_no_filter_and_yes_no_still_filter():
    serving = WorkerFactory(works_with_children=True)
    ended = WorkerFactory(works_with_children=False, ended_on=datetime.date(2024, 1, 31))

    def names(**data) -> set[str]:
        return {w.full_name for w in WorkerFilterSet(data=data, queryset=Worker.objects.all()).qs}

    assert names(active="unknown", works_with_children="unknown") == {serving.full_name, ended.full_name}
    assert names(active="", works_with_children="") == {serving.full_name, ended.full_name}
    assert names(active="true") == {serving.full_name}
    assert names(active="false") == {ended.full_name}
    assert names(works_with_children="true") == {serving.full_name}
    assert names(works_with_children="false") == {ended.full_name}
