"""The seventy-first review: a new LKS named as a registered one but for the dots of an abbreviation ("L.K.S. Harapan
Bunda" and "LKS Harapan Bunda") was not told of its twin, nor matched by name. Every name here is made up."""

import pytest

from sinergi.organisations.exchange._common import name_key
from sinergi.organisations.tests.factories import OrganisationFactory

from .conftest import HEADERS, problems_of, run, xlsx_file

pytestmark = pytest.mark.django_db

# --- the same name, its abbreviation's dots aside -----------------------------------------------------------------

TWIN = "Sudah ada LKS bernama sama di kabupaten/kota ini"


@pytest.mark.parametrize(
    ("stored", "given"),
    [
        ("LKS Harapan Bunda", "L.K.S. Harapan Bunda"),
        ("YPA Kasih Ibu", "Y.P.A. Kasih Ibu"),
        ("P.S.A.A. Budi Mulia", "PSAA Budi Mulia"),
        ("LKSA Al-Ikhlas", "LKSA Al Ikhlas"),
        ("LKSA Harapan, Bunda", "LKSA Harapan Bunda"),
    ],
)
def test_a_new_lks_named_as_a_stored_one_but_for_dots_in_its_abbreviation_is_told_of_its_twin(
    tmp_path, board_member, stored, given
):
    OrganisationFactory(name=stored, region_id="63.71.01.1002", registration_number="460/9/Dinsos/2020")

    result = run(xlsx_file(tmp_path, [HEADERS, [given, "anak", "63.71.01.1001", "", 10]]), board_member, dry_run=True)

    assert result.status == "checked", problems_of(result)
    [warning] = [w for w in result.warnings if TWIN in w.message]
    assert f"“{stored} — 460/9/Dinsos/2020”" in warning.message


@pytest.mark.parametrize(
    ("stored", "given"),
    [("LKS Harapan Bunda", "LKS Harapan Bundaku"), ("LKSA Al Ikhlas", "LKSA Alikhlas"), ("PSAA Budi", "PSA A Budi")],
)
def test_names_that_differ_in_more_than_dots_are_still_two_names(tmp_path, board_member, stored, given):
    OrganisationFactory(name=stored, region_id="63.71.01.1002", registration_number="460/9/Dinsos/2020")

    result = run(xlsx_file(tmp_path, [HEADERS, [given, "anak", "63.71.01.1001", "", 10]]), board_member, dry_run=True)

    assert result.status == "checked", problems_of(result)
    assert not [w for w in result.warnings if TWIN in w.message]


def test_two_new_rows_named_alike_but_for_the_dots_of_an_abbreviation_are_one_lks_written_twice(tmp_path, board_member):
    rows = [["L.K.S. Harapan Bunda", "anak", "63.71.01.1001", "", 10],
            ["LKS Harapan Bunda", "anak", "63.71.01.1001", "", 10]]  # fmt: skip

    result = run(xlsx_file(tmp_path, [HEADERS, *rows]), board_member, dry_run=True)

    assert [(p.row, p.message.split(" (")[0]) for p in result.problems] == [(3, "Baris ini duplikat baris 2")]


def test_a_row_without_a_number_finds_the_lks_it_names_with_the_dots_of_an_abbreviation(tmp_path, board_member):
    stored = OrganisationFactory(name="LKS Harapan Bunda", region_id="63.71.01.1001", registration_number="",
                                 permit_number="", capacity=10)  # fmt: skip

    result = run(
        xlsx_file(tmp_path, [HEADERS, ["L.K.S. Harapan Bunda", "anak", "63.71.01.1001", "", 25]]), board_member
    )

    assert (result.status, result.created, result.updated) == ("succeeded", 0, 1), problems_of(result)
    stored.refresh_from_db()
    assert stored.capacity == 25


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("L.K.S. Harapan Bunda", "lks harapan bunda"),
        ("L. K. S. Harapan Bunda", "lks harapan bunda"),
        ("L.K.S.Harapan Bunda", "lks harapan bunda"),
        ("Panti P.S.A.A Budi", "panti psaa budi"),
        ("Yayasan M. Yusuf", "yayasan m yusuf"),  # one initial is a word of its own
        ("LKSA St. Yusup", "lksa st yusup"),
        ("Al-Ikhlas, Jl. A. Yani 5", "al ikhlas jl a yani 5"),
        # Initials written without dots are the same letters (seventy-third review): no old match may be lost
        ("LKSA H. A. Rahman", "lksa ha rahman"),
        ("LKSA H A Rahman", "lksa ha rahman"),
        ("L K S A Harapan", "lksa harapan"),
        ("L.K.S.A Harapan", "lksa harapan"),
    ],
)
def test_a_names_key_leaves_out_the_dots_of_an_abbreviation_only(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("stored", "given"), [("LKSA H. A. Rahman", "LKSA H A Rahman"), ("L K S A Harapan", "L.K.S.A Harapan")]
)
def test_a_row_without_a_number_finds_the_lks_whose_initials_are_written_otherwise(tmp_path, board_member, stored,
                                                                                   given):  # fmt: skip
    OrganisationFactory(name=stored, region_id="63.71.01.1001", registration_number="", permit_number="",
                              capacity=10)  # fmt: skip

    result = run(xlsx_file(tmp_path, [HEADERS, [given, "anak", "63.71.01.1001", "", 12]]), board_member, dry_run=True)

    assert (result.status, result.created, result.updated) == ("checked", 0, 1), problems_of(result)
    [update] = result.preview["update"]
    assert update["changes"]["Kapasitas (orang)"] == ["10", "12"], update
