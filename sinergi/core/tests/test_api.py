"""The API refuses a query parameter its schema does not document for the call (`KnownQueryParameters`)."""

import pytest
from rest_framework.test import APIClient

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.accounts.tests.test_api import VIEWS_WITHOUT_SECOND_FACTOR_CHECK, api_views
from sinergi.core.api import KnownQueryParameters, _documented_query_parameters
from sinergi.core.testing import token_headers

pytestmark = pytest.mark.django_db


@pytest.fixture
def board_member(db):
    return user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.bjm")


def test_an_unknown_list_parameter_is_refused_by_name_instead_of_answering_the_whole_list(board_member):
    api = APIClient()
    api.force_authenticate(board_member)

    response = api.get("/api/v1/organisations/", {"ordering": "name"})

    assert response.status_code == 400
    message = response.json()["ordering"][0]
    assert message.startswith("Parameter “ordering” tidak dikenal di alamat ini. Yang dikenal: accreditation, kind,")
    # What the schema documents still works, with DRF's own format override
    assert api.get("/api/v1/organisations/", {"q": "LKSA", "page": 1, "format": "json"}).status_code == 200


def test_the_refusal_is_in_the_token_users_language(board_member):
    board_member.preferred_language = "en"
    board_member.save(update_fields=["preferred_language"])

    response = APIClient().get("/api/v1/meetings/", {"tahun": "2025"}, headers=token_headers(board_member))

    assert response.status_code == 400
    assert response.json() == {
        "tahun": ["Unknown parameter “tahun” at this address. Known: kind, page, q, status, year."]
    }


def test_a_path_with_a_placeholder_does_not_lend_its_parameters_to_a_fixed_path_beside_it(board_member):
    # /meetings/action-items/ also matches /meetings/{id}/, which documents no `mine`
    api = APIClient()
    api.force_authenticate(board_member)
    assert api.get("/api/v1/meetings/action-items/", {"mine": "true"}).status_code == 200
    assert api.get("/api/v1/meetings/1/", {"mine": "true"}).status_code == 400


def read_operations() -> list[str]:
    return sorted({pattern.pattern for pattern, method, _names in _documented_query_parameters() if method == "GET"})


def test_every_read_of_the_schema_refuses_a_parameter_it_does_not_document(board_member):
    api = APIClient()
    api.force_authenticate(board_member)
    checked = 0
    for pattern in read_operations():
        path = pattern.replace("[^/]+", "1").replace("\\", "")
        response = api.get(path, {"no_such_filter": "1"})
        # Refused before the view runs: an object that does not exist or a missing purpose does not come first
        assert response.status_code == 400, (path, response.status_code)
        assert "no_such_filter" in response.json(), path
        checked += 1
    assert checked >= 20


def test_every_api_view_checks_its_query_parameters():
    views = api_views()
    assert "sinergi.people.api.views.clients.ClientViewSet" in views
    unchecked = {
        name
        for name in views
        if name not in VIEWS_WITHOUT_SECOND_FACTOR_CHECK  # the schema's own views
        and not issubclass(_import(name), KnownQueryParameters)
    }
    assert unchecked == set()


def _import(dotted: str) -> type:
    module, _, name = dotted.rpartition(".")
    return getattr(__import__(module, fromlist=[name]), name)
