"""An HTMX or script request whose session has ended goes to the login page as a whole page, not into the polled box
nor fetched by the script first."""

import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.exchange.tests.factories import ImportJobFactory

pytestmark = pytest.mark.django_db


def test_a_poll_after_the_session_ended_sends_the_whole_page_to_the_login(client):
    job = ImportJobFactory(status="running")

    response = client.get(f"/exchange/imports/{job.pk}/", headers={"HX-Request": "true"})

    assert response.status_code == 200 and response.content == b""
    assert response["HX-Redirect"] == f"/accounts/login/?next=/exchange/imports/{job.pk}/"


def test_an_upload_after_the_session_ended_is_told_the_login_page_instead_of_following_a_redirect(client):
    # The upload's XMLHttpRequest would follow a redirect and fetch the login page, which the browser fetches again.
    response = client.post("/exchange/", {}, headers={"X-Requested-With": "XMLHttpRequest"})

    assert response.status_code == 200 and response.content == b""
    assert response["HX-Redirect"] == "/accounts/login/?next=/exchange/"


def test_a_side_request_after_the_session_ended_brings_the_user_back_to_their_page_not_to_the_fragment(client):
    # The referral form's capacity search met an ended session: signed in again, the user is sent back to the form
    response = client.get(
        "/referrals/capacity/?select=1&person=23&ppks=anak_telantar",
        headers={"HX-Request": "true", "HX-Current-URL": "http://testserver/referrals/new/23/?from=list"},
    )
    elsewhere = client.get(
        "/referrals/capacity/?select=1",
        headers={"HX-Request": "true", "HX-Current-URL": "https://evil.example/phish/"},
    )

    assert response["HX-Redirect"] == "/accounts/login/?next=%2Freferrals%2Fnew%2F23%2F%3Ffrom%3Dlist"
    assert elsewhere["HX-Redirect"] == "/accounts/login/?next=/referrals/capacity/%3Fselect%3D1"


def test_a_plain_request_after_the_session_ended_is_redirected_as_before(client):
    job = ImportJobFactory(status="running")

    response = client.get(f"/exchange/imports/{job.pk}/")

    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=")
    assert "HX-Redirect" not in response


def test_what_a_signed_in_user_is_shown_or_downloads_is_never_cached(client):
    # A security review found the lists, records and downloads cacheable on computers an LKS office shares.
    client.force_login(user_with_role(Role.REGENCY_BOARD, region_code="63.71"))
    for url in ("/organisations/", "/exchange/", "/exchange/export/lks/?format=csv"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"], url


def test_a_poll_while_the_database_is_busy_gets_its_answer_though_the_session_is_not_touched(client, monkeypatch):
    """SQLite's write lock held past its timeout by an import: the once-a-minute touch of the session failed, and
    SessionMiddleware answered the job page's poll with 400 ("session interrupted")."""
    from django.contrib.sessions.backends.base import UpdateError
    from django.contrib.sessions.backends.db import SessionStore

    user = user_with_role(Role.REGENCY_BOARD, region_code="63.71")
    client.force_login(user)
    job = ImportJobFactory(created_by=user)
    session = client.session
    session["_active_at"] = 0  # last touched long ago: this request touches it
    session.save()

    def busy(self, must_create=False):
        raise UpdateError

    monkeypatch.setattr(SessionStore, "save", busy)
    response = client.get(f"/exchange/imports/{job.pk}/")

    assert response.status_code == 200
