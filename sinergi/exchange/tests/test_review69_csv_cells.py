"""The sixty-ninth review: CSV files as Excel, LibreOffice and Google Sheets write them, which the day's checks for
hand-typed quote marks must take as they are."""

import pytest

from sinergi.organisations.models import Organisation

from .conftest import HEADERS, csv_file, run

pytestmark = pytest.mark.django_db


def test_an_address_typed_over_two_lines_with_commas_is_read_not_taken_for_an_unclosed_quote(tmp_path, board_member):
    # given an LKS list saved as CSV by a spreadsheet program, whose address cell was typed over two lines (Alt+Enter),
    # the second holding as many commas as a row of the file has separators
    address = "Jl. A. Yani Km 5\nRT 03, RW 02, Kel. Pemurus Baru, Kec. Banjarmasin Selatan, Kota Banjarmasin, Kalsel"
    path = csv_file(
        tmp_path,
        [[*HEADERS, "Alamat"], ["LKSA Kasih Ibu", "anak", "63.71.01.1001", "TD/001/2024", 10, address]],
    )

    # when it is imported
    result = run(path, board_member)

    # then the LKS is stored with the address as typed
    assert (result.status, result.created) == ("succeeded", 1), result.message
    assert Organisation.objects.get().address == address
