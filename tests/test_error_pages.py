"""The error pages speak the user's language and keep the layout, so nobody is stranded on bare server text.

The test settings run with DEBUG off, as production does: Django renders 404.html / 403.html only then.
"""

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role

pytestmark = pytest.mark.django_db


def _in_english(client) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def test_an_unknown_address_shows_the_branded_not_found_page_in_indonesian(client):
    response = client.get("/tidak-ada/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "Halaman tidak ditemukan, atau di luar wilayah Anda" in page
    assert f'href="{reverse("home")}"' in page
    # the layout of every page: the public menu and the language switch, even for an anonymous visitor
    assert "Direktori LKS" in page
    assert 'name="language" value="en"' in page


def test_an_unknown_address_shows_the_not_found_page_in_english_when_chosen(client):
    _in_english(client)

    response = client.get("/tidak-ada/")

    assert response.status_code == 404
    page = response.content.decode()
    assert '<html lang="en">' in page
    assert "Page not found, or outside your area" in page
    assert "Back to the start page" in page
    assert "LKS directory" in page


def test_a_page_outside_the_role_shows_the_branded_forbidden_page_in_indonesian(client):
    # given a Dinas Sosial viewer, whose role does not cover referrals (person-level data)
    client.force_login(user_with_role(Role.DINSOS_VIEWER, region_code="63.71"))

    response = client.get(reverse("referrals:list"))

    assert response.status_code == 403
    page = response.content.decode()
    assert "Peran Anda tidak mencakup halaman ini" in page
    assert f'href="{reverse("home")}"' in page
    # signed in: the menu of a signed-in user
    assert reverse("statistics:dashboard") in page


def test_a_page_outside_the_role_shows_the_forbidden_page_in_english_when_chosen(client):
    client.force_login(user_with_role(Role.DINSOS_VIEWER, region_code="63.71"))
    _in_english(client)

    response = client.get(reverse("referrals:list"))

    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="en">' in page
    assert "Your role does not cover this page" in page
    assert "Back to the start page" in page


@pytest.mark.parametrize("template", ["500.html", "400.html"])
def test_the_server_error_pages_render_without_a_request_or_database(template, django_assert_num_queries):
    # Django renders these with an empty context: no user, no request, no context processors.
    with django_assert_num_queries(0):
        page = render_to_string(template)

    assert "Sinergi" in page
    assert "Kembali ke halaman awal" in page
    assert 'href="/"' in page


def test_a_refused_page_is_recorded_in_the_audit_log_without_its_query(client):
    # (The thirty-fourth review: a user trying pages outside their role, or ids of another area, left no trace.)
    from sinergi.audit.models import AuditEvent

    viewer = user_with_role(Role.DINSOS_VIEWER, region_code="63.71")
    client.force_login(viewer)

    assert client.get(reverse("referrals:list"), {"q": "Budi Contoh"}).status_code == 403

    event = AuditEvent.objects.get(action="access.refused")
    assert (event.actor, event.data["page"]) == (viewer, f"GET {reverse('referrals:list')}")
    assert "Budi" not in str(event.data)


def test_the_province_admin_reads_the_refusal_in_the_log(client):
    from sinergi.audit.models import AuditEvent

    client.force_login(user_with_role(Role.LKS_OPERATOR, region_code="63.71"))
    client.get("/audit/")
    admin = user_with_role(Role.PROVINCE_ADMIN, region_code="63")
    from sinergi.core.testing import otp_login

    otp_login(client, admin)
    page = client.get("/audit/").content.decode()

    assert AuditEvent.objects.filter(action="access.refused").count() == 1
    assert "Akses ditolak" in page and "GET /audit/" in page
    assert "Hanya admin provinsi yang boleh membaca log audit." in page


def test_a_refusal_without_words_is_said_in_the_log_as_the_403_page_says_it(client):
    # (Fifty-fourth review, minor 10: Dinas Sosial opening a client's page left "refusal": "".)
    from sinergi.core.testing import otp_login

    client.force_login(user_with_role(Role.DINSOS_VIEWER, region_code="63"))
    assert client.get("/people/2999/").status_code == 403

    otp_login(client, user_with_role(Role.PROVINCE_ADMIN, region_code="63"))
    page = client.get("/audit/").content.decode()

    assert "GET /people/2999/" in page
    assert "Alasan penolakan: halaman di luar peran pengguna" in page
