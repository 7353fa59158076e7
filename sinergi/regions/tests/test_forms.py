import re

import pytest
from django import forms

from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.regions.forms import RegionField
from sinergi.regions.models import Region
from sinergi.regions.widgets import RegionPickerWidget

pytestmark = pytest.mark.django_db


class VillageForm(forms.Form):
    region = RegionField(label="Desa/kelurahan", level=4, within="63")


class AnyRegionForm(forms.Form):
    region = RegionField(label="Wilayah", required=False)


class OrganisationRegionForm(forms.ModelForm):
    region = RegionField(label="Wilayah", level=(2, 3, 4), within="63")

    class Meta:
        model = Organisation
        fields = ["region"]


def test_the_hidden_code_is_cleaned_to_the_region():
    form = VillageForm(data={"region": "63.71.01.1001", "region_search": "mantu"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["region"] == Region.objects.get(code="63.71.01.1001")


def test_without_javascript_a_code_typed_in_the_search_box_is_used():
    # given: the hidden input is empty (no script filled it); the user typed the code, digits only
    form = VillageForm(data={"region": "", "region_search": "6371011001"})

    # then
    assert form.is_valid(), form.errors
    assert form.cleaned_data["region"].code == "63.71.01.1001"


def test_a_name_typed_but_not_chosen_is_refused_with_a_clear_message():
    form = VillageForm(data={"region": "", "region_search": "Mantuil"})
    assert not form.is_valid()
    assert form.errors["region"] == [
        "Wilayah “Mantuil” tidak ditemukan. Ketik nama lalu pilih dari daftar, atau ketik kodenya (mis. 63.71.01.1001)."
    ]


def test_a_region_of_the_wrong_level_is_refused():
    form = VillageForm(data={"region": "63.71"})
    assert not form.is_valid()
    assert form.errors["region"] == ["Pilih wilayah tingkat Desa/Kelurahan; Kota Banjarmasin adalah Kabupaten/Kota."]


def test_a_region_outside_the_allowed_one_is_refused():
    class BanjarmasinForm(forms.Form):
        region = RegionField(within="63.71")

    form = BanjarmasinForm(data={"region": "63.72"})
    assert not form.is_valid()
    assert form.errors["region"] == ["Kota Banjarbaru (63.72) berada di luar Kota Banjarmasin."]


def test_a_retired_code_is_refused_unless_allowed():
    # given
    Region.objects.filter(code="63.71.01.1010").update(is_current=False)

    class LenientForm(forms.Form):
        region = RegionField(level=4, allow_retired=True)

    # when
    strict = VillageForm(data={"region": "63.71.01.1010"})
    lenient = LenientForm(data={"region": "63.71.01.1010"})

    # then
    assert not strict.is_valid()
    assert strict.errors["region"] == [
        "Kode 63.71.01.1010 (Pemurus Dalam) tidak berlaku lagi menurut keputusan terbaru; pilih kode yang berlaku."
    ]
    assert lenient.is_valid()


def test_required_and_optional():
    assert VillageForm(data={"region": "", "region_search": ""}).errors.as_data()["region"][0].code == "required"
    optional = AnyRegionForm(data={})
    assert optional.is_valid()
    assert optional.cleaned_data["region"] is None


def test_widget_renders_search_box_hidden_code_and_chosen_path_never_options():
    # when
    html = VillageForm(initial={"region": "63.71.01.1001"})["region"].as_widget()

    # then
    assert '<input type="hidden" name="region" value="63.71.01.1001" data-region-code>' in html
    assert 'name="region_search"' in html
    assert 'id="id_region"' in html
    assert 'hx-get="/regions/search/?level=4&amp;within=63"' in html
    assert 'hx-target="#id_region_results"' in html
    assert "Mantuil, Banjarmasin Selatan, Kota Banjarmasin (63.71.01.1001)" in html
    assert "<option" not in html
    assert "<script" not in html
    assert "style=" not in html
    assert " required" not in html  # the visible box may stay empty once a region is picked


def test_widget_puts_unmatched_text_back_in_the_search_box():
    form = VillageForm(data={"region": "", "region_search": "Mantul"})
    form.is_valid()
    html = str(form["region"])
    assert '<input type="hidden" name="region" value="" data-region-code>' in html
    assert re.search(r'name="region_search" id="id_region" value="Mantul"', html)


def test_widget_media_loads_the_picker_script_deferred():
    media = str(VillageForm().media)
    assert media == '<script src="/static/js/region-picker.js" defer></script>'
    assert isinstance(VillageForm.base_fields["region"].widget, RegionPickerWidget)


def test_works_in_a_model_form_and_knows_when_nothing_changed():
    # given
    organisation = OrganisationFactory(region_id="63.71.01.1001")

    # when
    same = OrganisationRegionForm(data={"region": "63.71.01.1001"}, instance=organisation)
    moved = OrganisationRegionForm(data={"region": "", "region_search": "63.72.02.1003"}, instance=organisation)

    # then
    assert same.is_valid(), same.errors
    assert same.has_changed() is False
    assert moved.is_valid(), moved.errors
    assert moved.has_changed() is True
    assert moved.save(commit=False).region_id == "63.72.02.1003"
