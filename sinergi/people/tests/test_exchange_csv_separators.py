"""The CSV exports (clients made by the database: PostgreSQL's COPY, SQLite's own lines; clients, workers and LKS
row by row in Python) read with the other separator, as Excel in another locale splits a double-clicked file
(fifty-seventh review, M2; see sinergi/core/tests/test_csv_other_separator.py). Run on SQLite and PostgreSQL."""

import csv
import io
import re

import pytest

from sinergi.core.downloads import csv_lines
from sinergi.core.tests.test_csv_other_separator import OTHER, formula_cells
from sinergi.exchange.columns import get_entity
from sinergi.exchange.exports import csv_chunks
from sinergi.vocabularies.models import Term

from .factories import PersonFactory, PlacementFactory, WorkerFactory, people_world

pytestmark = pytest.mark.django_db


def _exports(world, key: str, delimiter: str) -> tuple[bytes, bytes]:
    """The list's CSV as the download makes it (the database's path where there is one), and row by row."""
    entity = get_entity(key)
    queryset = entity.export_queryset(actor=world.province_admin, purpose="reporting")
    made = b"".join(
        csv_chunks(entity=entity, queryset=queryset, actor=world.province_admin, purpose="reporting",
                   delimiter=delimiter)
    )  # fmt: skip
    headers = [str(c.header) for c in entity.export_columns()]
    queryset = entity.export_queryset(actor=world.province_admin, purpose="reporting")
    portable = b"".join(csv_lines(headers, entity.export_rows(queryset.iterator(chunk_size=2000)), delimiter=delimiter))
    return made, portable


def _cells(data: bytes, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_the_client_csv_gives_no_formula_cell_in_either_reading_on_every_path(delimiter):
    # given an LKS operator's clients whose texts hold a formula after either separator, and several categories
    world = people_world()
    person = PersonFactory(
        organisation=world.lks, full_name="Budi Contoh;=2+3*7;", birth_place="Banjarmasin;=2+3*7;",
        mother_name="Ibu Contoh,=2+3*7,", father_name="Ayah Contoh;@SUM(1);-2+3", guardian_name='Wali;"=1+1";',
        guardian_phone="0811,+62 811", guardian_relation="paman;=cmd|'/C calc'!A0",
    )  # fmt: skip
    person.ppks_categories.add(*Term.objects.filter(code__in=["anak_jalanan", "anak_telantar"]))
    PlacementFactory(person=person, organisation=world.lks)
    # when the province admin exports them
    made, portable = _exports(world, "clients", delimiter)
    # then the database's file is Python's, byte for byte
    assert made == portable
    # and no cell starts a formula whichever separator Excel splits on
    assert formula_cells(made, OTHER[delimiter]) == []
    assert formula_cells(made, delimiter) == []
    header, row = _cells(made, delimiter)
    assert len(row) == len(header)
    # the file's own reading keeps each text whole (an apostrophe after the other separator before a trigger) and
    # the categories in one cell, quoted ("; " would shift the row in Excel set to Indonesian)
    assert "Anak Telantar; Anak Jalanan" in row
    if delimiter == ",":
        assert "Banjarmasin;'=2+3*7;" in row and "Ibu Contoh,=2+3*7," in row
        assert b'"Anak Telantar; Anak Jalanan"' in made
    else:
        assert "Banjarmasin;=2+3*7;" in row and "Ibu Contoh,'=2+3*7," in row
        assert "0811,'+62 811" in row


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_the_worker_and_lks_csv_give_no_formula_cell_in_either_reading(delimiter):
    # given a worker and an LKS written with formulas after either separator
    world = people_world()
    WorkerFactory(
        organisation=world.lks, full_name="Pengasuh Contoh;=2+3*7;", job_title="Pengasuh,-2+3,", phone="0811;+62 811"
    )
    world.lks.address = "Jl. Contoh Uji 1;=2+3*7;"
    world.lks.head_name = "Kepala Uji,@SUM(1),"
    world.lks.save()
    for key in ("workers", "lks"):
        # when each list is exported
        made, portable = _exports(world, key, delimiter)
        assert made == portable
        # then
        assert formula_cells(made, OTHER[delimiter]) == [], key
        assert formula_cells(made, delimiter) == [], key
        rows = _cells(made, delimiter)
        assert {len(row) for row in rows} == {len(rows[0])}, key
    assert b"Jl. Contoh Uji 1;" in made


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_a_tab_or_a_line_break_before_a_formula_is_escaped_on_every_path(delimiter):
    # given texts with a formula after a tab or a line break (LibreOffice Calc splits on a tab, and begins a row at a
    # line break when the file is opened with the other separator; sixtieth review)
    world = people_world()
    person = PersonFactory(
        organisation=world.lks, full_name="Budi Contoh", birth_place="Banjarmasin\t=1+1",
        mother_name='Ibu\r\n=HYPERLINK("http://x","y")', guardian_name="Wali\n@SUM(1)",
        guardian_relation="paman\t\t-2+3",
    )  # fmt: skip
    PlacementFactory(person=person, organisation=world.lks)
    WorkerFactory(organisation=world.lks, full_name="Pengasuh Contoh", job_title="Pengasuh\t+1+1")
    world.lks.address = "Jl. Contoh\r=2+3*7"
    world.lks.save()
    for key in ("clients", "workers", "lks"):
        # when each list is exported
        made, portable = _exports(world, key, delimiter)
        # then the database's file is Python's, byte for byte
        assert made == portable, key
        # and no reading that splits on a tab, or on the other separator with a line break ending the row, gives a
        # formula cell
        for separators in ("\t" + delimiter, OTHER[delimiter]):
            cells = re.split(f"[\r\n{re.escape(separators)}]", made.decode("utf-8-sig"))
            assert [c for c in cells if c.lstrip('"').startswith(("=", "+", "@")) or c.startswith("-2")] == [], key
        rows = _cells(made, delimiter)
        assert {len(row) for row in rows} == {len(rows[0])}, key
