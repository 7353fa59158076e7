import pytest

from sinergi.regions.models import Region

pytestmark = pytest.mark.django_db

URL = "/api/v1/regions/"


def test_without_parameters_lists_the_provinces_to_anyone(client):
    # given: no login at all (public reference data)
    response = client.get(URL)

    # then
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == Region.objects.filter(level=1).count() == 1
    assert body["results"] == [
        {
            "code": "63",
            "name": "Kalimantan Selatan",
            "level": 1,
            "level_label": "Provinsi",
            "kind": "provinsi",
            "kind_label": "Provinsi",
            "parent": None,
            "path": "Kalimantan Selatan",
            "postal_code": "",
            "latitude": None,
            "longitude": None,
            "is_current": True,
        }
    ]


def test_parent_lists_the_direct_children(client):
    response = client.get(URL, {"parent": "63"})
    body = response.json()
    assert body["count"] == 13
    assert [r["code"] for r in body["results"]][:3] == ["63.01", "63.02", "63.03"]
    assert {r["parent"] for r in body["results"]} == {"63"}
    kota = next(r for r in body["results"] if r["code"] == "63.71")
    assert (kota["name"], kota["kind"], kota["path"]) == (
        "Kota Banjarmasin",
        "kota",
        "Kota Banjarmasin, Kalimantan Selatan",
    )


def test_an_unknown_parent_is_a_clear_400(client):
    response = client.get(URL, {"parent": "99"})
    assert response.status_code == 400
    assert response.json() == {"parent": ["Wilayah induk “99” tidak ditemukan."]}


def test_q_searches_names_case_insensitively_and_code_prefixes(client):
    by_name = client.get(URL, {"q": "MANTUIL"}).json()
    by_code = client.get(URL, {"q": "63.71.01.100", "level": 4}).json()
    assert [r["code"] for r in by_name["results"]] == ["63.09.08.2006", "63.71.01.1001"]
    assert by_name["results"][1]["path"] == "Mantuil, Banjarmasin Selatan, Kota Banjarmasin, Kalimantan Selatan"
    assert by_code["count"] == 9


def test_level_filters_and_pages_hold_fifty_unless_asked_for_up_to_a_thousand(client):
    default = client.get(URL, {"level": 4}).json()
    large = client.get(URL, {"level": 4, "page_size": 1000}).json()
    capped = client.get(URL, {"level": 4, "page_size": 5000}).json()
    assert default["count"] == 2016
    assert len(default["results"]) == 50
    assert len(large["results"]) == 1000
    assert len(capped["results"]) == 1000


def test_an_unknown_level_is_a_400(client):
    response = client.get(URL, {"level": 7})
    assert response.status_code == 400
    assert list(response.json()) == ["level"]


def test_a_list_page_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = client.get(URL, {"level": 4, "page_size": 200})
    assert len(response.json()["results"]) == 200


def test_detail_gives_path_and_ancestors_for_dotted_or_digit_codes(client):
    dotted = client.get(f"{URL}63.71.01.1001/")
    digits = client.get(f"{URL}6371011001/")
    assert dotted.status_code == 200
    body = dotted.json()
    assert body == digits.json()
    assert body["path"] == "Mantuil, Banjarmasin Selatan, Kota Banjarmasin, Kalimantan Selatan"
    assert body["kind"] == "kelurahan"
    assert body["postal_code"] == "70244"
    assert body["children_count"] == 0
    assert body["ancestors"] == [
        {"code": "63", "name": "Kalimantan Selatan", "level": 1, "kind": "provinsi"},
        {"code": "63.71", "name": "Kota Banjarmasin", "level": 2, "kind": "kota"},
        {"code": "63.71.01", "name": "Banjarmasin Selatan", "level": 3, "kind": "kecamatan"},
    ]
    assert client.get(f"{URL}63/").json()["children_count"] == 13


def test_detail_of_an_unknown_code_is_404(client):
    assert client.get(f"{URL}63.71.01.9999/").status_code == 404
    assert client.get(f"{URL}bukan-kode/").status_code == 404


def test_the_openapi_schema_describes_both_endpoints(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    listing = schema["paths"]["/api/v1/regions/"]["get"]
    detail = schema["paths"]["/api/v1/regions/{code}/"]["get"]
    assert {p["name"] for p in listing["parameters"]} == {
        "parent",
        "q",
        "level",
        "include_retired",
        "page",
        "page_size",
    }
    assert listing["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("PaginatedRegionList")
    assert detail["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("RegionDetail")
    assert "security" not in listing
    assert "ancestors" in schema["components"]["schemas"]["RegionDetail"]["properties"]
