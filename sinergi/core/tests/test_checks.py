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
