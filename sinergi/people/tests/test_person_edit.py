"""The client's edit page (/people/<pk>/edit/): a name or birth date typed wrong is corrected on the web, with the
service's rules, the version check, the NIK never written into the page, and the refusals of the other pages."""

import datetime

import pytest

from sinergi.audit.models import AuditEvent
from sinergi.core.crypto import decrypt, keyed_hash
from sinergi.people.models import Person, PersonAccess
from sinergi.people.tests.factories import PlacementFactory, people_world, ppks
from sinergi.people.tests.test_views import sign_in

pytestmark = pytest.mark.django_db

# A structurally valid, made-up NIK: Banjarmasin Selatan (63.71.01), boy born 01-01-2015, serial 0077.
NEW_NIK = "6371010101150077"
DAYS_AGO_2 = (datetime.date.today() - datetime.timedelta(days=2)).isoformat()


@pytest.fixture
def world():
    return people_world()


@pytest.fixture
def person(world) -> Person:
    """A boy at the operator's LKSA, born 01-01-2015, with a synthetic NIK and no KK (reason "unknown")."""
    return PlacementFactory(
        person__organisation=world.lks,
        person__full_name="Budi Slah Ketik",
        person__birth_date=datetime.date(2015, 1, 1),
        person__mother_name="Siti Ibu Contoh",
    ).person


def edit_url(person: Person) -> str:
    return f"/people/{person.pk}/edit/"


def form_data(person: Person, **changes) -> dict:
    """What the page posts when nothing is touched (stored values, empty NIK/KK, the version read), plus `changes`."""
    data = {
        "full_name": person.full_name,
        "sex": person.sex,
        "birth_date": person.birth_date.isoformat() if person.birth_date else "",
        "birth_place": person.birth_place,
        "nik": "",
        "nik_missing_reason": person.nik_missing_reason,
        "kk": "",
        "kk_missing_reason": person.kk_missing_reason,
        "origin_region": person.origin_region_id or "",
        "ppks_categories": [term.pk for term in person.ppks_categories.all()],
        "disability_type": person.disability_type,
        "mother_name": person.mother_name,
        "father_name": person.father_name,
        "guardian_name": person.guardian_name,
        "guardian_relation": person.guardian_relation,
        "guardian_phone": person.guardian_phone,
        "notes": person.notes,
        "version": person.version,
    }
    return data | changes


def test_the_client_page_offers_the_edit_page_to_whoever_may_change_the_record(client, world, person):
    sign_in(client, world.operator)
    assert edit_url(person) in client.get(f"/people/{person.pk}/").content.decode()
    client.logout()
    sign_in(client, world.regency_board)
    assert edit_url(person) not in client.get(f"/people/{person.pk}/").content.decode()


def test_the_purpose_is_asked_first(client, world, person):
    sign_in(client, world.operator, purpose=None)
    response = client.get(edit_url(person))
    assert response.status_code == 302 and response["Location"].startswith("/people/purpose/?next=")
    assert not PersonAccess.objects.exists()


def test_the_form_shows_the_stored_values_and_the_masked_nik_never_the_number(client, world, person):
    sign_in(client, world.operator)
    response = client.get(edit_url(person))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Budi Slah Ketik"' in page and 'value="2015-01-01"' in page
    assert f'name="version" value="{person.version}"' in page
    nik = decrypt(person.nik_encrypted)
    assert nik not in page and person.nik_masked in page
    assert "NIK baru (kosongkan jika tidak berubah)" in page and "Hapus NIK yang tersimpan" in page
    assert page.count('inputmode="numeric"') == 2  # NIK and KK
    # Showing the record is a view of personal data, logged with the session's purpose.
    assert list(PersonAccess.objects.values_list("person_id", "what", "purpose")) == [(person.pk, "viewed", "service")]


def test_the_operator_corrects_the_name_and_birth_date(client, world, person):
    sign_in(client, world.operator)
    response = client.post(
        edit_url(person), form_data(person, full_name="Budi Salah Ketik", birth_date="2015-01-10"), follow=True
    )
    assert response.redirect_chain == [(f"/people/{person.pk}/", 302)]
    assert "Data penerima layanan diperbarui." in response.content.decode()
    stored = Person.objects.get(pk=person.pk)
    assert (stored.full_name, stored.birth_date, stored.version) == (
        "Budi Salah Ketik",
        datetime.date(2015, 1, 10),
        person.version + 1,
    )
    assert stored.nik_hash == person.nik_hash  # a NIK left empty is kept
    event = AuditEvent.objects.get(action="people.person.updated")
    assert sorted(event.data["fields"]) == ["birth_date", "full_name"]
    assert "Budi" not in str(event.changes)  # identifying values never go into the audit
    assert PersonAccess.objects.filter(person=person, what="changed", purpose="service").count() == 1


def test_a_stale_version_is_refused_with_the_services_message_and_nothing_is_saved(client, world, person):
    read = form_data(person, full_name="Budi Versi Lama")
    Person.objects.filter(pk=person.pk).update(version=person.version + 1, full_name="Budi Diubah Orang Lain")
    sign_in(client, world.operator)
    response = client.post(edit_url(person), read)
    assert response.status_code == 409
    assert "Data ini sudah diubah orang lain sejak Anda membukanya." in response.content.decode()
    assert Person.objects.get(pk=person.pk).full_name == "Budi Diubah Orang Lain"
    assert not AuditEvent.objects.filter(action="people.person.updated").exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"full_name": "  "}, "full_name", "Bidang ini harus diisi."),
        ({"birth_date": "2015-02-30"}, "birth_date", "tanggal yang valid"),
        # The service's rules: a birth date after the admission (a month ago), a guardian's phone without its 0.
        ({"birth_date": DAYS_AGO_2}, "birth_date", "tanggal masuk"),
        ({"guardian_phone": "81234567890"}, "guardian_phone", ""),
        ({"nik": "637101010115007"}, "nik", "16 angka"),
    ],
)
def test_an_invalid_value_is_shown_beside_its_field_and_nothing_changes(client, world, person, changes, field, message):
    sign_in(client, world.operator)
    response = client.post(edit_url(person), form_data(person, **({"full_name": "Budi Benar"} | changes)))
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors.get(field), form.errors
    assert message in " ".join(form.errors[field])
    assert "Data belum tersimpan" in response.content.decode()
    stored = Person.objects.get(pk=person.pk)
    assert (stored.full_name, stored.version, stored.nik_hash) == ("Budi Slah Ketik", person.version, person.nik_hash)
    assert not AuditEvent.objects.filter(action="people.person.updated").exists()


def test_the_problems_are_said_in_the_users_language(client, world, person, settings):
    sign_in(client, world.operator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    future = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    response = client.post(edit_url(person), form_data(person, birth_date=future))
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors["birth_date"])
    assert "future" in errors, errors
    assert "New NIK (leave empty if unchanged)" in response.content.decode()


@pytest.mark.parametrize("role", ["regency_board", "dinsos_viewer"])
def test_a_board_and_dinas_sosial_are_refused(client, world, person, role):
    sign_in(client, getattr(world, role))
    assert client.get(edit_url(person)).status_code == 403
    assert client.post(edit_url(person), form_data(person, full_name="Ganti")).status_code == 403
    assert Person.objects.get(pk=person.pk).full_name == "Budi Slah Ketik"


@pytest.mark.parametrize("role", ["other_operator", "far_operator"])
def test_an_operator_of_another_lks_gets_404(client, world, person, role):
    sign_in(client, world.operator)
    assert client.get(edit_url(person)).status_code == 200  # the page exists, for the person's own LKS
    client.logout()
    sign_in(client, getattr(world, role))
    assert client.get(edit_url(person)).status_code == 404
    assert client.post(edit_url(person), form_data(person, full_name="Ganti")).status_code == 404
    assert Person.objects.get(pk=person.pk).full_name == "Budi Slah Ketik"


def test_a_restricted_record_is_refused_with_the_reason_not_the_form(client, world, person):
    Person.objects.filter(pk=person.pk).update(is_restricted=True)
    sign_in(client, world.province_admin)
    assert edit_url(person) not in client.get(f"/people/{person.pk}/").content.decode()
    response = client.get(edit_url(person))
    assert response.status_code == 403
    assert "sedang dibatasi" in response.content.decode()
    response = client.post(edit_url(person), form_data(person, full_name="Ganti"))
    assert response.status_code == 403
    assert Person.objects.get(pk=person.pk).full_name == "Budi Slah Ketik"


def test_a_new_nik_replaces_the_stored_one(client, world, person):
    sign_in(client, world.operator)
    response = client.post(edit_url(person), form_data(person, nik="6371 0101 0115 0077"))
    assert response.status_code == 302
    stored = Person.objects.get(pk=person.pk)
    assert decrypt(stored.nik_encrypted) == NEW_NIK and stored.nik_hash == keyed_hash(NEW_NIK)
    event = AuditEvent.objects.get(action="people.person.updated")
    assert event.data["fields"] == ["nik"] and NEW_NIK not in str(event.changes) + str(event.data)


def test_removing_the_nik_needs_a_reason(client, world, person):
    sign_in(client, world.operator)
    response = client.post(edit_url(person), form_data(person, nik_remove="on", nik_missing_reason=""))
    assert response.status_code == 400
    assert response.context["form"].errors["nik_missing_reason"]
    assert Person.objects.get(pk=person.pk).nik_hash == person.nik_hash

    response = client.post(edit_url(person), form_data(person, nik_remove="on", nik_missing_reason="not_yet_recorded"))
    assert response.status_code == 302
    stored = Person.objects.get(pk=person.pk)
    assert (stored.nik_encrypted, stored.nik_hash, stored.nik_masked) == ("", "", "")
    assert stored.nik_missing_reason == "not_yet_recorded"


def test_typing_a_nik_and_removing_it_at_once_is_refused(client, world, person):
    sign_in(client, world.operator)
    response = client.post(edit_url(person), form_data(person, nik=NEW_NIK, nik_remove="on"))
    assert response.status_code == 400
    assert response.context["form"].errors["nik_remove"]
    assert Person.objects.get(pk=person.pk).nik_hash == person.nik_hash


def test_the_services_warnings_are_shown_as_on_admission(client, world, person):
    sign_in(client, world.operator)
    # A birth date the stored NIK disagrees with: saved, with the NIK check's warning.
    response = client.post(edit_url(person), form_data(person, birth_date="2015-01-10"), follow=True)
    page = response.content.decode()
    assert "Data penerima layanan diperbarui." in page
    assert "Tanggal lahir di NIK" in page and "berbeda dengan tanggal lahir yang diisi" in page


def test_saving_without_a_change_says_so_and_writes_nothing(client, world, person):
    sign_in(client, world.operator)
    response = client.post(edit_url(person), form_data(person), follow=True)
    assert "Tidak ada isian yang berubah." in response.content.decode()
    assert Person.objects.get(pk=person.pk).version == person.version
    assert not AuditEvent.objects.filter(action="people.person.updated").exists()


def test_a_category_stays_among_the_choices_so_the_form_can_be_saved(client, world, person):
    person.ppks_categories.add(ppks("anak_jalanan"))
    sign_in(client, world.operator)
    form = client.get(edit_url(person)).context["form"]
    assert set(form.initial["ppks_categories"]) == {ppks("anak_telantar").pk, ppks("anak_jalanan").pk}


def test_an_area_of_origin_retired_since_it_was_recorded_does_not_stop_the_save_but_another_is_refused(
    client, world, person
):
    from sinergi.regions.models import Region

    Region.objects.filter(code__in=["63.71.01.1001", "63.71.01.1002"]).update(is_current=False)
    Person.objects.filter(pk=person.pk).update(origin_region_id="63.71.01.1001")
    person.refresh_from_db()
    sign_in(client, world.operator)
    response = client.post(edit_url(person), form_data(person, full_name="Budi Salah Ketik"))
    assert response.status_code == 302
    assert Person.objects.get(pk=person.pk).full_name == "Budi Salah Ketik"

    person.refresh_from_db()
    response = client.post(edit_url(person), form_data(person, origin_region="63.71.01.1002"))
    assert response.status_code == 400
    assert "tidak berlaku lagi" in " ".join(response.context["form"].errors["origin_region"])
