import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from sinergi.audit.models import AuditEvent
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.partnerships.choices import AgreementStatus
from sinergi.partnerships.models import Agreement

from .factories import agreement_between

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def body(lks, csr, **overrides) -> dict:
    return {
        "kind": "mou",
        "title": "Kerja sama API",
        "number": "002/MoU/API/2025",
        "starts_on": TODAY.isoformat(),
        "ends_on": (TODAY + datetime.timedelta(days=700)).isoformat(),
        "signed_on": TODAY.isoformat(),
        "participation_forms": ["dana", "keahlian"],
        "welfare_pillars": ["pemberdayaan_sosial"],
        "parties": [
            {"organisation": lks.pk, "role": "first", "signatory": "Ketua"},
            {"organisation": csr.pk, "role": "second"},
        ],
        **overrides,
    }


def test_anonymous_gets_401():
    assert APIClient().get("/api/v1/partnerships/").status_code == 401


def test_list_is_scoped_and_filterable(users, agreement, other_lks, university):
    agreement_between(university, other_lks, title="Pendampingan")

    own = client_for(users["board"]).get("/api/v1/partnerships/").json()
    dinsos = client_for(users["dinsos"]).get("/api/v1/partnerships/", {"party_kind": "university"}).json()

    assert own["count"] == 1
    result = own["results"][0]
    assert result["title"] == "Beasiswa anak asuh"
    assert [(p["organisation_name"], p["role"]) for p in result["parties"]] == [
        ("PT Uji Peduli (CSR)", "first"),
        ("LKSA Uji Banjarmasin", "second"),
    ]
    assert [r["title"] for r in dinsos["results"]] == ["Pendampingan"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("99999999999999999999999", "Pastikan nilai ini lebih kecil dari atau sama dengan 9223372036854775807."),
        ("²", "Masukkan keseluruhan angka bilangan."),
    ],
)
def test_a_party_filter_that_no_id_can_match_is_refused_with_a_message_not_an_error(users, agreement, value, message):
    # The database refused the 23-digit number: an error page (500)
    response = client_for(users["board"]).get("/api/v1/partnerships/", {"organisation": value})

    assert (response.status_code, response.json()) == (400, {"organisation": [message]})


def test_out_of_scope_detail_is_404(users, agreement):
    assert client_for(users["board_tanah_laut"]).get(f"/api/v1/partnerships/{agreement.pk}/").status_code == 404


def test_create_in_scope_makes_a_draft(users, lks, csr):
    response = client_for(users["operator"]).post("/api/v1/partnerships/", body(lks, csr), format="json")

    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["status"], data["participation_forms"], data["welfare_pillars"]) == (
        "draft",
        ["keahlian", "dana"],  # in the vocabulary's order (PP 39/2012 Pasal 51)
        ["pemberdayaan_sosial"],
    )
    assert Agreement.objects.get().parties.count() == 2


def test_create_for_no_party_of_ones_own_is_403_and_nothing_is_written(users, lks, csr):
    response = client_for(users["board_tanah_laut"]).post("/api/v1/partnerships/", body(lks, csr), format="json")
    assert response.status_code == 403
    assert Agreement.objects.count() == 0


def test_create_with_bad_input_says_why_and_writes_nothing(users, lks, csr):
    hidden = OrganisationFactory(region_id="63.72", status="draft")
    response = client_for(users["board"]).post(
        "/api/v1/partnerships/",
        body(lks, hidden, participation_forms=["uang"]),
        format="json",
    )
    assert response.status_code == 400
    assert "participation_forms" in response.json()
    response = client_for(users["board"]).post("/api/v1/partnerships/", body(lks, hidden), format="json")
    assert response.status_code == 400
    assert response.json() == {
        "parties": [f"Organisasi dengan id {hidden.pk} tidak ada atau tidak dapat Anda pilih sebagai pihak."]
    }
    assert Agreement.objects.count() == 0


def test_patch_needs_the_version_and_refuses_a_stale_one(users, agreement):
    client = client_for(users["board"])
    url = f"/api/v1/partnerships/{agreement.pk}/"

    missing = client.patch(url, {"title": "Baru"}, format="json")
    stale = client.patch(url, {"title": "Baru", "version": 9}, format="json")
    ok = client.patch(url, {"title": "Baru", "version": 1}, format="json")

    assert missing.status_code == 400
    assert stale.status_code == 409
    assert ok.status_code == 200
    assert (ok.json()["title"], ok.json()["version"], len(ok.json()["parties"])) == ("Baru", 2, 2)


def test_put_replaces_the_parties(users, agreement, lks, csr, university):
    response = client_for(users["admin"]).put(
        f"/api/v1/partnerships/{agreement.pk}/",
        body(
            lks,
            csr,
            version=1,
            parties=[
                {"organisation": lks.pk, "role": "first"},
                {"organisation": university.pk, "role": "second"},
            ],
        ),
        format="json",
    )
    assert response.status_code == 200, response.content
    assert sorted(p["organisation_name"] for p in response.json()["parties"]) == [
        "LKSA Uji Banjarmasin",
        "Universitas Uji",
    ]


def test_viewers_cannot_change_through_the_api(users, agreement):
    response = client_for(users["dinsos"]).patch(
        f"/api/v1/partnerships/{agreement.pk}/", {"title": "X", "version": 1}, format="json"
    )
    assert response.status_code == 404  # not in the actor's CHANGE scope: same answer as a missing record
    agreement.refresh_from_db()
    assert agreement.title == "Beasiswa anak asuh"


def test_activate_and_terminate_actions(users, lks, csr):
    draft = agreement_between(lks, csr, status=AgreementStatus.DRAFT)
    client = client_for(users["board"])

    activated = client.post(f"/api/v1/partnerships/{draft.pk}/activate/")
    again = client.post(f"/api/v1/partnerships/{draft.pk}/activate/")
    no_reason = client.post(f"/api/v1/partnerships/{draft.pk}/terminate/", {}, format="json")
    terminated = client.post(f"/api/v1/partnerships/{draft.pk}/terminate/", {"reason": "Selesai"}, format="json")

    assert activated.json()["status"] == "active"
    assert again.status_code == 409
    assert no_reason.status_code == 400
    assert terminated.json()["status"] == "terminated"
    assert AuditEvent.objects.filter(object_id=str(draft.pk)).count() == 2


def test_dinsos_viewer_may_not_activate(users, lks, csr):
    draft = agreement_between(lks, csr, status=AgreementStatus.DRAFT)
    assert client_for(users["dinsos"]).post(f"/api/v1/partnerships/{draft.pk}/activate/").status_code == 403
    draft.refresh_from_db()
    assert draft.status == AgreementStatus.DRAFT


def test_the_schema_documents_the_endpoints(users):
    schema = client_for(users["board"]).get("/api/v1/schema/", {"format": "json"}).json()
    assert {"/api/v1/partnerships/", "/api/v1/partnerships/{id}/", "/api/v1/partnerships/{id}/terminate/"} <= set(
        schema["paths"]
    )
    assert "Agreement" in schema["components"]["schemas"]
