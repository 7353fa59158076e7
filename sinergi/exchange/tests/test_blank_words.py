"""Cells that say they have nothing ("tidak ada", "n/a", "0") are read as empty in text columns, and said in a
notice: a head's name "n/a" or a phone "0" is no name and no number."""

from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory

from .conftest import HEADERS, run, xlsx_file

COLUMNS = [*HEADERS, "Nama pimpinan", "Telepon", "Alamat"]


def test_words_for_nothing_are_read_as_empty_cells_and_said(tmp_path, board_member):
    path = xlsx_file(
        tmp_path,
        [
            COLUMNS,
            ["LKSA Satu", "anak", "63.71.01.1001", "TD/K/1", "30", "n/a", "0", "Tidak Ada"],
            ["LKSA Dua", "anak", "63.71.01.1001", "TD/K/2", "30", "tidak diketahui", 0, "Jl. Mawar 0"],
            ["LKSA Tiga", "anak", "63.71.01.1001", "TD/K/3", "30", "Nihil Santoso", "belum punya", "?"],
        ],
    )
    result = run(path, board_member)
    assert result.created == 3, result.problems
    stored = Organisation.objects.order_by("registration_number").values_list("head_name", "phone", "address")
    assert list(stored) == [("", "", ""), ("", "", "Jl. Mawar 0"), ("Nihil Santoso", "", "")]
    assert (
        "Isian yang berarti kosong dibaca sebagai sel kosong (data yang tersimpan tidak diubah): Nama pimpinan: "
        "“n/a” ×1, “tidak diketahui” ×1; Telepon: “0” ×2, “belum punya” ×1; Alamat: “Tidak Ada” ×1, “?” ×1."
    ) in result.notices


def test_a_word_for_nothing_keeps_what_is_stored(tmp_path, board_member):
    lks = OrganisationFactory(name="LKSA Lama", region_id="63.71.01.1001", registration_number="TD/K/9",
                              capacity=30, head_name="Hj. Aminah")  # fmt: skip
    path = xlsx_file(tmp_path, [COLUMNS[:6], ["LKSA Lama", "anak", "63.71.01.1001", "TD/K/9", "30", "tidak ada"]])
    result = run(path, board_member)
    assert result.unchanged == 1, result.problems
    lks.refresh_from_db()
    assert lks.head_name == "Hj. Aminah"


def test_a_file_without_such_words_says_nothing_of_them(tmp_path, board_member):
    path = xlsx_file(tmp_path, [COLUMNS[:6], ["LKSA Satu", "anak", "63.71.01.1001", "TD/K/1", "30", "Nana"]])
    result = run(path, board_member)
    assert result.created == 1
    assert not any("berarti kosong" in notice for notice in result.notices)
    assert Organisation.objects.get().head_name == "Nana"
