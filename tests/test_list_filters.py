"""The filtered lists (the ones with a download, and their kin): choosing in a filter does not reload the list at
each arrow key, and how many rows the filters leave is said in a live region that is on the page from the start."""

import re

import pytest

from sinergi.accounts.tests.factories import UserFactory
from sinergi.core.testing import otp_login
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.people.access import SESSION_KEY

pytestmark = pytest.mark.django_db

LISTS = [
    ("/organisations/", "1 organisasi"),
    ("/people/", "0 orang"),
    ("/people/workers/", "0 pekerja"),
    ("/referrals/", "0 rujukan"),
    ("/partnerships/", "0 perjanjian"),
    ("/directory/", "1 LKS"),
    ("/audit/", "catatan"),
]
STATUS = re.compile(
    r'<p id="result-count" class="muted result-count" role="status"( hx-swap-oob="innerHTML")?>([^<]*)</p>'
)


@pytest.fixture
def admin(client):
    OrganisationFactory(name="LKSA Saringan", region_id="63.71.01.1001")
    user = UserFactory(is_superuser=True, is_staff=True)
    otp_login(client, user)
    session = client.session
    session[SESSION_KEY] = "supervision"  # the purpose of access the people pages ask first
    session.save()
    return client


@pytest.mark.parametrize(("url", "count"), LISTS)
def test_a_lists_filters_wait_for_the_choice_and_its_count_is_a_live_region_from_the_start(admin, url, count):
    # When the list is opened
    page = admin.get(url).content.decode()

    # Then its filters send a change only once the choice has rested (in Chromium each arrow key in a select is a
    # change), and a submit at once
    trigger = re.search(r'<form class="filters"[^>]* hx-trigger="([^"]*)"', page).group(1)
    assert re.match(r"change delay:\d+ms, submit\b", trigger), trigger
    # And the count is a polite status region outside the results that htmx replaces
    assert page.count('role="status"') == 2  # this one and the layout's connection notice
    status = STATUS.search(page)
    assert status and status.group(1) is None and count in status.group(2)
    assert status.start() < page.index('<div id="results">')


@pytest.mark.parametrize(("url", "count"), LISTS)
def test_a_filtered_lists_fragment_says_its_count_anew_into_the_same_region(admin, url, count):
    # When a filter is applied through htmx
    fragment = admin.get(url, {"q": "tidak ada yang cocok"}, headers={"HX-Request": "true"}).content.decode()

    # Then the fragment carries the new count out of band, into the region already on the page (which a screen
    # reader announces), not a region of its own
    status = STATUS.search(fragment)
    assert status and status.group(1) and status.group(2).startswith("0 ")
    assert fragment.count('id="result-count"') == 1


@pytest.mark.parametrize(("url", "query"), [("/audit/", {"date_from": "kemarin"}), ("/partnerships/", {"status": "x"})])
def test_a_filter_that_cannot_be_applied_empties_the_count_the_list_says_why(admin, url, query):
    # (A review: the partnerships list announced "0 perjanjian" for a filter it could not apply.)
    fragment = admin.get(url, query, headers={"HX-Request": "true"}).content.decode()

    status = STATUS.search(fragment)
    assert status and status.group(2) == ""
    assert 'class="errors-summary" role="alert"' in fragment


def test_every_filter_form_waits_for_the_choice():
    # A review found two filtered pages (capacity, indicators) left reloading at each arrow key.
    from pathlib import Path

    forms = [
        (path, match.group(0))
        for path in Path("sinergi").rglob("*.html")
        for match in re.finditer(r'<form class="filters"[^>]*>', path.read_text())
    ]
    assert len(forms) >= 9
    for path, form in forms:
        trigger = re.search(r'hx-trigger="([^"]*)"', form)
        assert trigger is None or re.match(r"change delay:\d+ms, submit\b", trigger.group(1)), (path, form)


@pytest.mark.parametrize("url", ["/organisations/", "/people/", "/people/workers/"])
def test_a_lists_downloads_come_after_its_filters(admin, url):
    # (A review: the keyboard reached "Unduh daftar ini" before the filters it downloads with.)
    page = admin.get(url).content.decode()

    filters_end = page.index("</form>", page.index('<form class="filters"'))
    assert filters_end < page.index('id="export-links"') < page.index('<div id="results">')
