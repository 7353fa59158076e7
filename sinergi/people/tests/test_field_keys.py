"""Field keys (SINERGI_FIELD_KEYS) that do not open the stored NIKs, KKs and corrections (var/field_keys lost and
generated anew, a key mistyped), and their rotation (the fifty-sixth review, S2 and M1): the server refuses to start
(sinergi.E003), a page that meets such a value says in words that nothing was saved and the administrator must
restore the key, and `manage.py rotate_field_keys` re-encrypts everything under the first key so that an old key can
be removed. Every name and NIK here is made up."""

import json
from io import StringIO

import pytest
from cryptography.fernet import Fernet, MultiFernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import OperationalError

from sinergi.audit.models import AuditEvent
from sinergi.core.checks import field_keys_check, serving_checks
from sinergi.core.crypto import FIELD_KEY_MISSING, clear_key_cache, decrypt, encrypt
from sinergi.people.models import Person, PersonAccess, PersonRevision, Worker
from sinergi.people.tests.factories import PersonFactory, PlacementFactory, WorkerFactory, people_world
from sinergi.people.tests.test_person_edit import form_data
from sinergi.people.tests.test_views import sign_in

pytestmark = pytest.mark.django_db

# A structurally valid, made-up KK number (Banjarmasin).
KK = "6371010101990001"


@pytest.fixture(autouse=True)
def _keys_afresh():
    """Each test's keys take effect at once (the cipher is cached per process)."""
    clear_key_cache()
    yield
    clear_key_cache()


@pytest.fixture
def world():
    return people_world()


def set_field_keys(settings, *keys: str) -> None:
    settings.SINERGI_FIELD_KEYS = list(keys)
    clear_key_cache()


def new_key() -> str:
    return Fernet.generate_key().decode()


def stored_everywhere(world) -> Person:
    """A client with NIK, KK and a correction, and a worker with NIK: a value in each encrypted column."""
    person = PlacementFactory(
        person__organisation=world.lks,
        person__full_name="Anak Uji Kunci",
        person__kk_encrypted=encrypt(KK),
        person__kk_masked="6371********0001",
        person__kk_missing_reason="",
    ).person
    PersonRevision.objects.create(
        person=person, actor_name="operator.harapan", values_encrypted=encrypt(json.dumps({"full_name": ["A", "B"]}))
    )
    WorkerFactory(organisation=world.lks, full_name="Pekerja Uji Kunci")
    return person


def stored_values() -> list[str]:
    return [
        *Person.objects.values_list("nik_encrypted", flat=True),
        *Person.objects.exclude(kk_encrypted="").values_list("kk_encrypted", flat=True),
        *Worker.objects.values_list("nik_encrypted", flat=True),
        *PersonRevision.objects.values_list("values_encrypted", flat=True),
    ]


# --- the check (sinergi.E003) ---------------------------------------------------------------------------------------


def test_the_right_keys_pass_the_check(settings, world):
    stored_everywhere(world)
    assert field_keys_check(None) == []


def test_an_empty_database_passes_the_check(settings):
    set_field_keys(settings, new_key())
    assert field_keys_check(None) == []


def test_a_lost_key_stops_the_server_saying_to_restore_it_and_to_keep_a_new_one_in_front(settings, world):
    stored_everywhere(world)
    set_field_keys(settings, new_key())

    [error] = field_keys_check(None)

    assert error.id == "sinergi.E003"
    assert "SINERGI_FIELD_KEYS" in error.msg
    for column in ("Person.nik_encrypted", "Person.kk_encrypted", "Worker.nik_encrypted", "PersonRevision"):
        assert column in error.msg
    assert "Restore the old key" in error.hint and "FRONT of the old one" in error.hint
    with pytest.raises(ImproperlyConfigured, match="sinergi.E003"):
        serving_checks()  # gunicorn's start, as `check`, `migrate` and `db_worker` run the same check


def test_a_key_generated_after_the_loss_still_fails_once_new_values_were_written_under_it(settings, world):
    # given clients stored under the first key, which is then lost; a new client is stored under a new key
    PersonFactory(organisation=world.lks, full_name="Anak Uji Lama")
    set_field_keys(settings, new_key())
    PersonFactory(organisation=world.lks, full_name="Anak Uji Baru")

    # then the oldest stored NIK still tells the key is not the data's
    [error] = field_keys_check(None)
    assert "Person.nik_encrypted" in error.msg


def test_a_rotation_list_with_the_new_key_in_front_passes(settings, world):
    stored_everywhere(world)
    old = settings.SINERGI_FIELD_KEYS[0]
    set_field_keys(settings, new_key(), old)
    PersonFactory(organisation=world.lks, full_name="Anak Uji Baru")  # written under the new key

    assert field_keys_check(None) == []


def test_a_database_not_migrated_yet_passes_the_check(monkeypatch):
    def no_table(*args, **kwargs):
        raise OperationalError("no such table: people_person")

    monkeypatch.setattr(Person.objects, "exclude", no_table)

    assert field_keys_check(None) == []


# --- the pages under a lost key: words, not a server error, and nothing saved ---------------------------------------


def test_the_nik_reveal_under_a_lost_key_says_to_restore_it_and_logs_no_view(client, settings, world, caplog):
    person = stored_everywhere(world)
    sign_in(client, world.operator)
    accesses = PersonAccess.objects.count()
    set_field_keys(settings, new_key())

    response = client.post(f"/people/{person.pk}/nik/", HTTP_HX_REQUEST="true")

    assert response.status_code == 503
    assert response.content.decode() == str(FIELD_KEY_MISSING)
    assert "Tidak ada yang disimpan" in response.content.decode()
    assert PersonAccess.objects.count() == accesses  # no "viewed the full NIK" for a NIK nobody saw
    assert any(record.levelname == "ERROR" and "SINERGI_FIELD_KEYS" in record.message for record in caplog.records)


def test_a_clients_edit_under_a_lost_key_saves_nothing_and_says_why(client, settings, world):
    person = stored_everywhere(world)
    sign_in(client, world.operator)
    set_field_keys(settings, new_key())
    before = list(Person.objects.filter(pk=person.pk).values())
    revisions, events = PersonRevision.objects.count(), AuditEvent.objects.count()

    response = client.post(f"/people/{person.pk}/edit/", form_data(person, full_name="Anak Uji Kunci Dua"))

    assert response.status_code == 400
    assert str(FIELD_KEY_MISSING) in response.content.decode()
    assert list(Person.objects.filter(pk=person.pk).values()) == before
    assert (PersonRevision.objects.count(), AuditEvent.objects.count()) == (revisions, events)


def test_the_client_page_under_a_lost_key_opens_without_its_corrections_and_says_why(client, settings, world):
    person = stored_everywhere(world)
    sign_in(client, world.operator)
    set_field_keys(settings, new_key())

    response = client.get(f"/people/{person.pk}/")

    assert response.status_code == 200
    assert str(FIELD_KEY_MISSING) in response.content.decode()
    assert "Anak Uji Kunci" in response.content.decode()


def test_the_subject_access_page_under_a_lost_key_says_to_restore_it(client, settings, world):
    person = stored_everywhere(world)
    sign_in(client, world.province_admin)
    set_field_keys(settings, new_key())
    client.raise_request_exception = False

    response = client.get(f"/people/{person.pk}/subject-request/")

    assert response.status_code == 503
    assert str(FIELD_KEY_MISSING) in response.content.decode()


# --- rotate_field_keys ---------------------------------------------------------------------------------------------


def rotate(*args: str) -> str:
    out = StringIO()
    call_command("rotate_field_keys", *args, stdout=out)
    return out.getvalue()


def test_the_rotation_re_encrypts_every_column_so_that_the_old_key_can_be_removed(settings, world):
    # given values in each encrypted column under the old key, and a new key put in front of it
    person = stored_everywhere(world)
    old = settings.SINERGI_FIELD_KEYS[0]
    plain = [decrypt(token) for token in stored_values()]
    new = new_key()
    set_field_keys(settings, new, old)

    out = rotate()

    # then each column is counted, every value opens under the new key alone, and the old key can be removed
    assert "Person.nik_encrypted: 1 dienkripsi ulang" in out
    assert "Person.kk_encrypted: 1 dienkripsi ulang" in out
    assert "Worker.nik_encrypted: 1 dienkripsi ulang" in out
    assert "PersonRevision.values_encrypted: 1 dienkripsi ulang" in out
    assert "boleh dihapus" in out
    assert [Fernet(new.encode()).decrypt(token.encode()).decode() for token in stored_values()] == plain
    set_field_keys(settings, new)
    assert field_keys_check(None) == []
    assert decrypt(Person.objects.get(pk=person.pk).kk_encrypted) == KK
    # one audit event, with the counts
    [event] = AuditEvent.objects.filter(action="core.field_keys.rotated")
    assert event.data == {"reencrypted": 4, "current": 0, "unreadable": 0}


def test_a_second_rotation_changes_nothing(settings, world):
    stored_everywhere(world)
    set_field_keys(settings, new_key(), settings.SINERGI_FIELD_KEYS[0])
    rotate()
    after_first = stored_values()

    out = rotate()

    assert stored_values() == after_first
    assert "0 dienkripsi ulang, 1 sudah dengan kunci pertama" in out


def test_a_dry_run_counts_what_still_needs_the_old_key_and_changes_nothing(settings, world):
    stored_everywhere(world)
    set_field_keys(settings, new_key(), settings.SINERGI_FIELD_KEYS[0])
    before = stored_values()

    out = rotate("--dry-run")

    assert stored_values() == before
    assert "Person.nik_encrypted: 1 perlu dienkripsi ulang" in out
    assert "4 nilai masih memerlukan kunci lama" in out
    assert not AuditEvent.objects.filter(action="core.field_keys.rotated").exists()


def test_a_rotation_stopped_half_way_goes_on_where_it_stopped(settings, world, monkeypatch):
    # given three clients under the old key and a new key in front
    for number in range(3):
        PersonFactory(organisation=world.lks, full_name=f"Anak Uji {number}")
    old, new = settings.SINERGI_FIELD_KEYS[0], new_key()
    set_field_keys(settings, new, old)
    # when the run is stopped (Ctrl-C) in the second batch of one row
    real_rotate, calls = MultiFernet.rotate, []

    def stopped_at_the_second(self, token):
        calls.append(token)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_rotate(self, token)

    monkeypatch.setattr(MultiFernet, "rotate", stopped_at_the_second)
    with pytest.raises(KeyboardInterrupt):
        rotate("--batch-size", "1")
    monkeypatch.setattr(MultiFernet, "rotate", real_rotate)

    # then the first batch stays done, and a second run re-encrypts the rest only
    out = rotate("--batch-size", "1")

    assert "Person.nik_encrypted: 2 dienkripsi ulang, 1 sudah dengan kunci pertama" in out
    set_field_keys(settings, new)
    assert all(decrypt(token) for token in Person.objects.values_list("nik_encrypted", flat=True))


def test_values_no_key_opens_are_left_alone_and_the_rotation_says_not_to_remove_any_key(settings, world):
    stored_everywhere(world)
    set_field_keys(settings, new_key())
    before = stored_values()

    with pytest.raises(CommandError, match="4 nilai tidak dapat dibuka"):
        rotate()

    assert stored_values() == before
