"""An empty "Berbadan hukum" cell in the LKS import (seventy-fourth review). A registered LKS keeps what is stored, and
the notice of kept values says so; a new LKS is registered as not a legal entity, as the form's unticked box registers
it, and the row is warned of when it says otherwise itself (a yayasan, or a Kemenkumham decree's number)."""

import pytest

from sinergi.exchange.tests.conftest import HEADERS, problems_of, run, xlsx_file
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

WARNING = (
    "“Berbadan hukum” tidak diisi, jadi LKS baru ini dicatat tidak berbadan hukum, padahal {evidence}. Bila LKS ini "
    "berbadan hukum, isi “Ya” di kolom “Berbadan hukum” (tambahkan kolomnya bila belum ada)."
)
YAYASAN = WARNING.format(evidence="bentuknya Yayasan, yang selalu berbadan hukum")


def test_an_empty_cell_keeps_a_registered_lks_a_legal_entity_and_says_so(tmp_path, board_member):
    lks = OrganisationFactory(name="LKSA Lama", registration_number="TD/LAMA/1", has_legal_entity=True)
    rows = [[*HEADERS, "Berbadan hukum"], ["LKSA Lama", "anak", "63.71.01.1001", "TD/LAMA/1", 45, ""]]

    result = run(xlsx_file(tmp_path, rows), board_member)

    assert (result.status, result.updated) == ("succeeded", 1), problems_of(result)
    lks.refresh_from_db()
    assert (lks.has_legal_entity, lks.capacity) == (True, 45)
    assert any("Berbadan hukum (1 baris)" in str(notice) for notice in result.notices), result.notices


def test_a_new_yayasan_left_blank_is_registered_as_no_legal_entity_with_a_warning(tmp_path, board_member):
    rows = [
        [*HEADERS, "Bentuk badan hukum", "Berbadan hukum", "Nomor SK Kemenkumham"],
        ["LKSA Yayasan", "anak", "63.71.01.1001", "TD/BARU/1", 20, "Yayasan", "", ""],
        ["LKSA Perkumpulan", "anak", "63.71.01.1001", "TD/BARU/2", 20, "Perkumpulan", "", "AHU-0012345.AH.01.07.2019"],
        ["LKSA Tanpa", "anak", "63.71.01.1001", "TD/BARU/3", 20, "", "", ""],
        ["LKSA Tidak", "anak", "63.71.01.1001", "TD/BARU/4", 20, "Yayasan", "Tidak", ""],
    ]

    result = run(xlsx_file(tmp_path, rows), board_member)

    assert (result.status, result.created) == ("succeeded", 4), problems_of(result)
    assert [(w.row, w.column, w.message) for w in result.warnings] == [
        (2, "Berbadan hukum", YAYASAN),
        (3, "Berbadan hukum", WARNING.format(evidence="Nomor SK Kemenkumham-nya diisi")),
    ]
    assert not Organisation.objects.filter(has_legal_entity=True).exists()


def test_a_new_yayasan_in_a_file_without_the_column_is_warned_of_on_its_legal_form(tmp_path, board_member):
    rows = [[*HEADERS, "Bentuk badan hukum"], ["LKSA Yayasan", "anak", "63.71.01.1001", "TD/BARU/1", 20, "Yayasan"]]

    result = run(xlsx_file(tmp_path, rows), board_member)

    assert result.created == 1, problems_of(result)
    assert [(w.row, w.column, w.message) for w in result.warnings] == [(2, "Bentuk badan hukum", YAYASAN)]
