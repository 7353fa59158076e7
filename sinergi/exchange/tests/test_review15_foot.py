"""The foot under an office's table — a count ("Jumlah pekerja: 2 orang"), a legend, a two-sided signature block
with place and date, titles, names and a NIP — is skipped when it ends the table, each row named in a notice; the
same words in the middle of the data, or a real record, are read as data."""

import pytest

from sinergi.exchange.tests.conftest import csv_file, run, xlsx_file
from sinergi.people.models import Worker
from sinergi.people.tests.test_exchange import world  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

HEADER = ["No", "Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran", "Telepon"]
FIRST = ["1", "Ttd Satu", "L", "lks", "Relawan", "0812-1111-0001"]
SECOND = ["2", "Ttd Dua", "P", "lks", "Pengasuh", "0812-1111-0002"]
FOOT = [
    ["", "Jumlah pekerja: 2 orang", "", "", "", ""],
    ["", "", "", "", "", ""],
    ["", "Keterangan: L = Laki-laki, P = Perempuan", "", "", "", ""],
    ["", "", "", "", "Banjarmasin, 17 Agustus 2025", ""],
    ["", "Mengetahui,", "", "", "Ketua LKSA", ""],
    ["", "", "", "", "", ""],
    ["", "Hj. Rahmah, S.Pd", "", "", "Drs. Ahmad", ""],
    ["", "NIP. 19700101 199003 1 001", "", "", "", ""],
]


def test_a_signature_block_ending_the_table_is_skipped_and_each_row_named(tmp_path, world):  # noqa: F811
    path = csv_file(tmp_path, [HEADER, FIRST, SECOND, *FOOT], delimiter=";")
    result = run(path, world.operator, entity="workers")
    assert (result.status, result.created, result.problems) == ("succeeded", 2, [])
    assert (
        "Baris di akhir tabel yang berisi jumlah, keterangan atau tanda tangan (bukan data) dilewati: "
        "4 (“Jumlah pekerja: 2 orang”), 6 (“Keterangan: L = Laki-laki, P = Perempuan”), "
        "7 (“Banjarmasin, 17 Agustus 2025”), 8 (“Mengetahui,” “Ketua LKSA”), 10 (“Hj. Rahmah, S.Pd” “Drs. Ahmad”), "
        "11 (“NIP. 19700101 199003 1 001”)."
    ) in result.notices
    assert sorted(Worker.objects.values_list("full_name", flat=True)) == ["Ttd Dua", "Ttd Satu"]


def test_foot_words_in_the_middle_of_the_data_are_read_as_data(tmp_path, world):  # noqa: F811
    # "Mengetahui," / "Ketua LKSA" above a record is no foot: the row is refused, not skipped without a word
    path = csv_file(tmp_path, [HEADER, FIRST, FOOT[4], SECOND], delimiter=";")
    result = run(path, world.operator, entity="workers", dry_run=True)
    assert result.status == "refused"
    assert {p.row for p in result.problems} == {3}
    assert not any("akhir tabel" in notice for notice in result.notices)


def test_a_last_record_of_someone_named_ketua_is_imported(tmp_path, world):  # noqa: F811
    last = ["3", "Ketua Rahmat", "L", "lks", "Pengurus", "0812-1111-0003"]
    path = csv_file(tmp_path, [HEADER, FIRST, SECOND, last, *FOOT[3:]], delimiter=";")
    result = run(path, world.operator, entity="workers")
    assert (result.status, result.created) == ("succeeded", 3)
    assert Worker.objects.filter(full_name="Ketua Rahmat").exists()


def test_lks_rows_named_with_a_signatorys_title_at_the_end_of_a_short_table_are_data(tmp_path, board_member):
    from sinergi.organisations.models import Organisation

    rows = [
        ["Nama LKS", "Jenis layanan utama", "Kabupaten/Kota", "Alamat"],
        ["LKSA Awal Uji", "anak", "Kota Banjarmasin", "Jl. Mawar, 12 RT 03"],
        ["Pembina Yatim Piatu Al Ikhlas", "anak", "Kota Banjarmasin", "Komp. Beruntung Jaya, 7 Blok 12"],
        ["Yayasan Kasih Bunda", "lanjut_usia", "Kota Banjarmasin", ""],
    ]
    result = run(csv_file(tmp_path, rows), board_member)
    assert (result.status, result.created) == ("succeeded", 3), [p.message for p in result.problems]
    assert not [notice for notice in result.notices if "Baris di akhir tabel" in notice]
    assert Organisation.objects.filter(name="Pembina Yatim Piatu Al Ikhlas").exists()


def test_a_file_refused_for_its_columns_counts_its_rows_of_data_not_its_total_or_signature(tmp_path, board_member):
    # A review found "Baris data 6" for four LKS: the total row and the signature lines under it were counted.
    rows = [["Nama LKS", "Kode wilayah", "Kapasitas (orang)"]]
    rows += [[f"LKSA Hitung {n}", "63.71.01.1001", 10] for n in range(1, 5)]
    rows += [["JUMLAH", "", 40], ["Banjarmasin, 1 Desember 2026"], ["Ketua,"], ["(Nama Ketua)"]]

    result = run(xlsx_file(tmp_path, rows), board_member, dry_run=True)

    assert result.status == "refused" and result.message.startswith("Kolom wajib tidak ada")
    assert result.rows_total == 4


def test_a_file_refused_for_its_columns_counts_rows_of_a_single_column(tmp_path, board_member):
    rows = [["Nama LKS"], *[[f"LKSA Hitung {n}"] for n in range(1, 4)]]

    result = run(xlsx_file(tmp_path, rows), board_member, dry_run=True)

    assert (result.status, result.rows_total) == ("refused", 3)


def test_a_file_refused_for_its_columns_counts_a_one_cell_row_between_a_subtotal_and_more_data(tmp_path, board_member):
    # As a checked file reads it: data after a total makes the total a subtotal, so a row after it is data again.
    rows = [["Nama LKS", "Kode wilayah", "Kapasitas (orang)"], ["LKSA Hitung 1", "63.71.01.1001", 10]]
    rows += [["JUMLAH", "", 10], ["LKSA Hitung 2", "63.71.01.1001", 10], ["LKSA Hitung 3"]]
    rows += [["JUMLAH", "", 20], ["Banjarmasin, 1 Desember 2026"]]

    result = run(xlsx_file(tmp_path, rows), board_member, dry_run=True)

    assert result.status == "refused" and result.message.startswith("Kolom wajib tidak ada")
    assert result.rows_total == 3


def test_a_file_refused_for_its_columns_counts_a_one_cell_row_directly_under_a_subtotal(tmp_path, board_member):
    rows = [["Nama LKS", "Kode wilayah", "Kapasitas (orang)"], ["LKSA Hitung 1", "63.71.01.1001", 10]]
    rows += [["JUMLAH", "", 10], ["LKSA Hitung 2"], ["LKSA Hitung 3", "63.71.01.1001", 10]]
    rows += [["JUMLAH", "", 20], ["Banjarmasin, 1 Desember 2026"]]

    result = run(xlsx_file(tmp_path, rows), board_member, dry_run=True)

    assert result.status == "refused" and result.message.startswith("Kolom wajib tidak ada")
    assert result.rows_total == 3
