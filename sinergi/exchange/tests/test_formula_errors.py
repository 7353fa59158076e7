"""A cell whose formula failed (#N/A of a VLOOKUP, #VALUE! of a DATE) is not an empty cell, nor data: its row is
refused, naming the error. An .xlsx keeps the error as the cell's result (which calamine reads as empty); a CSV
keeps the error's text."""

import pytest

from sinergi.organisations.models import Organisation

from .conftest import HEADERS, csv_file, problems_of, run, xlsx_file

FIX = "Perbaiki rumusnya (atau ketik isinya, atau kosongkan selnya) di file, lalu unggah lagi."


def test_an_error_in_an_xlsx_cell_refuses_its_row_instead_of_reading_as_empty(tmp_path, board_member):
    path = xlsx_file(
        tmp_path,
        [
            [*HEADERS, "Telepon"],
            ["LKSA Satu", "anak", "63.71.01.1001", "TD/E/1", "30", ("=VLOOKUP(A2,Kontak!A:B,2,0)", "#N/A")],
            ["LKSA Dua", "anak", ("=VLOOKUP(A3,Kode!A:B,2,0)", "#REF!"), "TD/E/2", "30", "0511-3252525"],
            ["LKSA Tiga", "anak", "63.71.01.1001", "TD/E/3", "30", "0511-3252526"],
        ],
    )
    result = run(path, board_member)
    assert result.status == "refused"
    assert problems_of(result) == [
        (2, "Telepon", "#N/A", f"Sel ini berisi kesalahan rumus “#N/A”, bukan isian. {FIX}"),
        # Instead of "Kode wilayah wajib diisi", which the empty cell would have been told.
        (3, "Kode wilayah", "#REF!", f"Sel ini berisi kesalahan rumus “#REF!”, bukan isian. {FIX}"),
    ]
    assert result.refused_rows == 2
    assert not Organisation.objects.exists()


def test_an_error_in_a_column_that_is_not_read_does_not_matter(tmp_path, board_member):
    path = xlsx_file(
        tmp_path,
        [[*HEADERS, "Catatan bebas"], ["LKSA Satu", "anak", "63.71.01.1001", "TD/E/1", "30", ("=1/0", "#DIV/0!")]],
    )
    assert run(path, board_member).created == 1


@pytest.mark.parametrize("error", ["#N/A", "#VALUE!", "#NAME?", "#DIV/0!", "Err:502"])
def test_an_error_saved_as_text_in_a_csv_is_refused_not_stored(tmp_path, board_member, error):
    path = csv_file(tmp_path, [[*HEADERS, "Telepon"], ["LKSA Satu", "anak", "63.71.01.1001", "TD/E/1", "30", error]])
    result = run(path, board_member)
    assert problems_of(result) == [
        (2, "Telepon", error, f"Sel ini berisi kesalahan rumus “{error}”, bukan isian. {FIX}")
    ]
    assert not Organisation.objects.exists()


def test_text_that_only_starts_like_an_error_is_data(tmp_path, board_member):
    path = csv_file(
        tmp_path, [[*HEADERS, "Alamat"], ["LKSA Satu", "anak", "63.71.01.1001", "TD/E/1", "30", "#N/A Jl. Mawar"]]
    )
    assert run(path, board_member).created == 1


def test_a_check_stopped_at_its_problem_limit_names_no_formula_error_of_the_rows_it_did_not_check(
    tmp_path, board_member, settings
):
    # The check stops at row 6 with 10 problems; a #N/A at row 30 would make it "11 problems" and a row it never read
    settings.SINERGI = {**settings.SINERGI, "IMPORT_MAX_PROBLEMS": 10}
    bad = [[f"LKSA Salah {n}", "bukan jenis", "63.71.01.1001", f"TD/SALAH/{n}", "banyak"] for n in range(40)]
    bad[28][4] = ("=VLOOKUP(A30,Kapasitas!A:B,2,0)", "#N/A")

    result = run(xlsx_file(tmp_path, [HEADERS, *bad]), board_member, dry_run=True, batch_size=1000)

    assert result.status == "refused"
    assert len(result.problems) == 10 and max(problem.row for problem in result.problems) == 6
    assert result.message.startswith("Pemeriksaan dihentikan di baris 6: file ini sudah punya 10 masalah.")


def test_a_stored_lks_whose_cell_holds_an_error_is_not_told_its_empty_cell_keeps_the_value(tmp_path, board_member):
    # The seventieth review: beside the row's refusal, the notice "Sel kosong tidak menghapus isian yang tersimpan ...
    # di kolom Telepon" named the cell that held #N/A, as if it were empty.
    stored = [[*HEADERS, "Telepon"], ["LKSA Satu", "anak", "63.71.01.1001", "TD/E/1", "30", "0511-3252525"]]
    assert run(xlsx_file(tmp_path, stored, name="first.xlsx"), board_member).created == 1
    failed = ("=VLOOKUP(A2,Kontak!A:B,2,0)", "#N/A")
    path = xlsx_file(tmp_path, [stored[0], [*stored[1][:5], failed]])

    result = run(path, board_member, dry_run=True)

    assert problems_of(result) == [(2, "Telepon", "#N/A", f"Sel ini berisi kesalahan rumus “#N/A”, bukan isian. {FIX}")]
    assert not [notice for notice in result.notices if notice.startswith("Sel kosong tidak menghapus")]
