"""A critical read of the seventy-seventh review (seventy-eighth review): what its header and row rules reached too
far into, shown on files as clerks keep them."""

import pytest

from sinergi.exchange.tests.conftest import run
from sinergi.exchange.tests.test_review76_messy_sheets import ANI, BUDI, HEADER, workbook
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


# ---------------------------------------------------------------------------------------------- left, or left school

LEFT_WARNING = "tetapi “Tanggal keluar” kosong"


def _left_warnings(result) -> dict[int, str]:
    return {w.row: w.value for w in result.warnings if LEFT_WARNING in w.message}


def test_a_child_who_stopped_school_is_not_warned_of_as_having_left(tmp_path, world):  # noqa: F811
    # "Berhenti sekolah" in an office's own "Status" (read since the seventy-seventh review) or in its notes is the
    # school the child left, not the home: a warning asking for a discharge date on each such child was noise.
    path = tmp_path / "anak.xlsx"
    workbook(
        path, [[*HEADER, "Status", "Keterangan"], [*BUDI, "Berhenti sekolah", None], [*ANI, None, "berhenti kuliah"]]
    )

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert (result.status, result.created, result.problems) == ("checked", 2, [])
    assert _left_warnings(result) == {}


def test_a_status_saying_the_child_stopped_is_still_warned_of(tmp_path, world):  # noqa: F811
    # A guard (passes either way): "Berhenti" alone, or stopping at the home, is still the child leaving.
    path = tmp_path / "anak.xlsx"
    workbook(path, [[*HEADER, "Status"], [*BUDI, "Berhenti"], [*ANI, "Berhenti dari panti"]])

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert _left_warnings(result) == {2: "Berhenti", 3: "Berhenti dari panti"}


def test_a_later_list_saying_a_registered_child_died_is_warned_of(tmp_path, world):  # noqa: F811
    # The next month's list of the same home: Budi's own "Status" says Meninggal (the row otherwise unchanged), Ani's
    # notes say so (the row updates them). Their stays were left open without a word, the warning given to new
    # children only.
    first = tmp_path / "anak-mei.xlsx"
    workbook(first, [HEADER, BUDI, ANI])
    assert run(first, world.operator, entity="clients").created == 2
    later = tmp_path / "anak-juni.xlsx"
    workbook(later, [[*HEADER, "Status", "Keterangan"], [*BUDI, "Meninggal", None], [*ANI, None, "Meninggal dunia"]])

    result = run(later, world.operator, entity="clients", dry_run=True)

    assert (result.status, result.created, result.problems) == ("checked", 0, [])
    assert _left_warnings(result) == {2: "Meninggal", 3: "Meninggal dunia"}


def test_a_later_list_of_registered_children_still_served_is_not_warned_of(tmp_path, world):  # noqa: F811
    # A guard (passes either way): the next month's list with an "Aktif" status and an orphan's note.
    first = tmp_path / "anak-mei.xlsx"
    workbook(first, [HEADER, BUDI, ANI])
    run(first, world.operator, entity="clients")
    later = tmp_path / "anak-juni.xlsx"
    workbook(later, [[*HEADER, "Status", "Keterangan"], [*BUDI, "Aktif", None], [*ANI, "Aktif", "Ayah meninggal"]])

    result = run(later, world.operator, entity="clients", dry_run=True)

    assert _left_warnings(result) == {}
