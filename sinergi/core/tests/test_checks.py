import pytest
from django.db import OperationalError

from sinergi.core.checks import deployment_province_check, hash_key_check
from sinergi.core.crypto import clear_key_cache, hash_key_fingerprint
from sinergi.core.models import HashKeyFingerprint


@pytest.mark.parametrize("code", ["63", "35", "96"])
def test_a_provinces_code_passes(settings, code):
    settings.SINERGI = {**settings.SINERGI, "DEPLOYMENT_PROVINCE": code}
    assert deployment_province_check(None) == []


@pytest.mark.parametrize("code", ["", "JATIM", "35.07", "99", "6"])
def test_anything_else_stops_the_server_with_what_to_set(settings, code):
    settings.SINERGI = {**settings.SINERGI, "DEPLOYMENT_PROVINCE": code}
    [error] = deployment_province_check(None)
    assert error.id == "sinergi.E001"
    assert repr(code) in error.msg


@pytest.mark.django_db
def test_the_kalsel_demo_is_not_loaded_on_a_server_of_another_province(settings):
    from django.core.management import CommandError, call_command

    from sinergi.organisations.models import Organisation

    settings.SINERGI = {**settings.SINERGI, "DEPLOYMENT_PROVINCE": "35"}
    with pytest.raises(CommandError, match="SINERGI_PROVINCE is 35"):
        call_command("load_demo", "--if-empty")
    assert not Organisation.objects.exists()


@pytest.mark.parametrize("value", ["nasional", "NASIONAL", "Nasional", "national"])
def test_nasional_selects_one_server_for_every_province_and_passes_the_check(settings, value):
    from config.settings.base import deployment_area

    code, national = deployment_area(value)
    settings.SINERGI = {**settings.SINERGI, "DEPLOYMENT_PROVINCE": code, "NATIONAL": national}

    assert (code, national) == ("", True)
    assert deployment_province_check(None) == []


def test_a_province_code_is_read_as_before(settings):
    from config.settings.base import deployment_area

    assert deployment_area("35") == ("35", False)
    assert deployment_area("") == ("", False)


def test_an_empty_province_is_still_refused_and_the_hint_names_nasional(settings):
    settings.SINERGI = {**settings.SINERGI, "DEPLOYMENT_PROVINCE": "", "NATIONAL": False}

    [error] = deployment_province_check(None)

    assert error.id == "sinergi.E001"
    assert "nasional" in error.hint


def test_the_helpers_say_which_mode_runs(settings, national):
    from sinergi.core.deployment import deployment_province, is_national_deployment
    from sinergi.statistics import selectors

    assert (deployment_province(), is_national_deployment()) == ("", True)
    assert (selectors.deployment_province(), selectors.is_national_deployment()) == ("", True)
    settings.SINERGI = {**settings.SINERGI, "DEPLOYMENT_PROVINCE": "63", "NATIONAL": False}
    assert (deployment_province(), is_national_deployment()) == ("63", False)


@pytest.mark.django_db
def test_the_kalsel_demo_loads_on_a_national_server(national):
    from django.core.management import call_command

    from sinergi.organisations.models import Organisation

    call_command("load_demo", "--if-empty")

    assert Organisation.objects.filter(province_code="63").count() > 100


# --- the hash key of the stored NIK hashes (sinergi.E002) --------------------------------------------------------


@pytest.fixture
def key_checked_afresh():
    """As a new process: the key is compared with this test's database, not taken as checked before."""
    clear_key_cache()
    yield
    clear_key_cache()


@pytest.mark.django_db
def test_a_fresh_database_passes_and_records_the_key_in_use(settings, key_checked_afresh):
    assert not HashKeyFingerprint.objects.exists()

    assert hash_key_check(None) == []

    [row] = HashKeyFingerprint.objects.all()
    assert row.fingerprint == hash_key_fingerprint(settings.SINERGI_HASH_KEY)
    assert settings.SINERGI_HASH_KEY not in row.fingerprint


@pytest.mark.django_db
def test_the_same_key_passes_again_in_the_next_process(key_checked_afresh):
    hash_key_check(None)
    clear_key_cache()

    assert hash_key_check(None) == []
    assert HashKeyFingerprint.objects.count() == 1


@pytest.mark.django_db
def test_another_key_over_stored_hashes_stops_the_server_saying_to_restore_the_old_one(settings, key_checked_afresh):
    # given a database whose hashes were made under the first key
    hash_key_check(None)
    # when var/hash_key is lost and a new key generated (or the variable mistyped)
    settings.SINERGI_HASH_KEY = "a-key-generated-anew-over-stored-data"
    clear_key_cache()

    [error] = hash_key_check(None)

    assert error.id == "sinergi.E002"
    assert "SINERGI_HASH_KEY" in error.msg and "second time" in error.msg
    assert "Restore the old key" in error.hint and "Do not generate a new key" in error.hint
    # and the fingerprint stays that of the first key: restoring it is the way back
    assert HashKeyFingerprint.objects.get().fingerprint != hash_key_fingerprint(settings.SINERGI_HASH_KEY)


@pytest.mark.django_db
def test_a_database_not_migrated_yet_passes_the_check(monkeypatch, key_checked_afresh):
    # Checks run before `migrate` creates the table.
    def no_table(*args, **kwargs):
        raise OperationalError("no such table: core_hashkeyfingerprint")

    monkeypatch.setattr(HashKeyFingerprint.objects, "filter", no_table)

    assert hash_key_check(None) == []


@pytest.mark.django_db
def test_a_wsgi_server_is_stopped_at_its_start_by_a_wrong_hash_key(settings, key_checked_afresh):
    from django.core.exceptions import ImproperlyConfigured

    from sinergi.core.checks import serving_checks

    serving_checks()  # the right key: gunicorn serves
    settings.SINERGI_HASH_KEY = "a-key-generated-anew-over-stored-data"
    clear_key_cache()

    with pytest.raises(ImproperlyConfigured, match="sinergi.E002"):
        serving_checks()
