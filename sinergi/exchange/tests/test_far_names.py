"""A registered number (or NIK) under a name that is hardly the stored one: most likely a mistyped number."""

import pytest

from sinergi.exchange.values import names_far_apart
from sinergi.organisations.models import Organisation

from .conftest import HEADERS, problems_of, run, xlsx_file


@pytest.mark.parametrize(
    ("stored", "given"),
    [
        ("Ahmad Fauzi", "Akhmad Fauzi"),
        ("Muhammad Rizky", "Muhamad Rizki"),
        ("Siti Aminah", "Siti Aminah binti Ahmad"),
        ("Muhammad Rizky", "M. Rizky"),
        ("LKSA Al Hidayah", "Panti Asuhan Al-Hidayah"),
        ("LKSA Lama Banjarmasin", "LKSA LAMA BANJARMASIN"),
        ("Budi Contoh", "Boedi Contoh"),  # half of the words is not fewer than half
    ],
)
def test_a_corrected_spelling_a_word_more_or_an_initial_keeps_names_close(stored, given):
    assert not names_far_apart(stored, given)


@pytest.mark.parametrize(
    ("stored", "given"),
    [
        ("Siti Aminah Reviewtes", "Siti Lain Rv3"),
        ("Budi Contoh", "Rahmat Lain"),
        ("Dewi Lestari", "Siti Rahmawati"),
        ("LKSA Harapan Kita", "LKSA Lembar 60"),
    ],
)
def test_names_sharing_fewer_than_half_their_words_are_far_apart(stored, given):
    assert names_far_apart(stored, given)


def test_a_registered_number_under_another_name_in_another_kabupaten_is_refused(
    tmp_path, board_member, province_admin, banjarmasin_lks
):
    # TD/LAMA/1 is "LKSA Lama Banjarmasin" in Kota Banjarmasin (63.71); the row names another LKS in Banjarbaru
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Harapan Kita", "anak", "63.72.02.1003", "TD/LAMA/1", 30]])
    result = run(path, province_admin)
    assert result.status == "refused"
    [(row, column, _value, message)] = problems_of(result)
    assert (row, column) == (2, "Nomor tanda daftar")
    assert message.startswith(
        "Nomor ini milik “LKSA Lama Banjarmasin” di Kota Banjarmasin, sedangkan baris ini menyebut nama lain "
        "(“LKSA Harapan Kita”) di kabupaten/kota lain."
    )
    assert Organisation.objects.get(pk=banjarmasin_lks.pk).name == "LKSA Lama Banjarmasin"


def test_a_registered_number_under_another_name_in_the_same_kabupaten_warns(tmp_path, board_member, banjarmasin_lks):
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Harapan Kita", "anak", "63.71.01.1001", "TD/LAMA/1", 30]])
    result = run(path, board_member, dry_run=True)
    assert (result.status, result.updated) == ("checked", 1), problems_of(result)
    assert [(p.column, p.message.split(":")[0]) for p in result.warnings] == [
        (
            "Nama LKS",
            "Nama di file (“LKSA Harapan Kita”) jauh berbeda dari nama LKS yang tercatat dengan nomor ini (“LKSA Lama "
            "Banjarmasin”). Bila nomornya salah ketik, baris ini mengubah LKS lain",
        )
    ]
    renamed = run(
        xlsx_file(tmp_path, [HEADERS, ["LKSA Lama Banjarmasin Baru", "anak", "63.71.01.1001", "TD/LAMA/1", 30]],
                  name="b.xlsx"),
        board_member,
        dry_run=True,
    )  # fmt: skip
    assert (renamed.updated, renamed.warnings) == (1, [])
