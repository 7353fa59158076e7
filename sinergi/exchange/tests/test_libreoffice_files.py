"""Files saved by LibreOffice Calc (7.4, Indonesian locale), committed under files/libreoffice/: filled in Calc
the way a person does, not written by a Python library. Synthetic data only."""

import datetime
from pathlib import Path

import pytest

from sinergi.exchange import values as v
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory

from .conftest import HEADERS, problems_of, run, xlsx_file

pytestmark = pytest.mark.django_db

FILES = Path(__file__).parent / "files" / "libreoffice"
FORMULA_AS_TEXT = (
    "Sel ini berisi rumus yang tersimpan sebagai teks, sehingga tidak dihitung (kolomnya berformat Teks). Ketik "
    "isinya langsung, atau salin sel lalu tempel sebagai nilai saja."
)


def test_a_formula_typed_into_a_text_column_of_the_template_is_refused_not_stored_as_text(board_member):
    # The LKS template filled in Calc: "=A3" typed as Nama pimpinan and =CONCATENATE(…) as Alamat, both columns
    # formatted as Text by the template, so Calc kept the characters typed (no formula, no result).
    result = run(FILES / "formula_as_text.xlsx", board_member, dry_run=True)
    assert result.status == "refused"
    assert problems_of(result) == [
        (2, "Alamat", '=CONCATENATE("Jl. ";"Contoh")', FORMULA_AS_TEXT),
        (2, "Nama pimpinan", "=A3", FORMULA_AS_TEXT),
    ]
    assert not Organisation.objects.filter(name__startswith="LKSA Rumus").exists()


def test_text_that_only_begins_with_an_equals_sign_is_kept(tmp_path, board_member):
    # Row 3 of the LibreOffice file has "=> Jl. Contoh = No. 5" as Alamat: not a formula.
    rows = [[*HEADERS, "Alamat"], ["LKSA Sama Dengan", "anak", "63.71.01.1001", "TD/SD/1", 10, "=> Jl. Contoh"]]
    result = run(xlsx_file(tmp_path, rows), board_member)
    assert result.status == "succeeded", problems_of(result)
    assert Organisation.objects.get(name="LKSA Sama Dengan").address == "=> Jl. Contoh"


@pytest.mark.parametrize("raw", ["=A2", "=$B$2", "=PROPER(B2)", "=Sheet1!A2", "=$Daftar.A2", "='Data LKS'!B2", "=1+1"])
def test_formulas_kept_as_text(raw):
    assert v.formula_as_text(raw)


@pytest.mark.parametrize("raw", ["=> pindah", "= Budi", "'=SUM(1)", "Budi", "=", "=Ab12cd", 1.0, None])
def test_text_that_is_not_an_uncomputed_formula(raw):
    # "'=SUM(1)": our exports put an apostrophe before "=" (core.downloads.escape_formula), so it reads back as text.
    assert not v.formula_as_text(raw)


def test_letters_a_windows_1252_csv_lost_are_refused_not_stored_over_the_name(board_member):
    # LibreOffice's "Text CSV" with the character set Windows-1252 (the default on Indonesian Windows) writes "?"
    # for every letter that set lacks: "Nguyễn Thị Đào" comes back as "Nguy?n Th? ?ào".
    satu = OrganisationFactory(name="LKSA Ejaan Satu", region_id="63.71.01.1001", registration_number="TD/ENC/1",
                               capacity=20, head_name="Nguyễn Thị Đào")  # fmt: skip
    OrganisationFactory(name="LKSA Ejaan Dua", region_id="63.71.01.1001", registration_number="TD/ENC/2",
                        capacity=30, head_name="Zoë Müller")  # fmt: skip
    result = run(FILES / "windows1252.csv", board_member)
    assert result.status == "refused"
    assert problems_of(result) == [
        (
            2,
            "Nama pimpinan",
            "Nguy?n Th? ?ào",
            "Huruf yang tersimpan (“Nguyễn Thị Đào”) berubah menjadi “?” karena file CSV ini disimpan dengan "
            "pengodean Windows-1252, yang tidak memuat huruf itu. Simpan ulang sebagai CSV UTF-8 (di LibreOffice: set "
            "karakter “Unicode (UTF-8)”), lalu unggah lagi.",
        )
    ]
    satu.refresh_from_db()
    assert satu.head_name == "Nguyễn Thị Đào"


def test_letters_lost_from_a_csv_that_is_otherwise_plain_ascii_are_refused_too(tmp_path, board_member):
    # The lost letters were the file's only ones outside ASCII, so it reads as UTF-8: still compared with the name.
    lks = OrganisationFactory(name="LKSA Ejaan Tiga", region_id="63.71.01.1001", registration_number="TD/ENC/3",
                              capacity=20, head_name="Nguyễn Thị Hoa")  # fmt: skip
    path = tmp_path / "ascii.csv"
    lines = ["Nama LKS;Jenis layanan utama;Kode wilayah;Nomor tanda daftar;Kapasitas (orang);Nama pimpinan",
             "LKSA Ejaan Tiga;anak;63.71.01.1001;TD/ENC/3;20;Nguy?n Th? Hoa"]  # fmt: skip
    path.write_bytes("\r\n".join(lines).encode("ascii"))
    result = run(path, board_member)
    assert result.status == "refused"
    assert [(p.row, p.column, p.value) for p in result.problems] == [(2, "Nama pimpinan", "Nguy?n Th? Hoa")]
    lks.refresh_from_db()
    assert lks.head_name == "Nguyễn Thị Hoa"


def test_a_new_record_from_a_windows_1252_csv_with_a_question_mark_inside_a_word_is_imported_with_a_warning(
    board_member,
):
    # Nothing is stored to compare with: the "?" may be meant, so it is a warning, with the row and the cell.
    result = run(FILES / "windows1252.csv", board_member, dry_run=True)
    assert (result.status, result.created) == ("checked", 2), problems_of(result)
    assert [(w.row, w.column, w.value) for w in result.warnings if "mungkin huruf yang hilang" in w.message] == [
        (2, "Nama pimpinan", "Nguy?n Th? ?ào")
    ]


def test_a_question_mark_after_a_word_is_not_a_lost_letter(tmp_path, board_member):
    path = tmp_path / "tanya.csv"
    lines = ["Nama LKS;Jenis layanan utama;Kode wilayah;Nomor tanda daftar;Alamat",
             "LKSA Tanya Zoë;anak;63.71.01.1001;TD/TANYA/1;Jl. Benar ? Belum pasti"]  # fmt: skip
    path.write_bytes("\r\n".join(lines).encode("cp1252"))
    result = run(path, board_member, dry_run=True)
    assert result.status == "checked", problems_of(result)
    assert "File CSV dibaca sebagai Windows-1252, pemisah “;”." in result.notices
    assert not [w for w in result.warnings if "mungkin huruf yang hilang" in w.message]
    # while the same address with the "?" inside a word is warned of
    path.write_bytes(path.read_bytes().replace(b"Benar ? Belum", b"Benar?Belum"))
    result = run(path, board_member, dry_run=True)
    assert [w.column for w in result.warnings if "mungkin huruf yang hilang" in w.message] == ["Alamat"]


def test_a_windows_1252_csv_with_letters_it_has_imports_unchanged(tmp_path, board_member):
    OrganisationFactory(name="LKSA Ejaan Dua", region_id="63.71.01.1001", registration_number="TD/ENC/2",
                        capacity=30, head_name="Zoë Müller")  # fmt: skip
    path = tmp_path / "dua.csv"
    path.write_bytes(b"".join((FILES / "windows1252.csv").read_bytes().splitlines(keepends=True)[::2]))
    result = run(path, board_member)
    assert (result.status, result.unchanged) == ("succeeded", 1), problems_of(result)
    assert "File CSV dibaca sebagai Windows-1252, pemisah “;”." in result.notices


@pytest.mark.parametrize("raw", ["\u2018081234567890", "\u2019081234567890", " \u2018081234567890 "])
def test_an_apostrophe_turned_curly_by_autocorrect_before_a_number_is_the_text_apostrophe(raw):
    # LibreOffice's autocorrect ("Replace single quotes") turns the apostrophe typed to keep 0812… as text into "‘",
    # which the cell then keeps as a character.
    assert v.text(raw) == "081234567890"


def test_a_curly_apostrophe_before_a_letter_is_kept():
    assert v.text("\u2018Aisyah") == "\u2018Aisyah"


def test_a_phone_and_a_date_typed_after_a_curly_apostrophe_are_read(tmp_path, board_member):
    row = ["LKSA Kutip", "anak", "63.71.01.1001", "TD/KUTIP/1", 10, "\u20180511-3300123", "\u201817-08-2023"]
    rows = [[*HEADERS, "Telepon", "Tanggal akta"], row]
    result = run(xlsx_file(tmp_path, rows), board_member)
    assert result.status == "succeeded", problems_of(result)
    lks = Organisation.objects.get(name="LKSA Kutip")
    assert (lks.phone, lks.deed_date) == ("0511-3300123", datetime.date(2023, 8, 17))
