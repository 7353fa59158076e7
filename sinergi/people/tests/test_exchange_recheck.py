"""Workers registered at an LKS by someone else between an import's check and its write (the LKS are locked only
for the write) are looked for again once locked: the same person is never registered twice."""

import pytest

from sinergi.exchange.tests.conftest import run, xlsx_file
from sinergi.people.exchange.workers import WorkersEntity
from sinergi.people.models import Worker
from sinergi.people.tests.factories import WorkerFactory, people_world
from sinergi.people.tests.test_concurrency_stress_imports import WORKER_HEADERS, worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = people_world()
    world.lks.registration_number = "TD/HARAPAN/1"
    world.lks.save()
    return world


def import_while_someone_registers(tmp_path, world, monkeypatch, **registered):
    """Imports one worker's row; just before it is written, someone else registers `registered` at that LKS."""
    original = WorkersEntity.save

    def save(self, plans, ctx):
        WorkerFactory(organisation=world.lks, **registered)
        return original(self, plans, ctx)

    monkeypatch.setattr(WorkersEntity, "save", save)
    return run(xlsx_file(tmp_path, [WORKER_HEADERS, worker(1, "TD/HARAPAN/1")]), world.province_admin, entity="workers")


def row_values(tmp_path):
    """The name, birth date and NIK of the imported row."""
    full_name, _sex, birth_date, nik = worker(1, "TD/HARAPAN/1")[:4]
    return full_name, birth_date, nik


def test_the_same_nik_registered_meanwhile_refuses_the_file(tmp_path, world, monkeypatch):
    full_name, birth_date, nik = row_values(tmp_path)
    result = import_while_someone_registers(tmp_path, world, monkeypatch, full_name="Nama Lain", nik=nik)
    assert result.status == "refused" and "didaftarkan di LKS yang sama oleh orang lain" in result.message
    # (the other registration, made inside this test's import transaction, is rolled back with it)
    assert not Worker.objects.filter(full_name=full_name).exists()


def test_the_same_name_and_birth_date_without_a_nik_registered_meanwhile_refuses_the_file(tmp_path, world, monkeypatch):
    full_name, birth_date, _nik = row_values(tmp_path)
    result = import_while_someone_registers(
        tmp_path, world, monkeypatch, full_name=full_name, birth_date=birth_date, nik_hash="", nik_encrypted="",
        nik_masked="",
    )  # fmt: skip
    assert result.status == "refused"


def test_a_namesake_with_another_nik_registered_meanwhile_is_another_person(tmp_path, world, monkeypatch):
    full_name, birth_date, _nik = row_values(tmp_path)
    result = import_while_someone_registers(tmp_path, world, monkeypatch, full_name=full_name, birth_date=birth_date)
    assert result.status == "succeeded", result.message
    assert Worker.objects.filter(organisation=world.lks, full_name=full_name).count() == 2
