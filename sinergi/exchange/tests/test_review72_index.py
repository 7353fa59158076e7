"""The exchange page tells what an export leaves out (seventy-second review): the clients' export has no notes and no
consents, so a user checking it for the note she imported is told that it is kept, not lost, and that importing the
export again leaves it as it is."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_exchange_page_says_notes_and_consents_are_not_exported_and_stay_stored(client, operator):
    # Given an LKS operator
    client.force_login(operator)

    # When the exchange page is opened
    page = client.get("/exchange/").content.decode()

    # Then it says which of the template's fields the clients' export leaves out, and that they stay as stored
    assert "Berkas ekspor memakai kolom yang sama dengan templat" not in page
    assert (
        "Catatan dan persetujuan penerima layanan tidak ikut diekspor; isian itu tetap tersimpan dan tidak berubah "
        "bila berkas diimpor kembali."
    ) in page
