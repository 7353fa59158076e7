"""People API writes that the schema describes: what PATCH refuses rather than ignores, what create requires, and
a stage that is not one."""

import pytest

from sinergi.core.testing import token_headers
from sinergi.people.choices import CaseStage
from sinergi.people.models import Person, Placement, Worker
from sinergi.people.tests.factories import PlacementFactory, WorkerFactory, people_world

pytestmark = pytest.mark.django_db

CREATE_ONLY = "Hanya diisi saat data dibuat; tidak dapat diubah dengan PATCH."


@pytest.fixture
def world():
    return people_world()


def patch(client, url: str, body: dict, user):
    return client.patch(url, body, headers=token_headers(user), content_type="application/json")


@pytest.mark.parametrize(
    "field",
    [
        {"organisation": "other"},
        {"placement": {"ppks_category": "anak_telantar", "setting": "residential", "admitted_on": "2025-01-02"}},
        {"consent": {"given_by": "guardian", "giver_name": "X", "given_on": "2025-01-02", "legal_basis": "consent"}},
    ],
    ids=["organisation", "placement", "consent"],
)
def test_a_client_patch_refuses_what_only_the_admission_sets_and_changes_nothing(client, world, field):
    child = PlacementFactory(person__organisation=world.lks)
    person = child.person
    if "organisation" in field:
        field = {"organisation": world.lks_same_regency.pk}
    body = {"birth_place": "Martapura", "version": person.version, **field}
    response = patch(client, f"/api/v1/clients/{person.pk}/", body, world.operator)
    assert (response.status_code, response.json()) == (400, {next(iter(field)): [CREATE_ONLY]})
    person.refresh_from_db()
    assert (person.organisation_id, person.birth_place) == (world.lks.pk, "")
    assert Placement.objects.filter(person=person).count() == 1 and not person.consents.exists()


def test_a_client_patch_may_send_back_the_lks_it_read(client, world):
    person = PlacementFactory(person__organisation=world.lks).person
    body = {"organisation": world.lks.pk, "birth_place": "Martapura", "version": person.version}
    response = patch(client, f"/api/v1/clients/{person.pk}/", body, world.operator)
    assert response.status_code == 200, response.content
    assert response.json()["organisation"] == world.lks.pk
    assert Person.objects.get(pk=person.pk).birth_place == "Martapura"


def test_a_worker_patch_refuses_a_move_to_another_lks(client, world):
    worker = WorkerFactory(organisation=world.lks)
    body = {"organisation": world.lks_same_regency.pk, "job_title": "Kepala", "version": worker.version}
    response = patch(client, f"/api/v1/workers/{worker.pk}/", body, world.operator)
    assert (response.status_code, response.json()) == (400, {"organisation": [CREATE_ONLY]})
    worker.refresh_from_db()
    assert (worker.organisation_id, worker.job_title) == (world.lks.pk, "")
    body["organisation"] = world.lks.pk
    response = patch(client, f"/api/v1/workers/{worker.pk}/", body, world.operator)
    assert response.status_code == 200 and response.json()["organisation"] == world.lks.pk
    assert Worker.objects.get(pk=worker.pk).job_title == "Kepala"


def test_admitting_without_the_first_placement_is_refused_on_the_field(client, world):
    body = {"organisation": world.lks.pk, "full_name": "Tanpa Penempatan Contoh", "sex": "P"}
    response = client.post(
        "/api/v1/clients/", body, headers=token_headers(world.operator), content_type="application/json"
    )
    assert (response.status_code, response.json()) == (400, {"placement": ["Penempatan pertama wajib diisi."]})
    assert Person.objects.count() == 0


def test_an_unknown_stage_is_a_400_on_the_field_not_a_refused_transition(client, world):
    child = PlacementFactory(person__organisation=world.lks, stage=CaseStage.ASSESSMENT)
    response = client.post(
        f"/api/v1/placements/{child.pk}/stage/", {"stage": "zzz"}, headers=token_headers(world.operator)
    )
    assert response.status_code == 400
    assert list(response.json()) == ["stage"]
    child.refresh_from_db()
    assert child.stage == CaseStage.ASSESSMENT
