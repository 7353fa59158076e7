"""The seventy-first review: an 8-bit CSV's encoding told from what each character beyond ASCII says where it stands.
An acute accent typed for an apostrophe ("Nur´aini") made a Windows-1252 file read as Mac Roman ("Nur¥aini"); a file
whose only such character was a symbol standing apart (¦, ¬, ¶, ¸) or an opening ¡ was refused as of another code page.
A symbol inside or against a word or number still marks a letter misread (MS-DOS's "André" as "Andr‚"), refused."""

import pytest

from sinergi.exchange.files import CSV, FileRefused, read_all
from sinergi.exchange.files.encodings import _eight_bit_encoding, _plausibility
from sinergi.organisations.models import Organisation

from .conftest import HEADERS, csv_file, run
from .test_mac_csv import mac_csv

pytestmark = pytest.mark.django_db

WINDOWS_NOTICE = "File CSV dibaca sebagai Windows-1252, pemisah “,”."


@pytest.mark.parametrize("name", ["LKSA Nur´aini", "Yayasan Ma´ruf Jum´at", "PANTI ASUHAN MA´RUF"])
def test_a_windows_csv_with_an_acute_accent_for_an_apostrophe_keeps_the_name(tmp_path, board_member, name):
    # given an LKS list saved by Excel on Windows, a name typed with ´ (0xB4) for its apostrophe: ¥ in Mac Roman
    path = csv_file(tmp_path, [HEADERS, [name, "anak", "63.71.01.1001", "TD/071/1", "30"]], encoding="cp1252")

    # when it is imported
    result = run(path, board_member)

    # then the name is stored as typed, the file read as Windows-1252
    assert result.created == 1, result.problems
    assert Organisation.objects.get().name == name
    assert WINDOWS_NOTICE in result.notices


@pytest.mark.parametrize(
    "address",
    [
        "¡Penting! Jl. Mawar No. 1",  # Mac Roman: "°Penting"
        "Jl. Mawar No. 1 ¦ RT 03 ¦ Kel. Mantuil",  # a separator typed (Mac Roman: ¶)
        "Jl. Mawar No. 1 ¬ RT 03",  # (Mac Roman: ¨)
        "¶ Jl. Mawar No. 1",  # (Mac Roman: ∂)
        "Jl. Mawar No. 1 ¸ RT 03",  # (Mac Roman: ∏)
    ],
)
def test_a_windows_csv_whose_only_special_character_is_a_symbol_apart_from_words_is_imported(
    tmp_path, board_member, address
):
    # given an LKS list saved by Excel on Windows whose only character beyond ASCII is one of these symbols
    row = ["LKSA Kasih", "anak", "63.71.01.1001", "TD/071/2", "30", address]
    path = csv_file(tmp_path, [[*HEADERS, "Alamat"], row], encoding="cp1252")

    # when it is imported
    result = run(path, board_member)

    # then it is not refused as of another code page: the address is stored as typed
    assert (result.status, result.created) == ("succeeded", 1), result.message
    assert Organisation.objects.get().address == address
    assert WINDOWS_NOTICE in result.notices


# What the bytes of each line say, Windows-1252 (CRLF) / Mac Roman (CR), judged without a file around them.
@pytest.mark.parametrize(
    ("text", "encoding", "told"),
    [
        # an acute accent for an apostrophe, in either encoding (Mac Roman writes it 0xAB, Windows-1252's «)
        ("Nur´aini", "cp1252", "cp1252"),
        ("MA´RUF", "cp1252", "cp1252"),
        ("Nur´aini", "mac_roman", "mac_roman"),
        # an inverted mark opens a word; a degree sign after a number with a space, or before C or F ending a word
        ("¡Cepat!", "cp1252", "cp1252"),  # Mac Roman "°Cepat": not a temperature
        ("Sudut 45 °", "cp1252", "cp1252"),
        ("Sudut 45 °", "mac_roman", "mac_roman"),
        # a symbol apart from words, as unlikely in either reading: the line ends say whose
        ("Diklat ¦ Bimtek", "cp1252", "cp1252"),
        ("Diklat ¶ Bimtek", "mac_roman", "mac_roman"),
    ],
)
def test_an_eight_bit_csv_is_read_in_the_encoding_it_was_saved_in(text, encoding, told):
    line_end = "\r" if encoding == "mac_roman" else "\r\n"
    data = line_end.join(["Nama,Catatan", f"Budi,{text}", ""]).encode(encoding)

    assert _eight_bit_encoding(data) == told
    assert data.decode(told).split(line_end)[1] == f"Budi,{text}"


# Excel's "CSV (MS-DOS)" (code page 437): its letters read as symbols inside or against a word or number, in either
# encoding. Ñ and ñ were read as a currency sign inside a word, "SE¥OR", "Pe¤as", and imported.
@pytest.mark.parametrize("text", ["André", "María", "Martí", "Kamar 1ª", "SEÑOR", "Jl. Peñas"])
def test_an_ms_dos_csv_is_still_refused(tmp_path, text):
    path = tmp_path / "dos.csv"
    path.write_bytes(f"Nama,Catatan\r\nBudi,{text}\r\n".encode("cp437"))

    with pytest.raises(FileRefused) as refused:
        read_all(path, CSV)
    assert "seperti “CSV (MS-DOS)”" in refused.value.message


def test_the_refusal_names_the_word_of_a_letter_misread_not_a_symbol_before_it(tmp_path):
    # given an MS-DOS file whose first character beyond ASCII is ¼ standing apart (Windows-1252's ¬), then André
    path = mac_csv(tmp_path, [["Nama", "Catatan"], ["Budi", "Rumah ¼ Hektar"], ["André", "-"]], encoding="cp437",
                   line_end="\r\n")  # fmt: skip

    with pytest.raises(FileRefused) as refused:
        read_all(path, CSV)

    # then the message quotes the word that is not text, not the symbol
    assert "(mis. baris 3: “Andr‚”)" in refused.value.message


@pytest.mark.parametrize(
    ("text", "judged"),
    [
        ("Diklat ¦ Bimtek", (-1, 1)),  # a symbol apart from words: against, but stray
        ("¶ Catatan", (-1, 1)),
        ("Andr‚", (-1, 0)),  # against a word: a letter misread
        ("Mar¡a", (-1, 0)),
        ("Kamar 1¦", (-1, 0)),  # against a number: MS-DOS's 1ª
        ("¡Penting", (0, 0)),  # opening a word
        ("Nur´aini", (1, 0)),  # an apostrophe
        ("Nur¥aini", (-1, 0)),  # a currency sign inside a word
        ("Uang ¥1000", (1, 0)),
    ],
)
def test_what_a_character_beyond_ascii_says_depends_on_where_it_stands(text, judged):
    assert _plausibility(text) == judged


@pytest.mark.parametrize("temperature", ["38 °Celcius", "38 °Celsius", "100 °Fahrenheit", "38°Celcius"])
def test_a_temperature_spelled_out_after_the_degree_sign_keeps_a_windows_file_readable(tmp_path, temperature):
    # The seventy-third review: "Demam 38 °Celcius" in a note made the whole file refused as "CSV (MS-DOS)"
    data = f"Nama,Catatan\r\nBudi,Demam {temperature}\r\n".encode("cp1252")
    assert _eight_bit_encoding(data) == "cp1252"


@pytest.mark.parametrize("name", ["Ma‘ruf Contoh", "Sa‘adah Contoh", "Imam Syafi‘i"])
def test_an_ayn_typed_as_a_left_quote_keeps_a_windows_file_windows_1252(tmp_path, name):
    # The seventy-third review: "Ma‘ruf" in a Windows-1252 CSV was stored as Mac Roman's "Maëruf"
    path = mac_csv(tmp_path, [["Nama lengkap", "Peran"], [name, "Pengasuh"]], encoding="cp1252", line_end="\r\n")
    assert read_all(path, CSV)[1] == (2, [name, "Pengasuh"])
