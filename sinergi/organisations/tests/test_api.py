import pytest
from rest_framework.test import APIClient

from sinergi.audit.models import AuditEvent
from sinergi.organisations.choices import OrganisationStatus
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import BoardFactory, OrganisationFactory, lks_kind
from sinergi.vocabularies.models import Term

pytestmark = pytest.mark.django_db


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_anonymous_gets_401():
    assert APIClient().get("/api/v1/organisations/").status_code == 401


def test_list_is_scoped_and_filterable(board_member, banjarmasin_lks, banjarbaru_lks):
    BoardFactory(name="LKKKS Kota Banjarmasin")

    body = client_for(board_member).get("/api/v1/organisations/", {"kind": "lks"}).json()

    assert body["count"] == 1
    assert body["results"][0]["name"] == "LKSA Uji Banjarmasin"
    assert body["results"][0]["primary_service_kind"] == "anak"
    assert body["results"][0]["regency_code"] == "63.71"


def test_region_prefix_and_text_filters(province_admin, banjarmasin_lks, banjarbaru_lks):
    client = client_for(province_admin)
    assert client.get("/api/v1/organisations/", {"region": "63.72"}).json()["count"] == 1
    assert client.get("/api/v1/organisations/", {"region": "63"}).json()["count"] == 2
    assert client.get("/api/v1/organisations/", {"q": "banjarbaru"}).json()["results"][0]["id"] == banjarbaru_lks.pk


def test_out_of_scope_detail_is_404(board_member, banjarbaru_lks):
    assert client_for(board_member).get(f"/api/v1/organisations/{banjarbaru_lks.pk}/").status_code == 404


def test_create_in_scope_makes_a_draft(board_member):
    response = client_for(board_member).post(
        "/api/v1/organisations/",
        {"kind": "lks", "name": "LKSA API", "primary_service_kind": "anak", "region": "63.71.01.1001"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["status"] == OrganisationStatus.DRAFT
    assert Organisation.objects.get(name="LKSA API").regency_code == "63.71"


def test_create_with_bad_input_explains_in_indonesian_and_writes_nothing(board_member):
    response = client_for(board_member).post(
        "/api/v1/organisations/",
        {"kind": "lks", "name": "LKSA API", "primary_service_kind": "anak", "region": "99.99"},
        format="json",
    )
    assert response.status_code == 400
    assert "Kode wilayah “99.99” tidak dikenal." in response.json()["region"]
    assert not Organisation.objects.filter(name="LKSA API").exists()


def test_create_outside_scope_is_403_and_writes_nothing(board_member):
    response = client_for(board_member).post(
        "/api/v1/organisations/",
        {"kind": "lks", "name": "LKSA Luar", "primary_service_kind": "anak", "region": "63.72.02.1003"},
        format="json",
    )
    assert response.status_code == 403
    assert not Organisation.objects.filter(name="LKSA Luar").exists()


def test_patch_needs_the_version_and_refuses_a_stale_one(operator, banjarmasin_lks):
    client = client_for(operator)
    url = f"/api/v1/organisations/{banjarmasin_lks.pk}/"

    assert client.patch(url, {"phone": "1"}, format="json").status_code == 400
    ok = client.patch(url, {"phone": "0511-3301111", "version": banjarmasin_lks.version}, format="json")
    stale = client.patch(url, {"phone": "0511-3302222", "version": banjarmasin_lks.version}, format="json")

    assert ok.status_code == 200 and ok.json()["version"] == banjarmasin_lks.version + 1
    assert stale.status_code == 409
    assert Organisation.objects.get(pk=banjarmasin_lks.pk).phone == "0511-3301111"


def test_verify_then_activate_through_the_api(board_member):
    draft = OrganisationFactory(status=OrganisationStatus.DRAFT)
    client = client_for(board_member)

    assert client.post(f"/api/v1/organisations/{draft.pk}/activate/").status_code == 409
    assert client.post(f"/api/v1/organisations/{draft.pk}/verify/").json()["status"] == "verified"
    assert client.post(f"/api/v1/organisations/{draft.pk}/activate/").json()["status"] == "active"
    assert AuditEvent.objects.filter(object_id=str(draft.pk)).count() == 2


@pytest.mark.parametrize("value", ["abc", "²", "99999999999999999999999"])
def test_a_transition_of_an_address_that_names_no_lks_is_404_not_an_error(board_member, value):
    # The router takes any text as the id, and the lookup raised on it (an error page, 500)
    for transition in ("verify", "activate", "deactivate"):
        assert client_for(board_member).post(f"/api/v1/organisations/{value}/{transition}/").status_code == 404


def test_operator_cannot_verify_through_the_api(operator, banjarmasin_lks):
    Organisation.objects.filter(pk=banjarmasin_lks.pk).update(status=OrganisationStatus.DRAFT)
    response = client_for(operator).post(f"/api/v1/organisations/{banjarmasin_lks.pk}/verify/")
    assert response.status_code == 403
    assert Organisation.objects.get(pk=banjarmasin_lks.pk).status == OrganisationStatus.DRAFT


def test_a_retired_kind_is_refused_unless_the_record_already_holds_it(board_member, banjarmasin_lks):
    # The forty-ninth review: the API set retired vocabulary items the forms and the import refuse
    held = banjarmasin_lks.primary_service_kind
    Term.objects.filter(pk=held.pk).update(is_active=False)
    other = lks_kind("lanjut_usia")
    Term.objects.filter(pk=other.pk).update(is_active=False)
    client = client_for(board_member)
    url = f"/api/v1/organisations/{banjarmasin_lks.pk}/"

    refused = client.patch(url, {"primary_service_kind": other.code, "version": 1}, format="json")
    # read and sent back unchanged, the record's own retired kind is kept
    echoed = client.patch(
        url, {"primary_service_kind": held.code, "phone": "0511-3301111", "version": 1}, format="json"
    )

    assert refused.status_code == 400
    assert refused.json() == {
        "primary_service_kind": [f"Kode “{other.code}” sudah tidak dipakai; pilih kode yang masih berlaku."]
    }
    assert echoed.status_code == 200, echoed.content
    banjarmasin_lks.refresh_from_db()
    assert (banjarmasin_lks.primary_service_kind, banjarmasin_lks.phone) == (held, "0511-3301111")
