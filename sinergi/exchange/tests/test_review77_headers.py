"""Headers of the lists clerks keep by hand (seventy-seventh review): two tables side by side on one sheet, an
office's own "Status" column saying that a child has left, an address group over its street column, a numbering
row with a gap, and the notices that name what is missing or ignored."""

import pytest

from sinergi.exchange.tests.conftest import run
from sinergi.exchange.tests.test_review76_messy_sheets import ANI, BUDI, HEADER, workbook
from sinergi.people.models import Person
from sinergi.people.tests.test_exchange import world  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

# ---------------------------------------------------------------------------------------------- two tables


def test_two_tables_side_by_side_are_named_so_not_a_column_to_delete(tmp_path, world):  # noqa: F811
    # Putra in A–I, an empty column J, Putri in K–S, each table with its own header: "delete one of the columns"
    # would have the clerk delete the girls' table.
    path = tmp_path / "anak.xlsx"
    workbook(path, [["PUTRA", *[None] * 9, "PUTRI"], [*HEADER, None, *HEADER], [*BUDI, None, *ANI]])

    result = run(path, world.operator, entity="clients")

    assert result.status == "refused"
    assert result.message == (
        "Lembar ini berisi dua tabel berdampingan (kolom A–I dan K–S) dengan judul kolom yang sama. Pindahkan baris "
        "tabel kedua ke bawah baris tabel pertama (dengan satu baris judul saja), lalu unggah lagi."
    )
    assert not Person.objects.exists()


def test_one_title_written_twice_is_still_one_column_too_many(tmp_path, world):  # noqa: F811
    # A guard (passes either way): one repeated title, not a table, keeps the advice to delete one of them.
    path = tmp_path / "anak.xlsx"
    workbook(path, [[*HEADER, "Nama Lengkap"], [*BUDI, "Budi"]])

    result = run(path, world.operator, entity="clients")

    assert result.message == "Kolom “Nama Lengkap” ada dua kali (kolom B dan J). Hapus salah satunya."
