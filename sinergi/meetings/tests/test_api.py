import pytest
from rest_framework.test import APIClient

from ..choices import ActionStatus
from .factories import ActionItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def world(board_province, board_banjarmasin, board_banjarbaru, lks):
    rakor = MeetingFactory(organiser=board_province, title="Rakor")
    rakor.agenda_items.create(order=1, title="Pembukaan", presenter="Ketua")
    decision = rakor.decisions.create(number=1, text="Data LKS diperbarui.")
    item = ActionItemFactory(meeting=rakor, owner=lks, decision=decision, description="Kirim data")
    return {
        "rakor": rakor,
        "item": item,
        "banjarmasin": MeetingFactory(organiser=board_banjarmasin, title="Rapat BJM"),
        "banjarbaru": MeetingFactory(organiser=board_banjarbaru, title="Rapat BJB"),
    }


def test_list_is_scoped(world, board_member, operator):
    board = api(board_member).get("/api/v1/meetings/").json()
    owner = api(operator).get("/api/v1/meetings/").json()

    assert [m["title"] for m in board["results"]] == ["Rapat BJM"]
    assert [m["title"] for m in owner["results"]] == ["Rakor"]


def test_retrieve_has_days_agenda_decisions_and_action_items(world, operator, lks):
    rakor = world["rakor"]

    body = api(operator).get(f"/api/v1/meetings/{rakor.pk}/").json()

    assert body["days"] == [{"date": "2025-03-10", "starts_at": "09:00:00", "ends_at": "15:00:00"}]
    assert body["time_zone"] == "Asia/Makassar"  # the clock of those hours: Kalsel's, the organiser's
    assert body["closed_at"] is None  # not closed
    assert body["agenda"] == [{"order": 1, "title": "Pembukaan", "presenter": "Ketua"}]
    assert [d["text"] for d in body["decisions"]] == ["Data LKS diperbarui."]
    assert [(a["description"], a["owner"], a["decision_number"], a["status"]) for a in body["action_items"]] == [
        ("Kirim data", lks.pk, 1, "open")
    ]


def test_retrieve_outside_scope_is_404(world, board_member_elsewhere):
    assert api(board_member_elsewhere).get(f"/api/v1/meetings/{world['rakor'].pk}/").status_code == 404


def test_owner_marks_the_action_item_done(world, operator):
    item = world["item"]

    response = api(operator).post(f"/api/v1/meetings/action-items/{item.pk}/status/", {"status": "done"}, format="json")

    assert response.status_code == 200
    assert response.json()["status"] == "done"
    item.refresh_from_db()
    assert item.status == ActionStatus.DONE


def test_owner_may_not_cancel_and_a_bad_transition_is_400(world, operator, province_admin):
    item = world["item"]

    cancel = api(operator).post(f"/api/v1/meetings/action-items/{item.pk}/status/", {"status": "cancelled"})
    item.status = ActionStatus.DONE
    item.save()
    backwards = api(province_admin).post(f"/api/v1/meetings/action-items/{item.pk}/status/", {"status": "cancelled"})

    assert cancel.status_code == 403
    assert backwards.status_code == 400
    assert "tidak dapat diubah" in backwards.json()["status"][0]
    item.refresh_from_db()
    assert item.status == ActionStatus.DONE


def test_action_item_of_an_unseen_meeting_is_404(world, board_member_elsewhere):
    item = world["item"]

    response = api(board_member_elsewhere).post(f"/api/v1/meetings/action-items/{item.pk}/status/", {"status": "done"})

    assert response.status_code == 404
    item.refresh_from_db()
    assert item.status == ActionStatus.OPEN


def test_mine_filter(world, operator, board_member, board_banjarmasin):
    ActionItemFactory(meeting=world["banjarmasin"], owner=board_banjarmasin)

    mine = api(board_member).get("/api/v1/meetings/action-items/?mine=1").json()
    everything = api(board_member).get("/api/v1/meetings/action-items/").json()

    assert [a["owner"] for a in mine["results"]] == [board_banjarmasin.pk]
    assert len(everything["results"]) == 1


def test_anonymous_is_refused():
    assert APIClient().get("/api/v1/meetings/").status_code in (401, 403)


def test_schema_lists_the_meetings_endpoints(province_admin):
    schema = api(province_admin).get("/api/v1/schema/?format=json")

    paths = schema.json()["paths"]
    assert {"get"} <= set(paths["/api/v1/meetings/"])
    assert {"get"} <= set(paths["/api/v1/meetings/{id}/"])
    assert {"post"} == set(paths["/api/v1/meetings/action-items/{id}/status/"])
