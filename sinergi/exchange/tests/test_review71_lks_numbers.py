"""The seventy-first review: a nomor tanda daftar or izin operasional of letters joined by a separator ("TD/KEMBAR")
was a key to an LKS in the import and no number in the form. Every name here is made up."""

import pytest

from sinergi.core.errors import ValidationError
from sinergi.organisations import services
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.test_services import new_lks_data

from .conftest import HEADERS, problems_of, run, xlsx_file

pytestmark = pytest.mark.django_db

# --- one reading of a number, in the form and in the import -----------------------------------------------------


@pytest.mark.parametrize("placeholder", ["TD/KEMBAR", "IO-PROSES", "Blm.ada"])
def test_letters_joined_by_a_separator_are_no_number_in_the_form_nor_in_the_import(
    tmp_path, board_member, banjarmasin_lks, placeholder
):
    Organisation.objects.filter(pk=banjarmasin_lks.pk).update(registration_number=placeholder)

    # The form registers a second LKS with the same letters: no number, so no other LKS's.
    created = services.organisation_create(actor=board_member, data=new_lks_data(registration_number=placeholder))
    assert created.registration_number == placeholder

    # The import reads them alike: a new LKS, not the stored one holding the same letters (renamed before), and two
    # rows with them are two LKS.
    rows = [["LKSA Kembar Satu", "anak", "63.71.01.1001", placeholder, 10],
            ["LKSA Kembar Dua", "anak", "63.71.01.1001", placeholder, 12]]  # fmt: skip
    result = run(xlsx_file(tmp_path, [HEADERS, *rows]), board_member)

    assert (result.status, result.created, result.updated) == ("succeeded", 2, 0), problems_of(result)
    assert Organisation.objects.get(pk=banjarmasin_lks.pk).name == "LKSA Lama Banjarmasin"
    assert Organisation.objects.filter(registration_number=placeholder).count() == 4


def test_a_number_with_digits_is_one_lks_in_the_form_and_in_the_import(tmp_path, board_member, banjarmasin_lks):
    Organisation.objects.filter(pk=banjarmasin_lks.pk).update(registration_number="460/123/Dinsos/2023")

    with pytest.raises(ValidationError):
        services.organisation_create(actor=board_member, data=new_lks_data(registration_number="460/123/DINSOS/2023"))

    row = ["LKSA Lama Banjarmasin", "anak", "63.71.01.1001", "460/123/dinsos/2023", 33]
    result = run(xlsx_file(tmp_path, [HEADERS, row]), board_member)
    assert (result.status, result.created, result.updated) == ("succeeded", 0, 1), problems_of(result)
    assert Organisation.objects.get(pk=banjarmasin_lks.pk).capacity == 33
