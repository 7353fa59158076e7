"""A new caregiver of a children's home whose "Bekerja dengan anak" cell is left empty is registered as not working
with children, so no background check is asked for: said on the row (seventy-second review). A cell written "Tidak",
a role that is not a caregiver, or an elderly home's caregiver gets no such warning."""

import pytest

from sinergi.exchange.tests.conftest import problems_of, run, xlsx_file
from sinergi.people.models import Worker

from .factories import people_world

pytestmark = pytest.mark.django_db

HEADER = ["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran", "Bekerja dengan anak"]
WARNING = (
    "“Bekerja dengan anak” kosong, jadi pengasuh ini dicatat tidak bekerja dengan anak dan pemeriksaan latar "
    "belakangnya tidak diminta. Bila ia bekerja dengan anak, isi “Ya”."
)


def test_a_caregiver_left_blank_under_works_with_children_is_warned_of_on_its_row(tmp_path):
    world = people_world()
    rows = [
        HEADER,
        ["Rina Contoh", "P", "lks", "Pengasuh", ""],
        ["Sari Contoh", "P", "lks", "Pengasuh", "Tidak"],
        ["Budi Contoh", "L", "lks", "Relawan", ""],
    ]

    result = run(xlsx_file(tmp_path, rows, name="pekerja.xlsx"), world.operator, entity="workers", dry_run=True)

    assert result.status == "checked", problems_of(result)
    assert [(w.row, w.column, w.message) for w in result.warnings if w.message == WARNING] == [
        (2, "Bekerja dengan anak", WARNING)
    ]


def test_an_elderly_homes_caregiver_left_blank_is_not_warned_of(tmp_path):
    world = people_world()
    rows = [[*HEADER, "LKS"], ["Rina Contoh", "P", "lks", "Pengasuh", "", world.elderly_home.name]]

    result = run(xlsx_file(tmp_path, rows, name="pekerja.xlsx"), world.province_admin, entity="workers")

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    assert not [w for w in result.warnings if w.message == WARNING]
    assert Worker.objects.get().works_with_children is False
