"""A semicolon CSV whose cells hold more commas than the line has semicolons is read with its semicolons: the
separator that splits a line into the entity's header wins over the one that is merely more frequent."""

import pytest

from sinergi.exchange.tests.conftest import run
from sinergi.people.models import Worker
from sinergi.people.tests.test_exchange import world  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def test_a_semicolon_csv_with_many_commas_in_a_cell_is_read_with_its_semicolons(tmp_path, world):  # noqa: F811
    path = tmp_path / "pekerja.csv"
    path.write_text(
        "Nama lengkap;Jenis kelamin;Kategori PSKS;Peran;Sertifikasi/pelatihan\r\n"
        "Koma Satu;L;lks;Relawan;Diklat Pengasuhan, 2019, Bimtek LKS, 2020, Pelatihan P3K, 2021\r\n"
        "Koma Dua;P;lks;Pengasuh;Bimtek, 2022\r\n",
        encoding="utf-8",
    )
    result = run(path, world.operator, entity="workers")
    assert (result.status, result.created) == ("succeeded", 2), (result.message, result.problems)
    assert "File CSV dibaca sebagai UTF-8, pemisah “;”." in result.notices
    assert Worker.objects.get(full_name="Koma Satu").certifications == (
        "Diklat Pengasuhan, 2019, Bimtek LKS, 2020, Pelatihan P3K, 2021"
    )
