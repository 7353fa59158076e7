"""The seventy-seventh review's critical read of the seventy-sixth: a numbered record costs the total row's test no
normalising of its name on the import's hot path, and every total row is still one; an LKS whose name begins with
"Sumber" is no source line of the sheet's foot; a Balinese "ANAK AGUNG" is no group's heading."""

import datetime

import pytest

from sinergi.exchange import values as v
from sinergi.exchange.pipeline import sheet_rows
from sinergi.exchange.pipeline.sheet_rows import _foot_row, _not_data
from sinergi.exchange.tests.conftest import run, xlsx_file
from sinergi.exchange.tests.test_review76_messy_sheets import ANI, BUDI, HEADER, workbook
from sinergi.people.tests.test_exchange import world  # noqa: F401 (a fixture)


def test_a_numbered_record_is_told_from_a_total_row_without_normalising_its_name(monkeypatch):
    # Every row of the file passes here: a numbered "Siti Aminah" (a name starting as "Sub Total" does, with S) was
    # normalised on each row since a count before "JUMLAH" was read as a total, a third of the sheet's reading.
    normalised = []
    norm = v.norm
    monkeypatch.setattr(sheet_rows.v, "norm", lambda value: normalised.append(value) or norm(value))
    record = [3, "Siti Aminah", "P", datetime.date(2015, 2, 1), "Tono", "Sukarti", "Gunawan", "Joko"]

    assert _not_data(record, list(range(1, 8))) is None
    assert _not_data(["Siti Aminah", "P"], [0, 1]) is None
    assert normalised == []


@pytest.mark.parametrize(
    "row",
    [
        [2, "JUMLAH", "L: 1, P: 1"],
        ["12", "Sub Total", 12],
        [30, "Grand total", "30 anak"],
        [5, " Jml. Putri", 5],
        ["Total", 12],
        ["TOTAL KESELURUHAN"],
    ],
)
def test_a_total_row_is_still_one_after_the_cheap_test(row):
    # A guard (passes either way): the cheap test lets every total word through.
    assert _not_data(row, list(range(len(row)))) == "total"


@pytest.mark.django_db
def test_an_lks_named_sumber_listed_last_is_imported_not_skipped_as_a_source_line(tmp_path, board_member):
    # "Sumber Kasih", three cells of words like a signature block's: skipped as the foot, named only in a notice
    rows = [
        ["Nama LKS", "Jenis layanan utama", "Kabupaten/Kota"],
        ["LKSA Harapan", "anak", "Kota Banjarmasin"],
        ["Sumber Kasih", "lanjut usia", "Kota Banjarmasin"],
    ]

    result = run(xlsx_file(tmp_path, rows), board_member, dry_run=True)

    assert (result.status, result.created, result.problems) == ("checked", 2, [])
    assert not any("tanda tangan" in notice for notice in result.notices)


@pytest.mark.parametrize("line", ["Sumber: Dinas Sosial Kota Banjarmasin", "Sumber data: Dinsos", "SUMBER DATA DINSOS"])
def test_a_source_line_still_begins_the_foot(line):
    # A guard (passes either way): "Sumber" with a colon or "data" after it.
    assert _foot_row(["", line], continuing=False)


@pytest.mark.django_db
def test_a_child_named_anak_agung_written_alone_is_a_record_to_complete_not_a_groups_heading(tmp_path, world):  # noqa: F811
    # Only the name filled yet, in capitals: refused for what is missing, not skipped as a heading like "ANAK TELANTAR"
    path = tmp_path / "anak.xlsx"
    workbook(path, [HEADER, BUDI, [None, "ANAK AGUNG GEDE RAI"], [None, "ANAK TELANTAR"], ANI])

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert result.status == "refused"
    assert {p.row for p in result.problems} == {3}
    assert "Baris 4 berisi judul bagian (mis. “A. ANAK DALAM PANTI”), bukan data, dan dilewati." in result.notices
