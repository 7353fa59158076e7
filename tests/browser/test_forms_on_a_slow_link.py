"""An ordinary form (not the upload) on a phone on a slow, flaky link (the fifty-third review): a second tap while
the first is on its way saves nothing twice; without a signal the form is not sent and stays; a form older than a
sign-in in another tab still goes through."""

import re

import pytest
from playwright.sync_api import APIResponse, expect

from sinergi.accounts.models import Membership
from sinergi.people.models import Incident, Person

from .conftest import login
from .test_slow_connection import throttle

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_client_page(page) -> Person:
    lks = Membership.objects.get(user__username="operator.lks").organisation
    person = Person.objects.filter(organisation=lks, is_restricted=False).order_by("pk").first()
    login(page, "operator.lks")
    page.goto(f"{page.base_url}/people/purpose/?next=/people/{person.pk}/")
    page.get_by_label("Pelayanan dan pengasuhan").check()
    page.click("#main form button[type=submit]")
    return person


def incident_form(page):
    page.locator("#incidents summary").click()
    form = page.locator("form[action$='/incident/']")
    form.locator("select[name=kind]").select_option(index=1)
    form.locator("textarea[name=description]").fill("Memar di lengan kiri, dilaporkan pengasuh malam.")
    return form


def sign_in_again_in_another_tab(page, username: str, *, purpose: bool = False) -> None:
    """Another tab of the same browser signs out and in (as `username`, choosing the purpose of access when told):
    the browser gets a new session and a new CSRF token.

    Sent through the context's request client, which shares the tab's cookie jar, rather than a second page: opening
    and closing a page has no timeout in Playwright, and with Debian's Chromium it now and then never returned (three
    browser phases of seven hung there in one session, and a CI run ran out of time)."""
    send_form(page, "/", "/accounts/logout/", {})
    signed_in = send_form(
        page, "/accounts/login/", "/accounts/login/", {"username": username, "password": "sinergi-demo-2025"}
    )
    assert "/accounts/login/" not in signed_in.url, f"{username} could not sign in"
    if purpose:
        send_form(page, "/people/purpose/?next=/people/", "/people/purpose/?next=/people/", {"purpose": "service"})


def send_form(page, shown_at: str, sent_to: str, data: dict[str, str]) -> APIResponse:
    """Open `shown_at` and send a form to `sent_to` with the token that page carries, as a tab does."""
    shown = page.context.request.get(f"{page.base_url}{shown_at}", timeout=15_000)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', shown.text())
    assert token, f"no form with a CSRF token at {shown_at}"
    sent = page.context.request.post(
        f"{page.base_url}{sent_to}",
        form={"csrfmiddlewaretoken": token.group(1), **data},
        headers={"Referer": f"{page.base_url}{shown_at}"},
        timeout=15_000,
    )
    assert sent.ok, f"{sent_to} answered {sent.status}"
    return sent


def test_a_second_tap_while_the_first_is_on_its_way_reports_the_incident_once(page):
    person = open_client_page(page)
    before = Incident.objects.filter(person=person).count()
    form = incident_form(page)
    throttle(page, latency=1500, up_kb=25, down_kb=50)

    # Two taps 300 ms apart, as a thumb does when nothing on the page seems to happen
    form.evaluate("f => { f.requestSubmit(); setTimeout(() => f.requestSubmit(), 300); }")
    expect(page.locator("ul.messages")).to_contain_text("Laporan insiden tercatat", timeout=30_000)
    page.wait_for_timeout(2000)  # time for a second request, were one on its way

    assert Incident.objects.filter(person=person).count() == before + 1


def test_without_a_signal_the_form_is_not_sent_and_says_so(page):
    person = open_client_page(page)
    before = Incident.objects.filter(person=person).count()
    form = incident_form(page)
    address = page.url

    page.context.set_offline(True)
    form.locator("button[type=submit]").click()

    expect(page.locator("#connection-status")).to_contain_text("formulir belum dikirim")
    assert page.url == address
    assert form.locator("textarea[name=description]").input_value().startswith("Memar di lengan kiri")
    page.context.set_offline(False)
    form.locator("button[type=submit]").click()  # sent once the signal is back
    expect(page.locator("ul.messages")).to_contain_text("Laporan insiden tercatat")
    assert Incident.objects.filter(person=person).count() == before + 1


def test_a_form_opened_before_signing_in_again_in_another_tab_is_still_accepted(page):
    person = open_client_page(page)
    before = Incident.objects.filter(person=person).count()
    form = incident_form(page)
    # Another tab signs out and in again: Django gives the browser a new CSRF token
    sign_in_again_in_another_tab(page, "operator.lks", purpose=True)

    form.locator("button[type=submit]").click()

    expect(page.locator("ul.messages")).to_contain_text("Laporan insiden tercatat")
    assert Incident.objects.filter(person=person).count() == before + 1


def test_a_search_that_meets_an_ended_session_leaves_the_half_filled_form_in_place(page):
    # The fifty-third review: on the referral form, changing the PPKS category after the session ended took the whole
    # page to the login form, and the reason and case summary typed with it
    person = open_client_page(page)
    page.goto(f"{page.base_url}/referrals/new/{person.pk}/")
    page.fill("textarea[name=reason]", "Anak membutuhkan layanan rehabilitasi yang tidak tersedia di sini.")
    page.context.clear_cookies()  # the session ended while the form was being filled

    page.locator("#id_ppks_category").select_option(index=2)

    expect(page.locator("#connection-status")).to_contain_text("Sesi Anda sudah berakhir")
    assert f"/referrals/new/{person.pk}/" in page.url
    assert page.input_value("textarea[name=reason]").startswith("Anak membutuhkan layanan")


def test_a_form_left_open_is_not_sent_as_another_user_who_signed_in_meanwhile(page):
    # An office's shared computer: operator.lks left a report half-written; operator.penerima signed in in another
    # tab. The form must not go through in the second user's name (the fifty-fifth review).
    person = open_client_page(page)
    before = Incident.objects.filter(person=person).count()
    form = incident_form(page)
    sign_in_again_in_another_tab(page, "operator.penerima")

    form.locator("button[type=submit]").click()

    expect(page.locator("h1")).to_have_text("Halaman ini sudah kedaluwarsa")
    assert Incident.objects.filter(person=person).count() == before
