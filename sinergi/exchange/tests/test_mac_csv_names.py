"""Windows-1252 and Mac Roman CSVs of names that the letters' neighbours alone misread (the forty-first
review): each is read in the encoding it was saved in."""

import pytest

from sinergi.exchange.files import CSV, read_all

from .test_mac_csv import mac_csv


# Read right before 7aad7c3, misread by it: "a capital right after a capital counts for" scores
# Windows-1252's Ÿ in "MŸller" and Õ in "DÕSouza" as text, tying them with the Mac reading.
@pytest.mark.parametrize("name", ["Müller Hans", "Dürr Alamsyah", "D’Souza"])
@pytest.mark.parametrize("line_end", ["\r\n", "\n"])
def test_a_mac_csv_with_windows_line_ends_of_a_capital_then_accent_stays_mac_roman(tmp_path, name, line_end):
    path = mac_csv(tmp_path, [["Nama lengkap", "Peran"], [name, "Pengasuh"]], line_end=line_end)
    assert read_all(path, CSV)[1] == (2, [name, "Pengasuh"])


# Not new, but the symmetric case of the fortieth review's F1: a Mac list of names in capitals. Windows-1252 reads
# Mac's É as "ƒ", Á as "ç", Ú as "ò": a small letter inside a word of capitals counts for Windows-1252.
@pytest.mark.parametrize("name", ["ANDRÉ SANTOSO", "ÉMILE ZOLA", "FÁTIMA", "TOMÁS", "LÚCIA"])
def test_a_mac_csv_of_accented_capitals_with_windows_line_ends_stays_mac_roman(tmp_path, name):
    path = mac_csv(tmp_path, [["Nama lengkap", "Peran"], [name, "Pengasuh"]], line_end="\r\n")
    assert read_all(path, CSV)[1] == (2, [name, "Pengasuh"])


# Even a genuine "CSV (Macintosh)" (CR only): Mac's ë is Windows-1252's ‘, and the new _mark_plausibility scores a
# left quote between two letters +2 as if it were an apostrophe.
def test_a_mac_csv_with_e_diaeresis_stays_mac_roman(tmp_path):
    path = mac_csv(tmp_path, [["Nama lengkap", "Peran"], ["Noël Siregar", "Pengasuh"]])
    assert read_all(path, CSV)[1] == (2, ["Noël Siregar", "Pengasuh"])


# A Windows file (CRLF) with ½ (Mac "Ω") or Ò (Mac "“") read as Mac Roman.
@pytest.mark.parametrize("text", ["½ hari", "Òscar"])
def test_a_windows_csv_stays_windows_1252(tmp_path, text):
    path = mac_csv(tmp_path, [["Nama lengkap", "Keterangan"], ["Budi", text]], encoding="cp1252", line_end="\r\n")
    assert read_all(path, CSV)[1] == (2, ["Budi", text])


@pytest.mark.parametrize(
    "name", ["Yayasan Insan «Peduli»", "YAYASAN ABC®", "Panti Asuhan • Cabang 2", "Rumah ¼ Hektar"]
)
def test_a_windows_csv_whose_only_special_characters_are_symbols_stays_windows_1252(tmp_path, name):
    # Mac Roman reads them as "´Peduliª", "ABCÆ", "ï Cabang", "º Hektar" (the forty-second review)
    path = mac_csv(tmp_path, [["Nama LKS", "Alamat"], [name, "Jl. Contoh 1"]], encoding="cp1252", line_end="\r\n")
    assert read_all(path, CSV)[1] == (2, [name, "Jl. Contoh 1"])


@pytest.mark.parametrize("text", ["Yayasan «Kasih»", "Panti • Cabang", "Kamar 1º"])
def test_a_mac_csv_of_such_symbols_stays_mac_roman(tmp_path, text):
    path = mac_csv(tmp_path, [["Nama LKS", "Alamat"], [text, "Jl. Contoh 1"]])
    assert read_all(path, CSV)[1] == (2, [text, "Jl. Contoh 1"])
