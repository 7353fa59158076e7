"""What a correction replaces in a client's identifying fields is kept, encrypted, beside the audit log's "these fields
changed" (the fifty-fourth review M2): read back on the client's page and in the person's access request, and erased
with the person."""

import datetime

import pytest

from sinergi.audit.models import AuditEvent
from sinergi.people import selectors, services
from sinergi.people.models import PersonRevision

from .factories import PersonFactory, PlacementFactory, people_world
from .test_views import sign_in

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


@pytest.fixture
def world():
    return people_world()


def corrected(world, **data):
    person = PersonFactory(organisation=world.lks, full_name="Budi Contoh", father_name="Ahmad Contoh")
    services.person_update(actor=world.operator, person=person, data=data, expected_version=person.version)
    person.refresh_from_db()
    return person


def test_a_field_blanked_by_mistake_can_be_read_back_by_those_who_may_change_the_record(client, world):
    person = corrected(world, father_name="", guardian_phone="0812 0000 1111")
    PlacementFactory(person=person)

    (row,) = selectors.person_revisions(person=person)
    sign_in(client, world.operator)
    page = client.get(f"/people/{person.pk}/").content.decode()
    client.logout()
    sign_in(client, world.regency_board)  # sees the child, may not change the record
    board_page = client.get(f"/people/{person.pk}/").content.decode()

    assert row.actor_name == world.operator.username
    assert [(c.label, c.before, c.after) for c in row.changes] == [
        ("nama ayah", "Ahmad Contoh", "—"),
        ("telepon wali", "—", "0812 0000 1111"),
    ]
    assert "Data identitas sebelum dikoreksi" in page and "Ahmad Contoh" in page
    assert "Ahmad Contoh" not in board_page
    # the audit log itself still names the fields only
    event = AuditEvent.objects.get(action="people.person.updated")
    assert "Ahmad Contoh" not in str(event.changes) + str(event.data)
    assert "Ahmad Contoh" not in PersonRevision.objects.get().values_encrypted  # stored encrypted


def test_a_replaced_nik_is_kept_and_shown_masked(world):
    from sinergi.people.tests.factories import synthetic_nik

    person = PersonFactory(organisation=world.lks)
    old = synthetic_nik(birth_date=person.birth_date, sex=person.sex, serial=4321)
    new = synthetic_nik(birth_date=person.birth_date, sex=person.sex, serial=4322)
    services.person_update(actor=world.operator, person=person, data={"nik": old}, expected_version=person.version)
    person.refresh_from_db()
    services.person_update(actor=world.operator, person=person, data={"nik": new}, expected_version=person.version)

    newest = selectors.person_revisions(person=person)[0]

    assert [(c.label, c.before, c.after) for c in newest.changes] == [
        ("NIK", f"{old[:4]}********{old[-4:]}", f"{new[:4]}********{new[-4:]}")
    ]


def test_the_access_request_includes_the_corrections_and_an_erasure_removes_them(world):
    person = corrected(world, father_name="Ahmad Baru")
    placement = PlacementFactory(person=person, status="discharged", discharged_on=TODAY, discharge_reason="other")
    assert placement.pk

    copy = services.person_subject_access_export(actor=world.province_admin, person=person)
    services.person_erase(actor=world.province_admin, person=person, reason="Permintaan", subject_asked=True)

    assert [entry["fields"] for entry in copy["corrections"]] == [{"nama ayah": ["Ahmad Contoh", "Ahmad Baru"]}]
    assert not PersonRevision.objects.exists()
