from datetime import datetime

from django.db.models import Count
from rest_framework.test import APIClient

from sinergi.organisations.choices import LKS_KINDS, OrganisationStatus
from sinergi.organisations.models import Organisation

from .test_selectors import KALSEL_REGENCIES

LKS_URL = "/api/v1/statistics/lks/"
FIGURES_URL = "/api/v1/statistics/official-figures/"


def direct_counts(**filters) -> tuple[int, dict[str, int], dict[str, int]]:
    """The same numbers counted straight from the table, independently of the selectors."""
    active = Organisation.objects.filter(kind__in=LKS_KINDS, status=OrganisationStatus.ACTIVE, **filters)
    by_kind = {
        (code or "lainnya"): n
        for code, n in active.order_by().values_list("primary_service_kind__code").annotate(n=Count("id"))
    }
    by_regency = dict(active.exclude(regency_code="").order_by().values_list("regency_code").annotate(n=Count("id")))
    return active.count(), by_kind, by_regency


def test_lks_count_is_public_and_equals_a_direct_count(registry):
    # when
    response = APIClient().get(LKS_URL)
    # then
    assert response.status_code == 200
    body = response.json()
    total, by_kind, by_regency = direct_counts()
    assert body["total"] == total == 11
    assert body["by_kind"] == {"anak": 6, "lanjut_usia": 1, "disabilitas": 1, "napza": 2, "lainnya": 1}
    assert {k: v for k, v in body["by_kind"].items() if v} == by_kind
    assert list(body["by_regency"]) == KALSEL_REGENCIES
    assert {k: v for k, v in body["by_regency"].items() if v} == by_regency == {"63.71": 6, "63.72": 3, "63.03": 1}
    assert datetime.fromisoformat(body["as_of"]).tzinfo is not None


def test_lks_count_for_a_region(registry):
    body = APIClient().get(LKS_URL, {"region": "63.72"}).json()
    total, by_kind, by_regency = direct_counts(regency_code="63.72")
    assert body["total"] == total == 3
    assert body["by_kind"] == {"anak": 2, "lanjut_usia": 0, "disabilitas": 1, "napza": 0, "lainnya": 0}
    assert body["by_regency"] == by_regency == {"63.72": 3}


def test_lks_count_for_the_province_lists_every_kabupaten_with_zeros(registry):
    body = APIClient().get(LKS_URL, {"region": "63"}).json()
    assert body["total"] == 11
    assert len(body["by_regency"]) == 13
    assert body["by_regency"]["63.10"] == 0


def test_lks_count_with_no_lks_has_every_kind_at_zero(db):
    body = APIClient().get(LKS_URL, {"region": "63.10"}).json()
    assert body["total"] == 0
    assert body["by_kind"] == {"anak": 0, "lanjut_usia": 0, "disabilitas": 0, "napza": 0, "lainnya": 0}
    assert body["by_regency"] == {"63.10": 0}


def test_lks_count_refuses_an_unknown_region_in_indonesian(registry):
    response = APIClient().get(LKS_URL, {"region": "99.99"})
    assert response.status_code == 400
    assert response.json() == {
        "region": ["Kode wilayah “99.99” tidak dikenal. Gunakan kode Kemendagri, misalnya 63 atau 63.71."]
    }


def test_lks_count_query_count_is_bounded(registry, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        assert APIClient().get(LKS_URL, {"region": "63"}).status_code == 200


def test_official_figures(registry, official):
    response = APIClient().get(FIGURES_URL, {"region": "63"})
    assert response.status_code == 200
    body = response.json()
    assert body["region"] == "63"
    assert body["region_name"] == "Kalimantan Selatan"
    assert body["figures"][0] == {
        "as_of": "2022-08-24",
        "total": 135,
        "by_kind": {"anak": 120, "lanjut_usia": 3, "disabilitas": 9, "napza": 3},
        "source": "Dinas Sosial Provinsi Kalimantan Selatan",
        "source_url": "https://diskominfomc.kalselprov.go.id/2022/08/24/",
        "note": "",
    }
    assert [f["total"] for f in body["figures"]] == [135, 154, 1234]
    assert body["registry"]["total"] == 11
    assert body["registry"]["by_kind"]["anak"] == 6


def test_official_figures_default_to_the_deployment_province(registry, official):
    assert APIClient().get(FIGURES_URL).json()["region"] == "63"


def test_official_figures_refuse_an_unknown_region(db):
    response = APIClient().get(FIGURES_URL, {"region": "abc"})
    assert response.status_code == 400
    assert "tidak dikenal" in response.json()["region"][0]


def test_schema_documents_both_endpoints(client):
    schema = client.get("/api/v1/schema/").content.decode()
    assert "/api/v1/statistics/lks/" in schema
    assert "/api/v1/statistics/official-figures/" in schema
    assert "LksCount" in schema


def test_official_figures_on_a_national_server_default_to_the_province_with_most_active_lks(registry, national):
    from sinergi.organisations.tests.factories import OrganisationFactory
    from sinergi.regions.services import region_tree_load

    region_tree_load(provinces=["75"])
    OrganisationFactory.create_batch(2, region_id="75.71")
    assert APIClient().get(FIGURES_URL).json()["region"] == "63"  # 11 active LKS against Gorontalo's 2

    OrganisationFactory.create_batch(10, region_id="75.71")
    assert APIClient().get(FIGURES_URL).json()["region"] == "75"
