"""People API: scope for every role on every endpoint, masking everywhere, writes through the services."""

import datetime

import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import MembershipFactory
from sinergi.core.crypto import decrypt
from sinergi.core.testing import token_headers
from sinergi.people.choices import CaseStage, PlacementStatus
from sinergi.people.models import Consent, Person, PersonAccess, Placement, Worker, WorkerAccess
from sinergi.people.tests.factories import PlacementFactory, WorkerFactory, people_world
from sinergi.vocabularies.models import Term

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
NEW_NIK = "6371015203150042"
ROLES = [
    "anonymous",
    "outsider",
    "operator",
    "other_operator",
    "regency_board",
    "other_board",
    "dinsos_viewer",
    "province_admin",
]


@pytest.fixture
def world():
    return people_world()


@pytest.fixture
def child(world):
    return PlacementFactory(
        person__organisation=world.lks,
        person__full_name="Budi Contoh",
        stage=CaseStage.ASSESSMENT,
        next_review_on=TODAY + datetime.timedelta(days=20),
    )


@pytest.fixture
def far_child(world):
    return PlacementFactory(person__organisation=world.lks_other_regency, person__full_name="Rina Jauh Contoh")


def user_of(world, role):
    return None if role == "anonymous" else getattr(world, role)


# url -> expected status per role, in ROLES order
API = {
    "/api/v1/clients/": [401, 403, 200, 200, 200, 200, 403, 200],
    "/api/v1/clients/{person}/": [401, 403, 200, 404, 200, 404, 403, 200],
    "/api/v1/clients/{far}/": [401, 403, 404, 404, 404, 200, 403, 200],
    "/api/v1/placements/": [401, 403, 200, 200, 200, 200, 403, 200],
    "/api/v1/placements/{placement}/": [401, 403, 200, 404, 200, 404, 403, 200],
    "/api/v1/workers/": [401, 403, 200, 200, 200, 200, 403, 200],
    "/api/v1/workers/{worker}/": [401, 403, 200, 404, 200, 404, 403, 200],
}


@pytest.mark.parametrize("url", API)
def test_every_role_on_every_endpoint(client, world, child, far_child, url):
    worker = WorkerFactory(organisation=world.lks)
    path = url.format(person=child.person_id, far=far_child.person_id, placement=child.pk, worker=worker.pk)
    # every role says why it reads (an operator need not: its default is service)
    got = [
        client.get(f"{path}?purpose=supervision", headers=token_headers(user_of(world, role))).status_code
        for role in ROLES
    ]
    assert dict(zip(ROLES, got, strict=True)) == dict(zip(ROLES, API[url], strict=True))


def test_list_counts_per_role(client, world, child, far_child):
    expected = {"operator": 1, "other_operator": 0, "regency_board": 1, "other_board": 1, "province_admin": 2}
    for role, count in expected.items():
        body = client.get("/api/v1/clients/?purpose=supervision", headers=token_headers(getattr(world, role))).json()
        assert body["count"] == count, role
        body = client.get("/api/v1/placements/?purpose=supervision", headers=token_headers(getattr(world, role))).json()
        assert body["count"] == count, role


def test_nik_is_masked_in_every_response_for_every_role(client, world, child):
    nik = decrypt(child.person.nik_encrypted)
    for role in ["operator", "regency_board", "province_admin"]:
        for path in ["/api/v1/clients/", f"/api/v1/clients/{child.person_id}/", "/api/v1/placements/"]:
            response = client.get(f"{path}?purpose=supervision", headers=token_headers(getattr(world, role)))
            assert nik not in response.content.decode(), (role, path)
    body = client.get(f"/api/v1/clients/{child.person_id}/", headers=token_headers(world.operator)).json()
    assert body["nik_masked"] == child.person.nik_masked
    assert "nik" not in body and "nik_encrypted" not in body


def test_reads_are_written_to_the_access_log_with_the_purpose(client, world, child):
    client.get(f"/api/v1/clients/{child.person_id}/?purpose=case_review", headers=token_headers(world.regency_board))
    client.get("/api/v1/clients/", headers=token_headers(world.operator))
    assert sorted(PersonAccess.objects.values_list("what", "purpose", "actor_name")) == [
        ("api_listed", "service", "operator.harapan"),
        ("viewed", "case_review", "pengurus.bjm"),
    ]


def test_placement_reads_are_written_to_the_clients_access_log_with_the_purpose(client, world, child, far_child):
    # a stay names its client and category: reading it is reading the client
    second_stay = PlacementFactory(person=child.person, status=PlacementStatus.DISCHARGED)
    client.get(f"/api/v1/placements/{child.pk}/?purpose=case_review", headers=token_headers(world.regency_board))
    client.get("/api/v1/placements/?purpose=supervision", headers=token_headers(world.province_admin))

    assert sorted(PersonAccess.objects.values_list("person_id", "what", "purpose", "actor_name")) == sorted(
        [
            (child.person_id, "viewed", "case_review", "pengurus.bjm"),
            # one line per client listed, not per stay (the child has two)
            (child.person_id, "api_listed", "supervision", world.province_admin.username),
            (far_child.person_id, "api_listed", "supervision", world.province_admin.username),
        ]
    )
    assert second_stay.person_id == child.person_id


def test_the_placement_list_applies_its_filters(client, world, child, far_child):
    discharged = PlacementFactory(person__organisation=world.lks, status=PlacementStatus.DISCHARGED)

    def listed(query: str) -> list[int]:
        body = client.get(
            f"/api/v1/placements/?purpose=supervision&{query}", headers=token_headers(world.province_admin)
        ).json()
        return sorted(row["id"] for row in body["results"])

    assert listed(f"person={child.person_id}") == [child.pk]
    assert listed("status=discharged") == [discharged.pk]
    assert listed(f"organisation={world.lks_other_regency.pk}") == [far_child.pk]
    assert listed("stage=asesmen") == [child.pk]


@pytest.mark.parametrize(
    ("query", "field"), [("person=abc", "person"), ("status=gone", "status"), ("stage=zzz", "stage")]
)
def test_a_placement_filter_it_cannot_apply_is_refused_not_ignored(client, world, child, query, field):
    response = client.get(
        f"/api/v1/placements/?purpose=supervision&{query}", headers=token_headers(world.province_admin)
    )

    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert not PersonAccess.objects.exists()


def test_a_client_address_that_is_no_id_is_404_in_json(client, world, child):
    response = client.get("/api/v1/clients/abc/", headers=token_headers(world.operator))

    assert (response.status_code, response["Content-Type"]) == (404, "application/json")


@pytest.mark.parametrize("value", ["²", "99999999999999999999999"])
def test_an_id_that_no_row_can_have_is_not_found_or_refused_with_a_message_not_an_error(client, world, child, value):
    # "²" passes str.isdigit and int refuses it; a 23-digit id the database refuses: both were error pages (500)
    headers = token_headers(world.operator)

    one = client.get(f"/api/v1/clients/{value}/", headers=headers)
    stays = client.get("/api/v1/placements/", {"person": value}, headers=headers)
    of_lks = client.get("/api/v1/placements/", {"organisation": value}, headers=headers)
    clients_of_lks = client.get("/api/v1/clients/", {"organisation": value}, headers=headers)

    assert one.status_code == 404
    assert (stays.status_code, stays.json()) == (400, {"person": ["Isi dengan nomor ID."]})
    assert (of_lks.status_code, of_lks.json()) == (400, {"organisation": ["Isi dengan nomor ID."]})
    assert clients_of_lks.status_code == 400 and list(clients_of_lks.json()) == ["organisation"]
    assert not PersonAccess.objects.exists()


def test_an_id_written_as_a_form_reads_it_finds_its_stays(client, world, child):
    # Checked as "5.0" is 5, then looked up as written: the lookup raised (an error page)
    for written in (f"{child.person_id}.0", f"+{child.person_id}"):
        stays = client.get("/api/v1/placements/", {"person": written}, headers=token_headers(world.operator))
        assert stays.status_code == 200 and [row["id"] for row in stays.json()["results"]] == [child.pk]


def test_a_board_says_why_it_reads_as_the_pages_ask_and_an_operator_reads_for_service_by_default(client, world, child):
    # The forty-ninth review: a board's reads were logged as "service", a purpose a board does not have
    unsaid = client.get("/api/v1/clients/", headers=token_headers(world.regency_board))
    operator = client.get("/api/v1/clients/", headers=token_headers(world.operator))

    assert unsaid.status_code == 400
    assert unsaid.json() == {
        "purpose": [
            "Sebutkan tujuan akses (purpose): service, case_review, duplicate, supervision, subject_request, reporting."
        ]
    }
    assert operator.status_code == 200
    assert list(PersonAccess.objects.values_list("actor_name", "purpose")) == [("operator.harapan", "service")]


def test_an_operator_who_also_sits_on_a_board_says_why_they_read(client, world, child):
    # The fifty-second review: the operator's default let a board seat's reads of other LKS's clients pass as service
    MembershipFactory(user=world.operator, role=Role.REGENCY_BOARD, region_id="63.72", organisation=None)

    assert client.get("/api/v1/clients/", headers=token_headers(world.operator)).status_code == 400
    assert client.get("/api/v1/clients/?purpose=supervision", headers=token_headers(world.operator)).status_code == 200


def test_unknown_purpose_is_refused(client, world, child):
    response = client.get(
        f"/api/v1/clients/{child.person_id}/?purpose=curiosity", headers=token_headers(world.operator)
    )
    assert response.status_code == 400
    assert not PersonAccess.objects.exists()


def admission(world, **changes) -> dict:
    body = {
        "organisation": world.lks.pk,
        "full_name": "Putri Api Contoh",
        "sex": "P",
        "birth_date": "2015-03-12",
        "nik": NEW_NIK,
        "kk_missing_reason": "unknown",
        "ppks_categories": ["anak_telantar"],
        "mother_name": "Siti Ibu Contoh",
        "placement": {"ppks_category": "anak_telantar", "setting": "residential", "admitted_on": TODAY.isoformat()},
        "consent": {
            "given_by": "guardian",
            "giver_name": "Wali Contoh",
            "given_on": TODAY.isoformat(),
            "legal_basis": "consent",
            "scope": "Pelayanan",
        },
    }
    return body | changes


def test_an_admission_with_a_retired_category_is_refused_and_writes_nothing(client, world):
    Term.objects.filter(vocabulary="ppks", code="anak_telantar").update(is_active=False)

    response = client.post(
        "/api/v1/clients/", admission(world), headers=token_headers(world.operator), content_type="application/json"
    )

    assert response.status_code == 400
    assert "sudah tidak dipakai" in str(response.json())
    assert not Person.objects.exists()


def test_operator_admits_through_the_api_and_gets_the_masked_nik_back(client, world):
    response = client.post(
        "/api/v1/clients/", admission(world), headers=token_headers(world.operator), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["nik_masked"] == "6371********0042"
    assert NEW_NIK not in response.content.decode()
    person = Person.objects.get(pk=body["id"])
    assert person.placements.get().stage == CaseStage.REFERRAL
    assert person.consents.get().given_by == "guardian"
    assert body["warnings"] == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"nik": "63710152031500"}, "nik"),
        ({"nik": "6.37101E+15"}, "nik"),
        ({"birth_date": "2015-02-30"}, "birth_date"),
        (
            {"placement": {"ppks_category": "anak_telantar", "setting": "residential", "admitted_on": "2010-01-01"}},
            "admitted_on",
        ),
    ],
)
def test_bad_input_is_refused_with_a_field_message_and_nothing_written(client, world, changes, field):
    response = client.post(
        "/api/v1/clients/",
        admission(world, **changes),
        headers=token_headers(world.operator),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert field in response.json()
    assert (Person.objects.count(), Placement.objects.count(), Consent.objects.count()) == (0, 0, 0)


def test_child_in_elderly_home_is_refused(client, world):
    response = client.post(
        "/api/v1/clients/",
        admission(world, organisation=world.elderly_home.pk),
        headers=token_headers(world.province_admin),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "Anak tidak dapat ditempatkan di LKS lanjut usia." in response.content.decode()
    assert Person.objects.count() == 0


@pytest.mark.parametrize(("role", "status"), [("other_operator", 403), ("regency_board", 403), ("dinsos_viewer", 403)])
def test_others_cannot_admit_at_the_operators_lks(client, world, role, status):
    response = client.post(
        "/api/v1/clients/",
        admission(world),
        headers=token_headers(getattr(world, role)),
        content_type="application/json",
    )
    assert response.status_code == status
    assert Person.objects.count() == 0


def test_client_correction_needs_the_version_and_refuses_a_stale_one(client, world, child):
    headers = token_headers(world.operator)
    url = f"/api/v1/clients/{child.person_id}/"
    assert (
        client.patch(url, {"birth_place": "Martapura"}, headers=headers, content_type="application/json").status_code
        == 400
    )
    version = child.person.version
    response = client.patch(
        url, {"birth_place": "Martapura", "version": version}, headers=headers, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert Person.objects.get(pk=child.person_id).birth_place == "Martapura"
    stale = client.patch(
        url, {"birth_place": "Barabai", "version": version}, headers=headers, content_type="application/json"
    )
    assert stale.status_code == 409
    assert Person.objects.get(pk=child.person_id).birth_place == "Martapura"


def test_board_cannot_correct_a_client(client, world, child):
    response = client.patch(
        f"/api/v1/clients/{child.person_id}/",
        {"birth_place": "Martapura", "version": 1},
        headers=token_headers(world.regency_board),
        content_type="application/json",
    )
    assert response.status_code == 404
    assert Person.objects.get(pk=child.person_id).birth_place == ""


def test_placement_stage_and_discharge_actions(client, world, child):
    headers = token_headers(world.operator)
    response = client.post(f"/api/v1/placements/{child.pk}/stage/", {"stage": "perencanaan"}, headers=headers)
    assert response.status_code == 200 and response.json()["stage"] == "perencanaan"
    early = (child.admitted_on - datetime.timedelta(days=1)).isoformat()
    response = client.post(
        f"/api/v1/placements/{child.pk}/discharge/", {"discharged_on": early, "reason": "reunified"}, headers=headers
    )
    assert response.status_code == 400 and "discharged_on" in response.json()
    child.refresh_from_db()
    assert child.status == PlacementStatus.ACTIVE
    response = client.post(
        f"/api/v1/placements/{child.pk}/discharge/",
        {"discharged_on": TODAY.isoformat(), "reason": "reunified"},
        headers=headers,
    )
    assert response.status_code == 200 and response.json()["status"] == "discharged"


def test_board_cannot_discharge(client, world, child):
    response = client.post(
        f"/api/v1/placements/{child.pk}/discharge/",
        {"discharged_on": TODAY.isoformat(), "reason": "reunified"},
        headers=token_headers(world.regency_board),
    )
    assert response.status_code == 403
    child.refresh_from_db()
    assert child.status == PlacementStatus.ACTIVE


def test_worker_create_and_update(client, world):
    headers = token_headers(world.operator)
    body = {
        "organisation": world.lks.pk,
        "full_name": "Pekerja Api Contoh",
        "sex": "L",
        "psks_category": "peksos_profesional",
        "role": "peksos",
        "works_with_children": True,
        "background_check_on": "2025-02-01",
        "background_check_result": "clear",
        "nik": "6371010101850003",
    }
    response = client.post("/api/v1/workers/", body, headers=headers, content_type="application/json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["nik_masked"] == "6371********0003" and "nik" not in data
    worker = Worker.objects.get(pk=data["id"])
    response = client.patch(
        f"/api/v1/workers/{worker.pk}/",
        {"certifications": "Sertifikasi peksos", "version": worker.version},
        headers=headers,
        content_type="application/json",
    )
    assert response.status_code == 200
    worker.refresh_from_db()
    assert worker.certifications == "Sertifikasi peksos"


def test_reading_workers_through_the_api_is_logged_with_the_purpose_given(client, world):
    worker = WorkerFactory(organisation=world.lks)
    WorkerFactory(organisation=world.lks_other_regency)  # outside the operator's scope: neither listed nor logged
    headers = token_headers(world.operator)

    assert client.get("/api/v1/workers/?purpose=reporting", headers=headers).json()["count"] == 1
    assert client.get(f"/api/v1/workers/{worker.pk}/?purpose=supervision", headers=headers).status_code == 200
    assert client.get(f"/api/v1/workers/{worker.pk}/?purpose=curiosity", headers=headers).status_code == 400

    logged = list(WorkerAccess.objects.order_by("pk").values_list("worker_id", "what", "purpose"))
    assert logged == [(worker.pk, "api_listed", "reporting"), (worker.pk, "viewed", "supervision")]


def test_worker_create_refused_outside_scope(client, world):
    body = {"organisation": world.lks.pk, "full_name": "X Contoh", "sex": "L", "psks_category": "psm", "role": "psm"}
    response = client.post(
        "/api/v1/workers/", body, headers=token_headers(world.far_operator), content_type="application/json"
    )
    assert response.status_code == 403
    assert Worker.objects.count() == 0


def test_schema_lists_the_people_endpoints(client):
    schema = client.get("/api/v1/schema/").content.decode()
    for path in ("/api/v1/clients/", "/api/v1/placements/{id}/discharge/", "/api/v1/workers/{id}/"):
        assert path in schema
