"""The seventy-seventh review's critical read of the seventy-sixth: a children's home's note that a child's parents
died is no note that the child left (no warning asking for a discharge date); "Alm." alone is one."""

import pytest

from sinergi.exchange.tests.conftest import run
from sinergi.exchange.tests.test_review76_messy_sheets import ANI, BUDI, HEADER, workbook
from sinergi.people.tests.test_exchange import world  # noqa: F401 (a fixture)

LEFT_WARNING = "tetapi “Tanggal keluar” kosong"


def _left_warnings(result) -> dict[int, str]:
    return {w.row: w.value for w in result.warnings if LEFT_WARNING in w.message}


@pytest.mark.django_db
def test_an_orphans_note_that_their_parents_died_raises_no_warning_that_the_child_left(tmp_path, world):  # noqa: F811
    # Said of most children in an orphanage's list: the child is still served, the parents are the dead.
    path = tmp_path / "anak.xlsx"
    notes = ["Yatim piatu, kedua orang tua meninggal dunia", "Ayahnya wafat 2020, ikut ibu"]
    workbook(path, [[*HEADER, "Keterangan"], [*BUDI, notes[0]], [*ANI, notes[1]]])

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert (result.status, result.created, result.problems) == ("checked", 2, [])
    assert _left_warnings(result) == {}


@pytest.mark.django_db
def test_a_note_saying_the_child_left_or_died_is_still_warned_of(tmp_path, world):  # noqa: F811
    # "Alm." alone is the child's; a relative named in an earlier clause does not cover a later one.
    path = tmp_path / "anak.xlsx"
    notes = ["Alm.", "Ayah alm. Keluar Juni 2025, dikembalikan ke ibu"]
    workbook(path, [[*HEADER, "Keterangan"], [*BUDI, notes[0]], [*ANI, notes[1]]])

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert _left_warnings(result) == {2: "Alm.", 3: notes[1]}
    assert "menyebut “Alm.”" in next(w.message for w in result.warnings if w.row == 2 and LEFT_WARNING in w.message)
    assert "menyebut “Keluar”" in next(w.message for w in result.warnings if w.row == 3 and LEFT_WARNING in w.message)
