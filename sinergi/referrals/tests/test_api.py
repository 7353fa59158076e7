"""Referral API: same scope and summary-only rule as the pages, transitions as actions, the capacity endpoint and
the OpenAPI schema."""

import datetime

import pytest
from rest_framework.test import APIClient

from sinergi.people.choices import ConsentGiver, PlacementStatus
from sinergi.people.models import PersonAccess, Placement
from sinergi.referrals import services
from sinergi.referrals.choices import ReferralStatus
from sinergi.referrals.models import Referral
from sinergi.referrals.tests.factories import ReferralFactory, referral_world

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def world():
    return referral_world()


@pytest.fixture
def referral(world):
    return ReferralFactory(
        from_placement=world.child,
        to_organisation=world.people.lks_same_regency,
        sent_by=world.people.operator,
        health_notes="Alergi kacang",
        share_health=False,
    )


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_receiver_gets_only_the_summary_before_accepting(world, referral):
    person = referral.person
    client = api(world.people.other_operator)
    listed = client.get("/api/v1/referrals/", {"box": "inbox"})
    one = client.get(f"/api/v1/referrals/{referral.pk}/")
    for response in (listed, one):
        assert response.status_code == 200
        text = response.content.decode()
        assert person.full_name not in text
        assert person.nik_masked not in text
        assert "Ringkasan kasus contoh" not in text
    body = one.json()
    assert body["level"] == "summary"
    assert (body["person"], body["case_summary"], body["health_notes"]) == (None, None, None)
    assert (body["client_age"], body["client_sex"], body["ppks_category"]) == (10, "L", "anak_telantar")
    assert body["origin_regency_code"] == "63.71"
    assert not PersonAccess.objects.filter(person=person).exists()


def test_a_receiver_shown_the_summary_cannot_learn_by_trying_ids_whom_a_referral_is_about(world, referral):
    client = api(world.people.other_operator)

    counts = {
        pk: client.get("/api/v1/referrals/", {"person": pk}).json()["count"]
        for pk in (referral.person_id, referral.person_id + 1)
    }

    assert counts == {referral.person_id: 0, referral.person_id + 1: 0}
    # ... while the sender, who serves the child, finds its referrals by the child
    assert api(world.people.operator).get("/api/v1/referrals/", {"person": referral.person_id}).json()["count"] == 1


def test_the_sender_still_finds_its_referral_by_the_person_once_the_client_moved_to_the_receiver(world, referral):
    # The fifty-second review: once accepted, the child is the receiver's, and the sender's filter found nothing
    services.referral_accept(actor=world.people.other_operator, referral=referral)

    found = api(world.people.operator).get("/api/v1/referrals/", {"person": referral.person_id}).json()

    assert [row["id"] for row in found["results"]] == [referral.pk]


def test_a_person_filter_that_is_no_id_lists_nothing_rather_than_failing(client, world, referral):
    assert api(world.people.operator).get("/api/v1/referrals/", {"person": "abc"}).json()["count"] == 0
    client.force_login(world.people.operator)
    assert client.get("/referrals/", {"person": "abc"}).status_code == 200


def test_after_acceptance_the_receiver_gets_what_was_shared_only(world, referral):
    client = api(world.people.other_operator)
    response = client.post(f"/api/v1/referrals/{referral.pk}/accept/", {}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == ReferralStatus.ACCEPTED
    assert body["level"] == "shared"
    assert body["person"]["full_name"] == referral.person.full_name
    assert body["person"]["nik_masked"] == referral.person.nik_masked
    assert "nik" not in body["person"]
    assert body["case_summary"] == "Ringkasan kasus contoh"
    assert body["health_notes"] is None  # not shared
    assert Placement.objects.get(pk=world.child.pk).status == PlacementStatus.DISCHARGED
    assert body["new_placement"] == Placement.objects.get(person=referral.person, status="active").pk


def test_sender_sees_everything_and_the_read_is_logged(world, referral):
    body = api(world.people.operator).get(f"/api/v1/referrals/{referral.pk}/").json()
    assert body["level"] == "full"
    assert body["health_notes"] == "Alergi kacang"
    assert [e["kind"] for e in body["events"]] == []
    assert PersonAccess.objects.filter(person=referral.person, what="referral_viewed").count() == 1


def test_scope_per_role(world, referral):
    p = world.people
    counts = {
        user.username: api(user).get("/api/v1/referrals/").json()["count"]
        for user in (p.operator, p.other_operator, p.far_operator, p.regency_board, p.other_board, p.province_admin)
    }
    assert counts == {
        "operator.harapan": 1,
        "operator.tetangga": 1,
        "operator.banjarbaru": 0,
        "pengurus.bjm": 1,
        "pengurus.bjb": 0,
        "admin.kalsel": 1,
    }
    assert api(p.far_operator).get(f"/api/v1/referrals/{referral.pk}/").status_code == 404
    assert api(p.dinsos_viewer).get("/api/v1/referrals/").status_code == 403
    assert APIClient().get("/api/v1/referrals/").status_code in (401, 403)


def test_create_and_refusals(world):
    client = api(world.people.operator)
    data = {
        "person": world.child.person_id,
        "from_organisation": world.people.lks.pk,
        "to_organisation": world.people.lks_same_regency.pk,
        "reason": "Butuh LKSA dekat sekolah",
        "urgency": "emergency",
        "consent_given_by": ConsentGiver.GUARDIAN,
        "consent_giver_name": "Wali Contoh",
        "consent_given_on": TODAY.isoformat(),
        "share": ["identity"],
    }
    missing_consent = {k: v for k, v in data.items() if not k.startswith("consent")}
    refused = client.post("/api/v1/referrals/", missing_consent, format="json")
    assert refused.status_code == 400
    assert "consent" in refused.json()
    assert Referral.objects.count() == 0

    created = client.post("/api/v1/referrals/", data, format="json")
    assert created.status_code == 201
    body = created.json()
    assert (body["status"], body["urgency"], body["level"]) == ("sent", "emergency", "full")
    assert body["to_organisation"] == {"id": world.people.lks_same_regency.pk, "name": "LKSA Tetangga Contoh"}

    stranger = api(world.people.far_operator).post("/api/v1/referrals/", data, format="json")
    assert stranger.status_code == 400
    assert stranger.json() == {"person": ["Penerima layanan tidak ditemukan."]}


def test_transition_outside_the_table_is_a_conflict(world, referral):
    client = api(world.people.other_operator)
    response = client.post(f"/api/v1/referrals/{referral.pk}/complete/", {}, format="json")
    assert response.status_code == 409
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT


def test_decline_and_cancel_need_a_reason_and_the_right_end(world, referral):
    receiver, sender = api(world.people.other_operator), api(world.people.operator)
    assert receiver.post(f"/api/v1/referrals/{referral.pk}/decline/", {}, format="json").status_code == 400
    assert sender.post(f"/api/v1/referrals/{referral.pk}/decline/", {"reason": "x"}, format="json").status_code == 403
    assert receiver.post(f"/api/v1/referrals/{referral.pk}/cancel/", {"reason": "x"}, format="json").status_code == 403
    response = sender.post(f"/api/v1/referrals/{referral.pk}/cancel/", {"reason": "Keluarga menjemput"}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"


def test_capacity_endpoint(world):
    client = api(world.people.operator)
    response = client.get(
        "/api/v1/referrals/capacity/", {"ppks": "anak_telantar", "age": 10, "sex": "L", "near": world.people.lks.pk}
    )
    assert response.status_code == 200
    rows = response.json()
    names = [row["organisation"]["name"] for row in rows]
    assert "LKSA Harapan Contoh" not in names  # the sender
    assert "Panti Werdha Contoh" not in names
    assert names[0] == "LKSA Tetangga Contoh"  # same kecamatan before Banjarbaru
    assert names[-1] == "LKSA Banjarbaru Contoh"
    first = rows[0]
    assert (first["capacity"], first["active"], first["free"], first["proximity"]) == (30, 0, 30, 0)
    assert client.get("/api/v1/referrals/capacity/", {"ppks": "tidak_ada"}).status_code == 400
    assert client.get("/api/v1/referrals/capacity/", {"ppks": "anak_telantar", "near": 999999}).status_code == 404


def test_an_operators_capacity_search_starts_from_their_own_lks_when_not_told(world):
    # The forty-ninth review: without `near` every LKS was "elsewhere", where the page searches from the operator's LKS
    client = api(world.people.operator)

    unsaid = client.get("/api/v1/referrals/capacity/", {"ppks": "anak_telantar", "age": 10, "sex": "L"}).json()
    said = client.get(
        "/api/v1/referrals/capacity/", {"ppks": "anak_telantar", "age": 10, "sex": "L", "near": world.people.lks.pk}
    ).json()

    assert unsaid == said
    assert [row["proximity"] for row in unsaid][:1] == [0]


def test_schema_lists_the_referral_endpoints(world):
    schema = api(world.people.operator).get("/api/v1/schema/", {"format": "json"}).json()
    paths = schema["paths"]
    for path in (
        "/api/v1/referrals/",
        "/api/v1/referrals/{id}/",
        "/api/v1/referrals/{id}/accept/",
        "/api/v1/referrals/{id}/decline/",
        "/api/v1/referrals/{id}/complete/",
        "/api/v1/referrals/{id}/cancel/",
        "/api/v1/referrals/capacity/",
    ):
        assert path in paths, path
