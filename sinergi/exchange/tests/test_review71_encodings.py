"""The seventy-first review: an 8-bit CSV's encoding told from what each character beyond ASCII says where it stands.
An acute accent typed for an apostrophe ("Nur´aini") made a Windows-1252 file read as Mac Roman ("Nur¥aini")."""

import pytest

from sinergi.exchange.files import CSV, FileRefused, read_all
from sinergi.exchange.files.encodings import _eight_bit_encoding
from sinergi.organisations.models import Organisation

from .conftest import HEADERS, csv_file, run

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


# What the bytes of each line say, Windows-1252 (CRLF) / Mac Roman (CR), judged without a file around them.
@pytest.mark.parametrize(
    ("text", "encoding", "told"),
    [
        # an acute accent for an apostrophe, in either encoding (Mac Roman writes it 0xAB, Windows-1252's «)
        ("Nur´aini", "cp1252", "cp1252"),
        ("MA´RUF", "cp1252", "cp1252"),
        ("Nur´aini", "mac_roman", "mac_roman"),
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
