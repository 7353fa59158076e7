import pytest

from sinergi.core.checks import deployment_province_check


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
