"""A CSV separated by "|", as DTKS/SIKS-NG and database tools write them, is read when "|" splits its header; a pipe
typed inside the cells of a comma file stays text."""

import pytest

from sinergi.people.models import Worker
from sinergi.people.tests.factories import people_world

from .conftest import csv_file, problems_of, run

pytestmark = pytest.mark.django_db

HEADER = ["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran", "Sertifikasi/pelatihan"]


def test_a_pipe_separated_workers_list_is_read(tmp_path):
    world = people_world()
    path = csv_file(
        tmp_path,
        [HEADER, ["Rina Wulandari Contoh", "Perempuan", "psm", "Pengasuh", "Diklat pengasuhan, 2021"]],
        delimiter="|",
    )

    result = run(path, world.operator, entity="workers")

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    assert "pemisah “|”" in " ".join(result.notices)
    worker = Worker.objects.get(full_name="Rina Wulandari Contoh")
    assert worker.certifications == "Diklat pengasuhan, 2021"


def test_a_pipe_inside_the_cells_of_a_comma_file_stays_in_the_cell(tmp_path):
    world = people_world()
    path = csv_file(
        tmp_path,
        [
            HEADER,
            ["Rina Wulandari Contoh", "Perempuan", "psm", "Pengasuh", "Diklat | Bimtek | Pelatihan | 2021"],
            ["Budi Santoso Contoh", "Laki-laki", "psm", "Pengasuh", "Diklat | Bimtek | 2022"],
        ],
    )

    result = run(path, world.operator, entity="workers")

    assert (result.status, result.created) == ("succeeded", 2), problems_of(result)
    assert Worker.objects.get(full_name="Budi Santoso Contoh").certifications == "Diklat | Bimtek | 2022"
