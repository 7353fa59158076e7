"""How the whole API answers, whatever the endpoint: JSON only, anonymous calls limited, errors in the caller's
language without the names of internal models."""

import re

import pytest

from sinergi.core.testing import token_headers
from sinergi.people.tests.factories import PlacementFactory, people_world

pytestmark = pytest.mark.django_db

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture
def world():
    return people_world()


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


def test_anonymous_calls_are_limited_to_sixty_a_minute_per_client(client, world):
    statuses = [client.get("/api/v1/regions/63/").status_code for _ in range(61)]
    assert statuses == [200] * 60 + [429]
    response = client.get("/api/v1/statistics/lks/")  # every public endpoint shares the count
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"].startswith("Terlalu banyak permintaan. Coba lagi dalam ")
    assert int(response["Retry-After"]) > 0
    # a signed-in caller is not limited by the anonymous count; another address is not either
    assert client.get("/api/v1/regions/63/", headers=token_headers(world.operator)).status_code == 200
    assert client.get("/api/v1/regions/63/", REMOTE_ADDR="10.0.0.9").status_code == 200


def test_a_client_cannot_dodge_the_limit_by_writing_its_own_forwarded_address(client, world):
    # Behind nginx the last X-Forwarded-For entry is the one nginx added (the client's real address).
    statuses = [
        client.get("/api/v1/regions/63/", HTTP_X_FORWARDED_FOR=f"10.1.1.{i}, 203.0.113.7").status_code
        for i in range(61)
    ]
    assert statuses[-1] == 429


def test_refusals_are_in_indonesian_and_name_no_internal_model(client, world):
    headers = token_headers(world.operator)
    for path in ("/api/v1/clients/999999/", "/api/v1/placements/999999/", "/api/v1/workers/999999/"):
        response = client.get(path, headers=headers)
        assert (response.status_code, response.json()) == (404, {"detail": "Data tidak ditemukan."})
    response = client.delete("/api/v1/clients/", headers=headers)
    assert (response.status_code, response.json()) == (
        405,
        {"detail": "Metode DELETE tidak dapat dipakai di alamat ini."},
    )
    response = client.get("/api/v1/clients/?page=999", headers=headers)
    assert (response.status_code, response.json()) == (404, {"detail": "Halaman 999 tidak ada."})
    response = client.post("/api/v1/workers/", "{bukan json", headers=headers, content_type="application/json")
    assert (response.status_code, response.json()) == (
        400,
        {"detail": "Isi permintaan tidak dapat dibaca: kirim JSON yang sah."},
    )
    response = client.get("/api/v1/clients/", headers={"Authorization": "Token salah"})
    assert response.status_code == 401
    assert response.json()["detail"].startswith("Token tidak sah")
    response = client.post(
        "/api/v1/workers/",
        {"organisation": world.lks.pk, "full_name": "X Contoh", "sex": "L", "psks_category": "a", "role": "psm"},
        headers=headers,
        content_type="application/json",
    )
    assert (response.status_code, response.json()) == (400, {"psks_category": ["Kode “a” tidak dikenal."]})


def test_a_token_user_who_chose_english_is_answered_in_english(client, world):
    world.operator.preferred_language = "en"
    world.operator.save(update_fields=["preferred_language"])
    headers = token_headers(world.operator)
    response = client.get("/api/v1/clients/999999/", headers=headers)
    assert (response.status_code, response.json()) == (404, {"detail": "Not found."})
    assert response["Content-Language"] == "en"
    response = client.get("/api/v1/clients/?purpose=curiosity", headers=headers)
    assert response.status_code == 400 and "purpose" in response.json()
    assert "tidak" not in str(response.json())
    # the browser's language is not what decides: the Indonesian user stays Indonesian
    indonesian = token_headers(world.regency_board)
    response = client.get(
        "/api/v1/clients/999999/?purpose=supervision", headers={**indonesian, "Accept-Language": "en"}
    )
    assert response.json() == {"detail": "Data tidak ditemukan."}


def test_a_region_filter_refused_on_a_list_says_nothing_can_be_shown(client, world):
    response = client.get(
        "/api/v1/clients/?purpose=supervision&region=63.72", headers=token_headers(world.regency_board)
    )
    assert response.status_code == 400
    assert "tidak ada data yang dapat ditampilkan atau diunduh" in str(response.json())


JUNK_IDS = ["²", "99999999999999999999999", "abc"]  # a digit int() refuses; more than a database id holds; no number


def test_no_endpoint_answers_an_id_or_filter_that_names_no_row_with_an_error_page(client, world):
    # Every GET path and query parameter the OpenAPI schema names, with values no row can have: each answered 500 in
    # places ("²" passes str.isdigit and int refuses it; the database refuses a 23-digit id); 400 or 404 is right
    PlacementFactory(person__organisation=world.lks)
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    answered = []
    for user in (world.operator, world.province_admin):
        headers = token_headers(user)
        for path, operations in schema["paths"].items():
            if "get" not in operations:
                continue
            names = [p["name"] for p in operations["get"].get("parameters", []) if p.get("in") == "query"]
            for junk in JUNK_IDS:
                address = re.sub(r"\{[^}]+\}", junk, path)
                answered.append((address, client.get(address, {"purpose": "supervision"}, headers=headers)))
                base = re.sub(r"\{[^}]+\}", "1", path)
                for name in names:
                    answered.append((f"{base}?{name}", client.get(base, {name: junk}, headers=headers)))

    errors = sorted({address for address, response in answered if response.status_code >= 500})
    assert len(answered) > 500 and errors == []
