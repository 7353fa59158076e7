"""API: token obtain (throttled, lockout-aware), revoke, and /me; plus the schema describing them."""

import pytest
from django.conf import settings
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import DEMO_PASSWORD, MembershipFactory
from sinergi.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

TOKEN_URL = "/api/v1/auth/token/"
ME_URL = "/api/v1/auth/me/"


@pytest.fixture
def api():
    return APIClient()


def actions() -> list[str]:
    return list(AuditEvent.objects.order_by("id").values_list("action", flat=True))


def test_urls_are_where_the_brief_says():
    assert reverse("auth-api:token") == TOKEN_URL
    assert reverse("auth-api:me") == ME_URL


def test_password_for_a_token(api, regency_board):
    response = api.post(TOKEN_URL, {"username": "pengurus.bjm", "password": DEMO_PASSWORD}, format="json")
    assert response.status_code == 200
    assert response.json() == {"token": Token.objects.get(user=regency_board).key}
    assert actions() == ["accounts.user.logged_in", "accounts.token.created"]
    assert AuditEvent.objects.order_by("id").first().data == {"via": "api"}


def test_bad_credentials_get_400_in_indonesian_and_no_token(api, regency_board):
    response = api.post(TOKEN_URL, {"username": "pengurus.bjm", "password": "salah"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"detail": "Nama pengguna atau kata sandi salah."}
    assert Token.objects.count() == 0
    assert actions() == ["accounts.user.login_failed"]


def test_missing_fields_get_400(api):
    response = api.post(TOKEN_URL, {"username": "x"}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["password"]
    assert Token.objects.count() == 0


def test_inactive_user_gets_no_token(api, regency_board):
    regency_board.is_active = False
    regency_board.save()
    response = api.post(TOKEN_URL, {"username": "pengurus.bjm", "password": DEMO_PASSWORD}, format="json")
    assert response.status_code == 400
    assert Token.objects.count() == 0


def test_locked_out_user_gets_no_token_even_with_the_right_password(api, regency_board, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"token": "100/minute"}}
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert api.post(TOKEN_URL, {"username": "pengurus.bjm", "password": "salah"}, format="json").status_code == 400
    locking = api.post(TOKEN_URL, {"username": "pengurus.bjm", "password": "salah"}, format="json")
    assert locking.status_code == 429
    response = api.post(TOKEN_URL, {"username": "pengurus.bjm", "password": DEMO_PASSWORD}, format="json")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "detail": "Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi setelah 15 menit."
    }
    assert Token.objects.count() == 0
    assert actions().count("accounts.user.locked_out") == 1


def test_web_lockout_also_blocks_the_api(api, client, regency_board):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": "pengurus.bjm", "password": "salah"})
    response = api.post(TOKEN_URL, {"username": "pengurus.bjm", "password": DEMO_PASSWORD}, format="json")
    assert response.status_code == 429
    assert Token.objects.count() == 0


def test_token_requests_are_throttled_at_ten_a_minute(api, regency_board):
    statuses = [
        api.post(TOKEN_URL, {"username": f"tidak-ada-{i}", "password": "x"}, format="json").status_code
        for i in range(11)
    ]
    assert statuses == [400] * 10 + [429]
    # the throttle applies to the right password as well
    assert (
        api.post(TOKEN_URL, {"username": "pengurus.bjm", "password": DEMO_PASSWORD}, format="json").status_code == 429
    )
    assert Token.objects.count() == 0


def test_delete_revokes_the_callers_token(api, regency_board):
    token = Token.objects.create(user=regency_board)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.delete(TOKEN_URL).status_code == 204
    assert Token.objects.count() == 0
    assert actions() == ["accounts.token.revoked"]
    # the revoked token no longer works
    assert api.get(ME_URL).status_code == 401


def test_delete_needs_authentication(api):
    assert api.delete(TOKEN_URL).status_code == 401


def test_me_returns_the_user_and_active_memberships(api, lks_operator, lks):
    MembershipFactory(user=lks_operator, role=Role.DINSOS_VIEWER, region_id="63", is_active=False)
    token = Token.objects.create(user=lks_operator)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = api.get(ME_URL)
    assert response.status_code == 200
    membership = lks_operator.memberships.get(is_active=True)
    assert response.json() == {
        "id": lks_operator.pk,
        "username": "operator.harapan",
        "full_name": lks_operator.full_name,
        "email": lks_operator.email,
        "phone": "",
        "preferred_language": "id",
        "is_superuser": False,
        "memberships": [
            {
                "id": membership.pk,
                "role": "lks_operator",
                "role_display": "Operator LKS",
                "region": None,
                "region_name": None,
                "organisation": lks.pk,
                "organisation_name": "LKSA Harapan Bangsa",
                "is_active": True,
            }
        ],
    }


def test_me_needs_authentication(api):
    response = api.get(ME_URL)
    assert response.status_code == 401


def test_schema_describes_the_auth_endpoints(api):
    response = api.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    paths = response.json()["paths"]
    token_post = paths[TOKEN_URL]["post"]
    assert token_post["operationId"] == "auth_token_create"
    assert set(token_post["responses"]) == {"200", "400", "429"}
    assert "security" not in token_post  # no authentication needed to ask for a token
    assert token_post["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/TokenRequestRequest")
    assert set(paths[TOKEN_URL]["delete"]["responses"]) == {"204"}
    assert paths[TOKEN_URL]["delete"]["security"] == [{"tokenAuth": []}, {"cookieAuth": []}]
    me = paths[ME_URL]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert me.endswith("/Me")
    components = response.json()["components"]["schemas"]
    assert components["Me"]["properties"]["memberships"]["items"]["$ref"].endswith("/Membership")
