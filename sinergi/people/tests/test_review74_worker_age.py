"""A worker (PSKS/TKSM) younger than 13 when they began serving (today, when no start date is known) is refused, and
one of 13 to 17 is warned of, alike by the form and API (worker_create/worker_update) and by the import (seventy-fourth
review): a worker aged 12 was accepted without a word. Dates on record from before the rule are not judged again when
other fields are corrected."""

import datetime

import pytest
from django.utils import timezone

from sinergi.core.errors import ValidationError
from sinergi.core.testing import token_headers
from sinergi.exchange.tests.conftest import problems_of, run, xlsx_file
from sinergi.people import services
from sinergi.people.models import Worker

from .factories import WorkerFactory, people_world
from .test_services import errors_of, worker_data, written

pytestmark = pytest.mark.django_db

HEADER = ["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran", "Tanggal lahir", "Mulai bertugas"]


def years_ago(years: int) -> datetime.date:
    """The first of January `years` years back: its age today is exactly `years` (no 29 February to trip on)."""
    return datetime.date(timezone.localdate().year - years, 1, 1)


def young(**overrides):
    """A volunteer's data without NIK or background check, so that only the dates speak."""
    data = worker_data(nik="", role="relawan", works_with_children=False, background_check_on=None,
                       background_check_result="")  # fmt: skip
    data.update(overrides)
    return data


@pytest.fixture
def world():
    return people_world()


def test_a_worker_aged_twelve_is_refused_and_nothing_is_written(world):
    before = written()
    with pytest.raises(ValidationError) as refused:
        services.worker_create(
            actor=world.operator, organisation=world.lks, data=young(birth_date=years_ago(12), started_on=None)
        )
    assert errors_of(refused)["birth_date"] == [
        "Usia 12 tahun: pekerja paling muda berusia 13 tahun. Periksa tanggal lahirnya."
    ]
    assert written() == before


def test_the_age_is_taken_when_the_worker_began_serving(world):
    data = young(birth_date=datetime.date(2010, 3, 1), started_on=datetime.date(2021, 6, 1))
    with pytest.raises(ValidationError) as refused:
        services.worker_create(actor=world.operator, organisation=world.lks, data=data)
    assert errors_of(refused)["birth_date"] == [
        "Usia 11 tahun saat mulai bertugas (01-06-2021): pekerja paling muda berusia 13 tahun. Periksa tanggal lahir "
        "dan tanggal mulai bertugas."
    ]


def test_a_worker_aged_sixteen_is_registered_with_a_warning_and_an_adult_without(world):
    child = services.worker_create(
        actor=world.operator, organisation=world.lks, data=young(birth_date=years_ago(16), started_on=None)
    )
    adult = services.worker_create(
        actor=world.operator,
        organisation=world.lks,
        data=young(full_name="Rina Dewasa", birth_date=years_ago(18), started_on=None),
    )
    assert child.warnings == [
        "Usia 16 tahun, masih anak: anak hanya boleh bekerja dengan syarat UU Ketenagakerjaan (pekerjaan ringan, izin "
        "orang tua). Pastikan tanggal lahirnya benar."
    ]
    assert adult.warnings == []
    assert Worker.objects.count() == 2


def test_a_worker_on_record_from_before_the_rule_may_still_be_corrected(world):
    worker = WorkerFactory(organisation=world.lks, birth_date=years_ago(12), started_on=None)
    # A form sends every field back
    data = {"full_name": worker.full_name, "birth_date": worker.birth_date, "started_on": None,
            "certifications": "Pelatihan 2025"}  # fmt: skip

    outcome = services.worker_update(actor=world.operator, worker=worker, data=data, expected_version=worker.version)

    assert outcome.obj.certifications == "Pelatihan 2025"
    with pytest.raises(ValidationError) as refused:
        services.worker_update(actor=world.operator, worker=outcome.obj, data={"birth_date": years_ago(11)},
                               expected_version=outcome.obj.version)  # fmt: skip
    assert "Usia 11 tahun" in errors_of(refused)["birth_date"][0]


def test_the_api_refuses_a_worker_aged_twelve(client, world):
    body = {"organisation": world.lks.pk, "full_name": "Rina Kecil", "sex": "P", "psks_category": "lks",
            "role": "relawan", "birth_date": years_ago(12).isoformat()}  # fmt: skip
    response = client.post(
        "/api/v1/workers/", body, headers=token_headers(world.operator), content_type="application/json"
    )
    assert response.status_code == 400
    assert "pekerja paling muda berusia 13 tahun" in response.content.decode()
    assert Worker.objects.count() == 0


def test_the_import_refuses_a_worker_aged_twelve_and_warns_of_one_aged_sixteen(tmp_path, world):
    rows = [
        HEADER,
        ["Rina Kecil", "P", "lks", "Relawan", years_ago(12), ""],
        ["Sari Remaja", "P", "lks", "Relawan", datetime.date(2010, 3, 1), datetime.date(2025, 6, 1)],
    ]
    refused = run(xlsx_file(tmp_path, rows, name="pekerja.xlsx"), world.operator, entity="workers")
    assert refused.status == "refused"
    assert [(p.row, p.column, p.message) for p in refused.problems] == [
        (2, "Tanggal lahir", "Usia 12 tahun: pekerja paling muda berusia 13 tahun. Periksa tanggal lahirnya.")
    ]
    assert Worker.objects.count() == 0

    checked = run(xlsx_file(tmp_path, [HEADER, rows[2]], name="remaja.xlsx"), world.operator, entity="workers")
    assert (checked.status, checked.created) == ("succeeded", 1), problems_of(checked)
    assert [(w.row, w.column, w.message) for w in checked.warnings] == [
        (
            2,
            "Tanggal lahir",
            "Usia 15 tahun saat mulai bertugas (01-06-2025), masih anak: anak hanya boleh bekerja dengan syarat UU "
            "Ketenagakerjaan (pekerjaan ringan, izin orang tua). Pastikan tanggal lahir dan tanggal mulai bertugas "
            "benar.",
        )
    ]


def test_the_import_does_not_judge_again_the_dates_of_a_worker_on_record(tmp_path, world):
    worker = WorkerFactory(organisation=world.lks, full_name="Rina Kecil", birth_date=years_ago(12), started_on=None)
    rows = [["ID", *HEADER, "Sertifikasi/pelatihan"],
            [worker.pk, "Rina Kecil", "P", "lks", "Pengasuh", worker.birth_date, "", "Pelatihan 2025"]]  # fmt: skip

    result = run(xlsx_file(tmp_path, rows, name="pekerja.xlsx"), world.operator, entity="workers")

    assert (result.status, result.updated) == ("succeeded", 1), problems_of(result)
    worker.refresh_from_db()
    assert worker.certifications == "Pelatihan 2025"
