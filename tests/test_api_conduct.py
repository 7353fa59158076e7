"""How the whole API answers, whatever the endpoint: JSON only, anonymous calls limited, errors in the caller's
language without the names of internal models."""

import pytest
from rest_framework.authtoken.models import Token

from sinergi.people.tests.factories import PlacementFactory, people_world

pytestmark = pytest.mark.django_db

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture
def world():
    return people_world()


def token_for(user) -> dict:
    return {"Authorization": f"Token {Token.objects.get_or_create(user=user)[0].key}"}


def test_a_signed_in_browser_gets_json_not_the_browsable_api(client, world):
    child = PlacementFactory(person__organisation=world.lks)
    client.force_login(world.operator)
    for path in ("/api/v1/clients/", f"/api/v1/clients/{child.person_id}/"):
        response = client.get(path, headers={"Accept": BROWSER_ACCEPT})
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert response.json()
    # a client that takes nothing but HTML is told so, in JSON
    response = client.get("/api/v1/clients/", headers={"Accept": "text/html"})
    assert response.status_code == 406
    assert response["Content-Type"] == "application/json"


def test_the_schema_and_its_documentation_page_still_answer(client, world):
    assert client.get("/api/v1/schema/").status_code == 200
    assert client.get("/api/v1/schema/", {"format": "json"})["Content-Type"].startswith(
        "application/vnd.oai.openapi+json"
    )
    client.force_login(world.regency_board)
    response = client.get("/api/v1/docs/", headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
