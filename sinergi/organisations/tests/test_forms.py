"""The LKS form and the LKS import apply the same rules: coordinates pasted from a map app (7 to 15 decimals) are
rounded to 6 by both, and a capacity above 100,000 is refused by both with the same words."""

from decimal import Decimal

import pytest

from sinergi.core.errors import ValidationError
from sinergi.exchange.columns import get_entity
from sinergi.organisations.forms import COORDINATE_HELP, OrganisationForm
from sinergi.organisations.services import organisation_validate
from sinergi.organisations.tests.factories import OrganisationFactory, lks_kind

pytestmark = pytest.mark.django_db


def form(**extra) -> OrganisationForm:
    data = {
        "kind": "lks",
        "name": "LKS Uji Angka",
        "primary_service_kind": lks_kind("anak").pk,
        "region": "63.71.04.1002",
    }
    return OrganisationForm({**data, **extra})


def test_coordinates_pasted_from_a_map_app_are_rounded_to_six_decimals():
    filled = form(latitude="-3.319412345678901", longitude="114.59081267")

    assert filled.is_valid(), filled.errors
    assert (filled.cleaned_data["latitude"], filled.cleaned_data["longitude"]) == (
        Decimal("-3.319412"),
        Decimal("114.590813"),
    )


def test_the_form_and_the_import_template_say_that_coordinates_are_rounded():
    filled = form()
    columns = {column.key: column for column in get_entity("lks").columns}

    for name in ("latitude", "longitude"):
        assert filled.fields[name].help_text == COORDINATE_HELP
        assert columns[name].help == COORDINATE_HELP
        assert 'step="any"' in str(filled[name])  # the browser must not refuse what the server rounds
    assert "dibulatkan menjadi 6" in str(COORDINATE_HELP)


def test_a_coordinate_that_is_no_number_is_still_refused():
    filled = form(latitude="tiga", longitude="114.5")

    assert not filled.is_valid()
    assert "latitude" in filled.errors


def test_the_form_refuses_a_capacity_above_100000_with_the_imports_words():
    assert form(capacity="100000").is_valid()
    refused = form(capacity="150000")

    assert not refused.is_valid()
    assert refused.errors["capacity"] == ["Nilai paling besar 100000."]


def test_the_services_refuse_a_capacity_above_100000_too():
    organisation = OrganisationFactory.build(region_id="63.71.01.1001", capacity=150_000)

    with pytest.raises(ValidationError) as refused:
        organisation_validate(organisation=organisation, service_kinds=[])

    assert refused.value.message_dict["capacity"] == ["Nilai paling besar 100000."]


def test_a_huge_coordinate_is_refused_with_a_message_not_a_crash():
    filled = form(latitude="1e25", longitude="114.5")
    assert not filled.is_valid()
    assert "latitude" in filled.errors


def test_an_lks_phone_that_lost_its_zero_is_refused_by_the_services_as_by_the_import():
    organisation = OrganisationFactory.build(phone="5113301234", region_id="63.71.04.1002")
    with pytest.raises(ValidationError) as excinfo:
        organisation_validate(organisation=organisation, service_kinds=[lks_kind("anak")])
    assert "tidak diawali 0, +62 atau 62" in str(excinfo.value)


def test_an_lks_phone_in_scientific_notation_is_refused_by_the_services_as_by_the_import():
    organisation = OrganisationFactory.build(phone="8.12346E+11", region_id="63.71.04.1002")
    with pytest.raises(ValidationError) as excinfo:
        organisation_validate(organisation=organisation, service_kinds=[lks_kind("anak")])
    assert "tertulis dalam notasi ilmiah Excel" in str(excinfo.value)


def test_a_phone_stored_before_the_rule_does_not_block_other_changes():
    from sinergi.organisations.models import Organisation

    OrganisationFactory(name="LKSA Telepon Lama", phone="511-3301234", region_id="63.71.04.1002")
    stored = Organisation.objects.get(name="LKSA Telepon Lama")
    stored.address = "Jl. Baru 2"
    organisation_validate(organisation=stored, service_kinds=[lks_kind("anak")])  # the phone, unchanged, passes
    stored.phone = "512-3301234"
    with pytest.raises(ValidationError):
        organisation_validate(organisation=stored, service_kinds=[lks_kind("anak")])
