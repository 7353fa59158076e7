"""A list cell read as an item it does not write as listed (a spelling variant, a short form, an acronym, an alias)
is read right, and said: nothing is changed without a word."""

import pytest

from sinergi.exchange.tests.conftest import run, xlsx_file
from sinergi.organisations.models import Organisation

pytestmark = pytest.mark.django_db

HEADERS = ["Nama LKS", "Jenis layanan utama", "Bentuk layanan", "Kode wilayah"]


def read_as_notices(result) -> list[str]:
    return [str(n) for n in result.notices if "dibaca sebagai pilihan" in str(n)]


def test_cells_read_as_another_way_of_writing_an_item_are_named_with_what_they_were_read_as(tmp_path, board_member):
    rows = [
        ["LKSA Baca Satu", "LKSA", "Luar panti", "63.71"],
        ["LKSA Baca Dua", "lks anak", "panti", "63.71"],
        ["LKSA Baca Tiga", "LKSA", "Luar panti", "63.71"],  # said once per value
        ["LKSA Baca Empat", "lksa", "LUAR  PANTI", "63.71"],  # and once whatever its case and spacing
    ]
    result = run(xlsx_file(tmp_path, [HEADERS, *rows]), board_member, dry_run=True)
    assert (result.status, result.created) == ("checked", 4), result.problems
    assert read_as_notices(result) == [
        "Isian ini dibaca sebagai pilihan dalam daftar: Jenis layanan utama: “LKSA” → “LKS Anak (LKSA)”, “lks anak” "
        "→ “LKS Anak (LKSA)”; Bentuk layanan: “Luar panti” → “Luar panti (berbasis masyarakat)”, “panti” → “Dalam "
        "panti”. Periksa bila maksudnya lain."
    ]


def test_items_written_as_listed_in_either_language_or_by_code_are_not_named(tmp_path, board_member):
    rows = [
        ["LKSA Baca Empat", "LKS Anak (LKSA)", "DALAM PANTI", "63.71"],  # case and spacing aside
        ["LKSA Baca Lima", "Child welfare institution (LKSA)", "Luar panti (berbasis masyarakat)", "63.71"],
        ["LKSA Baca Enam", "anak", "residential", "63.71"],
    ]
    result = run(xlsx_file(tmp_path, [HEADERS, *rows]), board_member)
    assert (result.status, result.created) == ("succeeded", 3), result.problems
    assert read_as_notices(result) == []
    assert set(Organisation.objects.filter(name__startswith="LKSA Baca").values_list("care_setting", flat=True)) == {
        "residential",
        "community",
    }


def test_a_region_name_in_the_code_column_is_refused_pointing_to_the_name_columns(tmp_path, board_member):
    result = run(xlsx_file(tmp_path, [HEADERS, ["LKSA Baca Tujuh", "anak", "Dalam panti", "Mantuil"]]), board_member)
    assert [(p.column, p.message) for p in result.problems] == [
        (
            "Kode wilayah",
            "“Mantuil” bukan kode wilayah. Kolom ini berisi kode, seperti 63.71.01.1001; nama wilayah ditulis di kolom "
            "Kabupaten/Kota, Kecamatan, dan Desa/Kelurahan (kolom kode ini lalu dikosongkan).",
        )
    ]


def test_the_read_as_notice_names_the_column_as_the_file_writes_it(tmp_path, board_member):
    headers = ["Nama LKS", "jenis layanan", "Bentuk layanan", "Kode wilayah"]  # a synonym of "Jenis layanan utama"
    result = run(xlsx_file(tmp_path, [headers, ["LKSA Baca Lima", "LKSA", "Dalam panti", "63.71"]]), board_member)
    assert read_as_notices(result) == [
        "Isian ini dibaca sebagai pilihan dalam daftar: jenis layanan: “LKSA” → “LKS Anak (LKSA)”. Periksa bila "
        "maksudnya lain."
    ]
