"""A create form that reaches the server twice saves once (sinergi.core.once; the fifty-third review S1): a retry
after a dead zone swallowed the first answer, or a second tap the page's script did not catch."""

import uuid

import pytest

from sinergi.core.models import FormSubmission
from sinergi.notifications.models import Notification
from sinergi.people.models import Incident, Person

from .factories import PlacementFactory, people_world
from .test_views import admit_data, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return people_world()


@pytest.fixture
def child(world):
    return PlacementFactory(person__organisation=world.lks, person__full_name="Budi Contoh")


def test_an_admission_without_nik_sent_twice_admits_one_child_and_shows_the_first_answer(client, world):
    # Without NIK or mother's name nothing else would notice the second child: no duplicate is flagged
    sign_in(client, world.operator)
    data = admit_data(world, nik=None, nik_missing_reason="unknown", mother_name=None, form_key=str(uuid.uuid4()))

    first = client.post("/people/admit/", data)
    second = client.post("/people/admit/", data, follow=True)

    assert first.status_code == 302
    assert Person.objects.filter(full_name="Putri Baru Contoh").count() == 1
    assert second.redirect_chain[0][0] == first["Location"]
    assert "sudah terkirim dan tersimpan" in second.content.decode()


def test_a_form_sent_back_with_errors_frees_its_key_for_the_corrected_one(client, world):
    sign_in(client, world.operator)
    key = str(uuid.uuid4())

    refused = client.post("/people/admit/", admit_data(world, full_name="", form_key=key))
    saved = client.post("/people/admit/", admit_data(world, form_key=key))

    assert refused.status_code == 400
    assert saved.status_code == 302
    assert Person.objects.filter(full_name="Putri Baru Contoh").count() == 1


def test_an_incident_sent_twice_is_reported_and_notified_once(client, world, child, django_capture_on_commit_callbacks):
    sign_in(client, world.operator)
    data = {"kind": "physical", "description": "Memar di lengan.", "form_key": str(uuid.uuid4())}

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/people/{child.person_id}/incident/", data)
        client.post(f"/people/{child.person_id}/incident/", data)

    assert Incident.objects.filter(person=child.person).count() == 1
    notified = Notification.objects.filter(kind__startswith="people.incident")
    assert notified.exists()
    assert notified.count() == notified.values("recipient").distinct().count()  # nobody told twice


def test_a_repeat_of_a_sending_still_being_saved_waits_then_saves_nothing(client, world, settings, monkeypatch):
    import sinergi.core.once as once

    monkeypatch.setattr(once, "WAIT_SECONDS", 0.1)
    sign_in(client, world.operator)
    key = uuid.uuid4()
    FormSubmission.objects.create(user=world.operator, key=key)  # the first sending, not answered yet

    response = client.post("/people/admit/", admit_data(world, form_key=str(key)))

    assert response.status_code == 409
    assert "Formulir ini sudah terkirim" in response.content.decode()
    assert not Person.objects.filter(full_name="Putri Baru Contoh").exists()


def test_the_forms_carry_a_new_key_each_time_they_are_shown(client, world, child):
    sign_in(client, world.operator)
    pages = [client.get("/people/admit/").content.decode() for _ in range(2)]
    keys = [page.split('name="form_key" value="')[1].split('"')[0] for page in pages]
    detail = client.get(f"/people/{child.person_id}/").content.decode()

    assert keys[0] != keys[1] and all(uuid.UUID(key) for key in keys)
    assert detail.count('name="form_key"') == 2  # the consent and the incident forms


def test_a_refusal_sent_back_to_the_record_frees_its_key(client, world, child):
    # A board member may see the child, not record its consent: refused with a message on the client's page
    sign_in(client, world.regency_board)
    key = str(uuid.uuid4())
    consent = {"given_by": "parent", "giver_name": "Wali", "given_on": "2025-01-02", "legal_basis": "consent",
               "scope": "Pelayanan", "form_key": key}  # fmt: skip

    refused = client.post(f"/people/{child.person_id}/consent/", consent)

    assert refused.status_code == 302
    assert not FormSubmission.objects.filter(key=key).exists()  # a repeat is not told it was saved


def test_a_key_left_by_a_sending_that_died_mid_save_does_not_block_the_form(client, world):
    import datetime

    from django.utils import timezone

    sign_in(client, world.operator)
    key = uuid.uuid4()
    left = FormSubmission.objects.create(user=world.operator, key=key)  # its worker was killed
    FormSubmission.objects.filter(pk=left.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=2))

    response = client.post("/people/admit/", admit_data(world, form_key=str(key)))

    assert response.status_code == 302
    assert Person.objects.filter(full_name="Putri Baru Contoh").count() == 1


def test_an_edit_sent_twice_is_shown_the_first_save_not_a_conflict(client, world, child):
    # The first sending saved and raised the version; the repeat carries the old one (the fifty-fifth review, m1)
    from .test_person_edit import form_data

    sign_in(client, world.operator)
    person = child.person
    data = form_data(person, full_name="Budi Dibetulkan Contoh", form_key=str(uuid.uuid4()))

    first = client.post(f"/people/{person.pk}/edit/", data)
    second = client.post(f"/people/{person.pk}/edit/", data, follow=True)

    assert first.status_code == 302
    assert second.status_code == 200 and second.redirect_chain[0][0] == first["Location"]
    assert "sudah terkirim dan tersimpan" in second.content.decode()
    person.refresh_from_db()
    assert (person.full_name, person.version) == ("Budi Dibetulkan Contoh", data["version"] + 1)


def test_a_worker_edit_sent_twice_is_shown_the_first_save_not_a_conflict(client, world):
    from .factories import WorkerFactory

    worker = WorkerFactory(organisation=world.lks)
    sign_in(client, world.operator)
    data = {"full_name": "Pengasuh Diubah Contoh", "sex": "P", "psks_category": worker.psks_category_id,
            "role": "peksos", "version": worker.version, "form_key": str(uuid.uuid4())}  # fmt: skip

    first = client.post(f"/people/workers/{worker.pk}/edit/", data)
    second = client.post(f"/people/workers/{worker.pk}/edit/", data, follow=True)

    assert first.status_code == 302
    assert second.status_code == 200 and "sudah terkirim dan tersimpan" in second.content.decode()


def test_the_edit_pages_carry_a_key(client, world, child):
    from .factories import WorkerFactory

    worker = WorkerFactory(organisation=world.lks)
    sign_in(client, world.operator)

    for url in (f"/people/{child.person_id}/edit/", f"/people/workers/{worker.pk}/edit/"):
        assert client.get(url).content.decode().count('name="form_key"') == 1, url
