"""Findings of a review of exports sent back unchanged (a twelfth review): what a user may type on a form, exported and
imported again, must come back the same, and the export must say each stored value once. Every name is made up."""

import csv
import datetime
import io

import pytest

from sinergi.core.downloads import table_write
from sinergi.exchange.columns import get_entity
from sinergi.exchange.exports import csv_chunks
from sinergi.exchange.tests.conftest import problems_of, run
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.people.models import Person, Placement, Worker
from sinergi.people.services.workers import worker_create
from sinergi.vocabularies.models import Term, Vocabulary

from .factories import PersonFactory, PlacementFactory, WorkerFactory, people_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return people_world()


def exported(tmp_path, key: str, actor, file_format: str):
    """The entity's export as the page's download writes it: the CSV as streamed (PostgreSQL's COPY where it is
    used), the XLSX through the file writer."""
    entity = get_entity(key)
    queryset = entity.export_queryset(actor=actor, purpose="service") if entity.asks_access_purpose else (
        entity.export_queryset(actor=actor))  # fmt: skip
    path = tmp_path / f"ekspor-{key}.{file_format}"
    with path.open("wb") as handle:
        if file_format == "csv":
            purpose = "service" if entity.asks_access_purpose else ""
            for chunk in csv_chunks(entity=entity, queryset=queryset, actor=actor, purpose=purpose):
                handle.write(chunk)
        else:
            headers = [str(column.header) for column in entity.export_columns()]
            rows = entity.export_rows(queryset.iterator(chunk_size=2000))
            table_write(handle=handle, headers=headers, rows=rows, file_format="xlsx", sheet_title=entity.sheet_name)
    return path


def stored():
    return (
        list(Person.objects.order_by("pk").values()),
        list(Placement.objects.order_by("pk").values()),
        list(Worker.objects.order_by("pk").values()),
        list(Organisation.objects.order_by("pk").values()),
    )


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_names_starting_with_an_apostrophe_leave_and_come_back_the_same(tmp_path, world, file_format):
    # The import drops one leading apostrophe (Excel's mark for text): the export now doubles one that is data.
    person = PersonFactory(organisation=world.lks, full_name="'Aisyah Putri", mother_name="'Ibu Petik", nik="")
    PlacementFactory(person=person, organisation=world.lks)
    # (and a text the import would take for a formula never computed, had it no apostrophe)
    WorkerFactory(organisation=world.lks, full_name="'Ainun Contoh", certifications="=SUM(A1)")
    before = stored()

    for key in ("clients", "workers"):
        result = run(exported(tmp_path, key, world.operator, file_format), world.operator, entity=key)
        assert (result.status, result.updated, result.unchanged) == ("succeeded", 0, 1), problems_of(result)
    assert stored() == before


def test_a_readmitted_clients_categories_are_listed_once_in_the_csv(tmp_path, world):
    person = PersonFactory(organisation=world.lks, nik="")
    person.ppks_categories.set(
        Term.objects.filter(vocabulary=Vocabulary.PPKS, code__in=["anak_jalanan", "anak_telantar"])
    )
    PlacementFactory(person=person, organisation=world.lks, admitted_on=datetime.date(2023, 1, 5), status="discharged",
                     discharged_on=datetime.date(2023, 6, 1), discharge_reason="reunified")  # fmt: skip
    PlacementFactory(person=person, organisation=world.lks, admitted_on=datetime.date(2024, 2, 1))

    text = exported(tmp_path, "clients", world.operator, "csv").read_text(encoding="utf-8-sig")

    cells = [line.count("Anak Jalanan") for line in text.splitlines()[1:]]
    assert cells == [1, 1]


def test_a_name_typed_with_two_spaces_is_stored_as_an_import_reads_it_and_comes_back_unchanged(tmp_path, world):
    psks = Term.objects.get(vocabulary=Vocabulary.PSKS, code="lks")
    worker = worker_create(actor=world.operator, organisation=world.lks, data={
        "full_name": " Eko  Dua\tSpasi ", "sex": "L", "psks_category": psks, "role": "pengasuh",
        "certifications": "Pelatihan A\nPelatihan B"}).obj  # fmt: skip
    assert (worker.full_name, worker.certifications) == ("Eko Dua Spasi", "Pelatihan A\nPelatihan B")
    before = stored()

    result = run(exported(tmp_path, "workers", world.operator, "xlsx"), world.operator, entity="workers")

    assert (result.status, result.unchanged) == ("succeeded", 1), problems_of(result)
    assert stored() == before


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_lks_address_on_two_lines_comes_back_on_two_lines(tmp_path, world, file_format):
    OrganisationFactory(name="LKSA Dua Baris", region=world.lks.region, address="Jl. A. Yani Km 2,5 No. 5\nRT 01/RW 02")
    before = stored()

    result = run(exported(tmp_path, "lks", world.province_admin, file_format), world.province_admin, entity="lks")

    assert (result.status, result.updated) == ("succeeded", 0), problems_of(result)
    assert stored() == before


@pytest.mark.parametrize("name", ["ANDRÉ SANTOSO", "Ñoman Kusuma"])
def test_a_workers_export_saved_by_excel_on_windows_as_csv_comes_back_unchanged(tmp_path, world, name):
    # Excel on Windows saves "CSV (Comma delimited)" as Windows-1252 with CRLF line ends; its É and Ñ once read as
    # Mac Roman's "…" and "—", and the names were changed on import (the fortieth review).
    WorkerFactory(organisation=world.lks, full_name=name)
    before = list(Worker.objects.values())
    rows = list(csv.reader(io.StringIO(exported(tmp_path, "workers", world.operator, "csv").read_text("utf-8-sig"))))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path = tmp_path / "pekerja-windows.csv"
    path.write_bytes(buffer.getvalue().encode("cp1252"))
    result = run(path, world.operator, entity="workers")
    assert "File CSV dibaca sebagai Windows-1252, pemisah “,”." in result.notices
    assert (result.status, result.updated, result.unchanged) == ("succeeded", 0, 1), problems_of(result)
    assert list(Worker.objects.values()) == before
