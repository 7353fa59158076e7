"""What keeps a form's input from being lost or sent twice on a phone on a slow link (the fifty-third review): the
session kept alive while a form is being filled, the CSRF refusal in the site's words, phone keypads."""

import pytest
from django.test import Client

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role

pytestmark = pytest.mark.django_db


def test_the_keepalive_renews_a_session_and_says_when_it_has_ended(client):
    board = user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.bjm")

    assert client.get("/accounts/keepalive/").status_code == 401  # no session: the page warns before sending
    client.force_login(board)
    response = client.get("/accounts/keepalive/")

    assert response.status_code == 204
    assert "no-store" in response["Cache-Control"]


def test_a_form_older_than_the_token_is_refused_in_the_sites_layout_and_words():
    board = user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.bjm")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(board)

    response = browser.post("/accounts/profile/", {"full_name": "Nama", "csrfmiddlewaretoken": "x" * 64})

    page = response.content.decode()
    assert response.status_code == 403
    assert "Halaman ini sudah kedaluwarsa" in page and "tidak ada yang tersimpan" in page
    assert 'id="main"' in page  # the site's layout, with its navigation


def test_phone_numbers_are_typed_on_the_phones_number_keypad(client):
    operator = user_with_role(Role.PROVINCE_ADMIN, region_code="63", username="admin.kalsel")
    from sinergi.accounts.forms import ProfileForm
    from sinergi.meetings.forms import ParticipantForm
    from sinergi.organisations.forms import OrganisationForm
    from sinergi.people.forms import PersonFieldsForm, WorkerForm

    rendered = [
        str(PersonFieldsForm()["guardian_phone"]),
        str(WorkerForm.base_fields["phone"].widget.render("phone", "")),
        str(ProfileForm(instance=operator)["phone"]),
        str(ParticipantForm.base_fields["phone"].widget.render("phone", "")),
        str(OrganisationForm()["phone"]),
        str(OrganisationForm()["head_phone"]),
    ]
    for html in rendered:
        assert 'type="tel"' in html and 'autocomplete="tel"' in html, html
