"""Every role against every registry surface: pages, exports, statistics downloads and API calls.

One row per (surface, role) with the status code the role must get. 404 (not 403) for a record outside the
caller's scope: the registry does not confirm that a record it will not show exists.
"""

import pytest
from rest_framework.authtoken.models import Token

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import UserFactory, user_with_role
from sinergi.core.testing import otp_login, token_headers
from sinergi.organisations.choices import OrganisationStatus
from sinergi.organisations.tests.factories import BoardFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "operator", "board", "board_elsewhere", "dinsos", "province_admin"]


@pytest.fixture
def world():
    own = OrganisationFactory(name="LKSA Milik Operator", region_id="63.71.01.1001")
    other = OrganisationFactory(name="LKSA Banjarbaru", region_id="63.72.02.1003")
    draft = OrganisationFactory(name="LKSA Draf", status=OrganisationStatus.DRAFT, region_id="63.71.01.1002")
    BoardFactory(name="LKKKS Kota Banjarmasin")
    users = {
        "anonymous": None,
        "outsider": UserFactory(),
        "operator": user_with_role(Role.LKS_OPERATOR, organisation=own),
        "board": user_with_role(Role.REGENCY_BOARD, region_code="63.71"),
        "board_elsewhere": user_with_role(Role.REGENCY_BOARD, region_code="63.72"),
        "dinsos": user_with_role(Role.DINSOS_VIEWER, region_code="63"),
        "province_admin": user_with_role(Role.PROVINCE_ADMIN, region_code="63"),
    }
    return {"own": own, "other": other, "draft": draft, "users": users}


def signed_in(client, user):
    if user is None:
        return client
    if user.memberships.filter(role=Role.PROVINCE_ADMIN).exists():
        otp_login(client, user)
    else:
        client.force_login(user)
    return client


LOGIN = 302  # redirected to the login page
# surface -> expected status per role, in ROLES order
PAGES = {
    "/statistics/": [LOGIN, 200, 200, 200, 200, 200, 200],
    "/statistics/map-points/": [LOGIN, 200, 200, 200, 200, 200, 200],
    "/statistics/public/": [200, 200, 200, 200, 200, 200, 200],
    "/directory/": [200, 200, 200, 200, 200, 200, 200],
    "/organisations/": [LOGIN, 200, 200, 200, 200, 200, 200],
    "/organisations/{own}/": [LOGIN, 404, 200, 200, 404, 200, 200],
    "/organisations/{other}/": [LOGIN, 404, 404, 404, 200, 200, 200],
    "/organisations/{own}/edit/": [LOGIN, 404, 200, 200, 404, 404, 200],
    "/exchange/export/lks/?format=csv": [LOGIN, 403, 200, 200, 200, 200, 200],
    "/organisations/boards/": [LOGIN, 200, 200, 200, 200, 200, 200],
    "/organisations/new/": [LOGIN, 403, 403, 200, 200, 403, 200],
    "/accounts/users/": [LOGIN, 403, 403, 403, 403, 403, 200],
    "/vocabularies/": [LOGIN, 403, 403, 403, 403, 403, 200],
    "/audit/": [LOGIN, 403, 403, 403, 403, 403, 200],
}


@pytest.mark.parametrize("url", PAGES)
def test_pages(client, world, url):
    path = url.format(own=world["own"].pk, other=world["other"].pk)
    got = []
    for role in ROLES:
        client.logout()
        got.append(signed_in(client, world["users"][role]).get(path).status_code)
    assert dict(zip(ROLES, got, strict=True)) == dict(zip(ROLES, PAGES[url], strict=True))


def test_exports_contain_only_rows_in_scope(client, world):
    # The registry's download (the LKS, as the import template lists them; LKKKS boards are not LKS).
    expected = {
        "operator": {"LKSA Milik Operator"},
        "board": {"LKSA Milik Operator", "LKSA Draf"},
        "board_elsewhere": {"LKSA Banjarbaru"},
        "dinsos": {"LKSA Milik Operator", "LKSA Draf", "LKSA Banjarbaru"},
        "province_admin": {"LKSA Milik Operator", "LKSA Draf", "LKSA Banjarbaru"},
    }
    for role, names in expected.items():
        client.logout()
        response = signed_in(client, world["users"][role]).get("/exchange/export/lks/?format=csv")
        body = b"".join(response.streaming_content)
        rows = body.decode("utf-8-sig").splitlines()[1:]
        assert {row.split(",")[1].strip('"') for row in rows} == names, role


def test_post_transitions_respect_scope(client, world):
    expected = {"operator": "draft", "board_elsewhere": "draft", "dinsos": "draft", "outsider": "draft"}
    for role, status in expected.items():
        client.logout()
        signed_in(client, world["users"][role]).post(f"/organisations/{world['draft'].pk}/verify/")
        world["draft"].refresh_from_db()
        assert world["draft"].status == status, role
    client.logout()
    signed_in(client, world["users"]["board"]).post(f"/organisations/{world['draft'].pk}/verify/")
    world["draft"].refresh_from_db()
    assert world["draft"].status == OrganisationStatus.VERIFIED


API = {
    "/api/v1/organisations/": [401, 200, 200, 200, 200, 200, 200],
    "/api/v1/organisations/{own}/": [401, 404, 200, 200, 404, 200, 200],
    "/api/v1/organisations/{other}/": [401, 404, 404, 404, 200, 200, 200],
    "/api/v1/statistics/lks/": [200, 200, 200, 200, 200, 200, 200],
    "/api/v1/regions/?parent=63": [200, 200, 200, 200, 200, 200, 200],
    "/api/v1/schema/": [200, 200, 200, 200, 200, 200, 200],
}


@pytest.mark.parametrize("url", API)
def test_api_with_tokens(client, world, url):
    path = url.format(own=world["own"].pk, other=world["other"].pk)
    got = []
    for role in ROLES:
        user = world["users"][role]
        headers = token_headers(user)
        got.append(client.get(path, headers=headers).status_code)
    assert dict(zip(ROLES, got, strict=True)) == dict(zip(ROLES, API[url], strict=True))


def test_api_list_counts_per_role(client, world):
    expected = {"outsider": 0, "operator": 1, "board": 3, "board_elsewhere": 1, "dinsos": 4, "province_admin": 4}
    for role, count in expected.items():
        token = Token.objects.get_or_create(user=world["users"][role])[0].key
        body = client.get("/api/v1/organisations/", headers={"Authorization": f"Token {token}"}).json()
        assert body["count"] == count, role
