"""A critical read of the seventy-seventh review (seventy-eighth review): what its header and row rules reached too
far into, shown on files as clerks keep them."""

import pytest

from sinergi.exchange.tests.conftest import run
from sinergi.exchange.tests.test_review76_messy_sheets import BUDI, workbook
from sinergi.people.models import Person
from sinergi.people.tests.test_exchange import world  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

# A children's list that writes the mother's birth place and date beside her name, under the same titles as the
# child's: one table, not two side by side.
WITH_MOTHER = ["No", "Nama Lengkap", "L/P", "Tempat Lahir", "Tanggal Lahir", "NIK", "Alasan KK kosong",
               "Kategori PPKS", "Bentuk layanan", "Tanggal masuk", "Nama Ibu", "Tempat Lahir",
               "Tanggal Lahir"]  # fmt: skip
BUDI_WITH_MOTHER = [1, "Budi Contoh", "L", "Kupang", BUDI[3], BUDI[4], "Belum dibuat", "Anak Terlantar",
                    "Dalam panti", BUDI[8], "Siti Contoh", "Kupang", BUDI[8]]  # fmt: skip


def test_a_relatives_columns_repeating_the_childs_titles_are_not_called_a_second_table(tmp_path, world):  # noqa: F811
    # "Move the second table's rows below the first" named columns D–K and L–M of one table: advice no clerk could
    # follow. The titles repeated are a column too many, as for any title written twice.
    path = tmp_path / "anak.xlsx"
    workbook(path, [WITH_MOTHER, BUDI_WITH_MOTHER])

    result = run(path, world.operator, entity="clients")

    assert result.status == "refused"
    assert result.message == "Kolom “Tempat Lahir” ada dua kali (kolom D dan L). Hapus salah satunya."
    assert not Person.objects.exists()
