"""A SINERGI_HASH_KEY that is not the one the stored NIK hashes were made with (var/hash_key lost and generated anew,
a typo, a "rotation"): no stored person would be found again, so imports and forms refuse to hash anything rather
than store everyone a second time (failure-injection review, section 6). Every name and NIK here is made up."""

import pytest
from django.core.exceptions import ValidationError

from sinergi.core.checks import hash_key_check
from sinergi.core.crypto import HASH_KEY_CHANGED, clear_key_cache, hash_key_fingerprint
from sinergi.core.models import HashKeyFingerprint
from sinergi.exchange.tests.conftest import _job_locks_in_tmp, _media_in_tmp, csv_file, run  # noqa: F401
from sinergi.people.models import Person, Placement, Worker
from sinergi.people.tests.factories import PersonFactory, people_world
from sinergi.people.tests.test_exchange_review_findings import HEADERS, NIK, client_row, stored_boy
from sinergi.people.tests.test_exchange_workers_after_workflows import import_workers
from sinergi.people.tests.test_exchange_workers_after_workflows import row as worker_row
from sinergi.people.tests.test_services import admit, written
from sinergi.people.tests.test_views import admit_data, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return people_world()


@pytest.fixture(autouse=True)
def _key_checked_afresh():
    """Each test compares the key with its own database: the process remembers only the key it last checked."""
    clear_key_cache()
    yield
    clear_key_cache()


def change_hash_key(settings, key: str = "a-key-generated-anew-over-stored-data") -> None:
    settings.SINERGI_HASH_KEY = key
    clear_key_cache()


def stored_rows():
    return list(Person.objects.order_by("pk").values()), list(Placement.objects.order_by("pk").values())


def clients_file(tmp_path):
    return csv_file(tmp_path, [HEADERS, client_row(**{"Tanggal lahir": "17-08-2014", "Tanggal masuk": "01-04-2024"})])


def test_a_trial_under_another_key_is_refused_instead_of_planning_stored_people_as_new(tmp_path, settings, world):
    # given Budi, stored under the server's key
    stored_boy(world, nik=NIK)
    before = stored_rows()
    # when the key changes and a file naming him is tried
    change_hash_key(settings)
    result = run(clients_file(tmp_path), world.operator, entity="clients", dry_run=True)

    # then the whole file is refused with what happened and what to do, and nothing is planned or written
    assert result.status == "refused"
    assert result.message == str(HASH_KEY_CHANGED)
    assert "Tidak ada yang disimpan" in result.message and "kunci yang lama" in result.message
    assert result.plan_digest == ""
    assert stored_rows() == before


def test_an_import_under_another_key_stores_no_one_a_second_time(tmp_path, settings, world):
    stored_boy(world, nik=NIK)
    before = stored_rows()
    change_hash_key(settings)

    result = run(clients_file(tmp_path), world.operator, entity="clients")

    assert (result.status, result.message) == ("refused", str(HASH_KEY_CHANGED))
    assert stored_rows() == before


def test_confirming_a_trial_after_the_key_changed_says_the_key_changed_not_the_data(tmp_path, settings, world):
    # given a trial made under the right key
    stored_boy(world, nik=NIK)
    path = clients_file(tmp_path)
    trial = run(path, world.operator, entity="clients", dry_run=True)
    assert trial.status == "checked"
    before = stored_rows()

    # when it is confirmed after the key changed
    change_hash_key(settings)
    result = run(path, world.operator, entity="clients", expected_plan=trial.plan_digest)

    # then the refusal names the key, not "data changed since the trial"
    assert (result.status, result.message) == ("refused", str(HASH_KEY_CHANGED))
    assert stored_rows() == before


def test_a_worker_import_under_another_key_is_refused_too(tmp_path, settings, world):
    stored_boy(world, nik=NIK)
    change_hash_key(settings)

    trial = import_workers(tmp_path, [worker_row()], world.operator, dry_run=True)
    real = import_workers(tmp_path, [worker_row()], world.operator)

    assert (trial.status, trial.message) == ("refused", str(HASH_KEY_CHANGED))
    assert (real.status, real.message) == ("refused", str(HASH_KEY_CHANGED))
    assert not Worker.objects.exists()


def test_the_admission_form_under_another_key_saves_nothing_and_says_why(settings, world):
    stored_boy(world, nik=NIK)
    before = written()
    change_hash_key(settings)

    with pytest.raises(ValidationError) as refused:
        admit(world)

    assert refused.value.messages == [str(HASH_KEY_CHANGED)]
    assert written() == before


def test_the_admission_page_under_another_key_shows_the_message_on_the_form(client, settings, world):
    stored_boy(world, nik=NIK)
    before = written()
    change_hash_key(settings)
    sign_in(client, world.operator)

    response = client.post("/people/admit/", admit_data(world))

    assert response.status_code == 400
    assert str(HASH_KEY_CHANGED) in response.content.decode()
    assert written() == before


def test_the_same_key_imports_as_before_and_the_fingerprint_is_recorded_once(tmp_path, settings, world):
    # given Budi, stored under the server's key, and a new process under that same key
    stored_boy(world, nik=NIK)
    clear_key_cache()

    # when a file naming him is tried

    result = run(clients_file(tmp_path), world.operator, entity="clients", dry_run=True)

    # then Budi is found again, not planned as new
    assert result.status == "checked", (result.message, result.problems)
    assert (result.created, result.unchanged) == (0, 1)
    assert HashKeyFingerprint.objects.count() == 1


# --- a database from before fingerprints (or whose row was deleted): compared with a stored NIK first ------------


def from_before_fingerprints(world) -> None:
    """Budi stored, as by a release that recorded no fingerprint."""
    stored_boy(world, nik=NIK)
    HashKeyFingerprint.objects.all().delete()
    clear_key_cache()


def test_an_upgrade_under_the_key_of_the_stored_niks_records_it(settings, world):
    from_before_fingerprints(world)

    assert hash_key_check(None) == []

    assert HashKeyFingerprint.objects.get().fingerprint == hash_key_fingerprint(settings.SINERGI_HASH_KEY)


def test_an_upgrade_under_a_key_lost_before_it_is_refused_and_the_new_key_not_recorded(tmp_path, settings, world):
    # given a database whose key was lost and generated anew before fingerprints existed
    from_before_fingerprints(world)
    before = stored_rows()
    change_hash_key(settings)

    # when the server is checked, and a file naming Budi imported
    errors = hash_key_check(None)
    result = run(clients_file(tmp_path), world.operator, entity="clients")

    # then the new key is taken as the right one by neither
    assert [error.id for error in errors] == ["sinergi.E002"]
    assert (result.status, result.message) == ("refused", str(HASH_KEY_CHANGED))
    assert not HashKeyFingerprint.objects.exists()
    assert stored_rows() == before


def test_a_database_of_people_without_nik_is_compared_by_their_match_keys(settings, world):
    # given Budi stored without NIK (his match key is hashed too), before fingerprints
    PersonFactory(organisation=world.lks, nik="", full_name="Budi Contoh", mother_name="Siti Contoh")
    HashKeyFingerprint.objects.all().delete()
    clear_key_cache()
    assert hash_key_check(None) == []  # under its own key
    HashKeyFingerprint.objects.all().delete()

    # when the key changes
    change_hash_key(settings)

    # then the check fires and the new key is not recorded
    assert [error.id for error in hash_key_check(None)] == ["sinergi.E002"]
    assert not HashKeyFingerprint.objects.exists()


def test_an_upgrade_under_lost_field_and_hash_keys_still_compares_the_hash_key_by_the_match_key(settings, world):
    # given a database from before fingerprints whose two keys were both lost and generated anew
    from cryptography.fernet import Fernet

    from_before_fingerprints(world)
    settings.SINERGI_FIELD_KEYS = [Fernet.generate_key().decode()]
    change_hash_key(settings)

    # then the NIK cannot be opened, but the match key still tells the hash key is not the data's
    assert [error.id for error in hash_key_check(None)] == ["sinergi.E002"]
    assert not HashKeyFingerprint.objects.exists()
