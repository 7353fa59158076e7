"""CSV files from Excel for Mac ("CSV (Macintosh)"): Mac Roman, lines ending in a carriage return alone. Their bytes
above 127 are other letters than Windows-1252's, so reading them as Windows-1252 changed names without a word."""

import pytest

from sinergi.exchange.files import CSV, read_all
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory

from .conftest import HEADERS, run


def mac_csv(tmp_path, rows: list[list[str]], *, encoding="mac_roman", line_end="\r"):
    path = tmp_path / "mac.csv"
    path.write_bytes(line_end.join(",".join(row) for row in rows).encode(encoding) + line_end.encode())
    return path


@pytest.mark.parametrize(
    "name",
    [
        "LKSA Nur’aini",  # ’ is 0xD5 in Mac Roman: "NurÕaini" read as Windows-1252
        "LKSA Café – Kasih",  # é 0x8E and – 0xD0: "CafŽ Ð"
        "LKSA Françoise",  # ç 0x8D: a byte Windows-1252 leaves undefined, once stored as "�"
    ],
)
def test_a_mac_csv_keeps_its_letters(tmp_path, board_member, name):
    path = mac_csv(tmp_path, [HEADERS, [name, "anak", "63.71.01.1001", "TD/MAC/1", "30"]])
    result = run(path, board_member)
    assert result.created == 1, result.problems
    assert Organisation.objects.get().name == name
    assert "File CSV dibaca sebagai Mac Roman (CSV Macintosh), pemisah “,”." in result.notices


def test_a_mac_csv_with_windows_line_ends_is_told_by_its_letters_alone(tmp_path):
    path = mac_csv(tmp_path, [["Nama LKS", "Alamat"], ["LKSA Ma’ruf", "Jl. Café"]], line_end="\r\n")
    assert read_all(path, CSV)[1] == (2, ["LKSA Ma’ruf", "Jl. Café"])


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_a_windows_1252_csv_stays_windows_1252(tmp_path, line_end):
    # The same letters as Windows-1252 bytes read as Mac Roman would be "Maíruf" and "CafÈ": Windows-1252 reads them
    # better, whatever the line ends.
    path = mac_csv(tmp_path, [["Nama LKS", "Alamat"], ["LKSA Ma’ruf", "Jl. Café – 2"]], encoding="cp1252",
                   line_end=line_end)  # fmt: skip
    assert read_all(path, CSV)[1] == (2, ["LKSA Ma’ruf", "Jl. Café – 2"])


def test_letters_a_mac_csv_lost_are_named_with_its_encoding(tmp_path, board_member):
    lks = OrganisationFactory(name="LKSA Nur’aini", region_id="63.71.01.1001", registration_number="TD/MAC/2",
                              capacity=30, head_name="Nguyễn Thị")  # fmt: skip
    # Excel for Mac writes "?" for each letter Mac Roman lacks: the stored name must not become "Nguy?n Th?".
    path = mac_csv(tmp_path, [[*HEADERS, "Nama pimpinan"],
                              ["LKSA Nur’aini", "anak", "63.71.01.1001", "TD/MAC/2", "30", "Nguy?n Th?"]])  # fmt: skip
    result = run(path, board_member)
    assert result.status == "refused"
    assert [(p.column, p.message) for p in result.problems] == [
        (
            "Nama pimpinan",
            "Huruf yang tersimpan (“Nguyễn Thị”) berubah menjadi “?” karena file CSV ini disimpan dengan pengodean Mac "
            "Roman, yang tidak memuat huruf itu. Simpan ulang sebagai CSV UTF-8 (di LibreOffice: set karakter "
            "“Unicode (UTF-8)”), lalu unggah lagi.",
        )
    ]
    lks.refresh_from_db()
    assert lks.head_name == "Nguyễn Thị"


@pytest.mark.parametrize("name", ["ANDRÉ SANTOSO", "Ñoman Kusuma", "JOSÉ RAHMAT", "HÉRU LESTARI", "Élodie Sari"])
def test_a_windows_1252_csv_of_names_with_an_accented_capital_stays_windows_1252(tmp_path, name):
    # É and Ñ are "…" and "—" in Mac Roman: a list of names in capitals, or one starting with Ñ, saved by Excel on
    # Windows was read as Mac Roman and its names stored as "ANDR… SANTOSO", "—oman Kusuma" (the fortieth review).
    path = mac_csv(tmp_path, [["Nama lengkap", "Peran"], [name, "Pengasuh"]], encoding="cp1252", line_end="\r\n")
    assert read_all(path, CSV)[1] == (2, [name, "Pengasuh"])


@pytest.mark.parametrize("text", ["“Budi” Santoso", "Jl. Ma’ruf 30°", "Kasih – Sayang", "dst…"])
def test_a_mac_csv_of_typographic_marks_where_text_puts_them_stays_mac_roman(tmp_path, text):
    path = mac_csv(tmp_path, [["Nama LKS", "Alamat"], ["LKSA Contoh", text]])
    assert read_all(path, CSV)[1] == (2, ["LKSA Contoh", text])
