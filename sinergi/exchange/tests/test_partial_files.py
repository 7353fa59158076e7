"""A correction file keyed by the export's ID may carry only the columns it corrects ("ID, Nama lengkap, LKS,
Telepon"): its rows keep the stored values of the columns it lacks, as they keep those of empty cells. A row without
an ID in such a file is a new record, refused for each required column the file lacks. A file refused as a whole
says how many data rows it has, not "0"."""

import pytest

from sinergi.organisations.models import Organisation
from sinergi.people.models import Worker
from sinergi.people.tests.factories import WorkerFactory, people_world

from .conftest import csv_file, problems_of, run

pytestmark = pytest.mark.django_db


def absent(column: str) -> str:
    return (
        f"{column} wajib diisi untuk data baru, tetapi file ini tidak memiliki kolom “{column}”. Tambahkan kolom "
        "itu, atau isi ID bila baris ini memperbaiki data yang sudah ada."
    )


def test_a_workers_phone_correction_keyed_by_id_imports_without_the_other_required_columns(tmp_path):
    world = people_world()
    worker = WorkerFactory(organisation=world.lks, full_name="Rizky Saputra Contoh", phone="0812-0000-0001")
    path = csv_file(
        tmp_path, [["ID", "Nama lengkap", "Telepon"], [worker.pk, "Rizky Saputra Contoh", "0812-7777-0011"]]
    )

    result = run(path, world.operator, entity="workers")

    assert (result.status, result.updated) == ("succeeded", 1), problems_of(result)
    assert result.preview["update"][0]["changes"] == {"Telepon": ["0812-0000-0001", "0812-7777-0011"]}
    stored = Worker.objects.get(pk=worker.pk)
    assert (stored.sex, stored.role, stored.psks_category_id) == (worker.sex, worker.role, worker.psks_category_id)


def test_a_row_without_id_in_a_file_keyed_by_id_is_refused_for_each_absent_required_column(tmp_path):
    world = people_world()
    worker = WorkerFactory(organisation=world.lks, full_name="Rizky Saputra Contoh")
    path = csv_file(
        tmp_path,
        [
            ["ID", "Nama lengkap", "Telepon"],
            [worker.pk, "Rizky Saputra Contoh", "0812-7777-0011"],
            ["", "Budi Baru", "0812-1111-2222"],
        ],
    )

    result = run(path, world.operator, entity="workers")

    assert problems_of(result) == [
        (3, "Jenis kelamin", "", absent("Jenis kelamin")),
        (3, "Kategori PSKS", "", absent("Kategori PSKS")),
        (3, "Peran", "", absent("Peran")),
    ]
    assert result.refused_rows == 1


def test_an_lks_name_correction_keyed_by_id_needs_no_region_or_service_kind_column(tmp_path, board_member,
                                                                                  banjarmasin_lks):  # fmt: skip
    path = csv_file(
        tmp_path,
        [["ID", "Nama LKS"], [banjarmasin_lks.pk, "LKSA Baru Banjarmasin"], ["", "LKSA Tanpa Wilayah"]],
    )

    result = run(path, board_member)

    assert problems_of(result) == [
        (3, "Jenis layanan utama", "", absent("Jenis layanan utama")),
        (
            3,
            "Kode wilayah",
            "",
            "Wilayah wajib diisi (sebaiknya sampai desa/kelurahan). Baris ini memerlukan kolom “Kode wilayah”, yang "
            "tidak ada di file ini.",
        ),
    ]

    fixed = run(csv_file(tmp_path, [["ID", "Nama LKS"], [banjarmasin_lks.pk, "LKSA Baru Banjarmasin"]], name="b.csv"),
                board_member)  # fmt: skip

    assert (fixed.status, fixed.updated) == ("succeeded", 1)
    assert Organisation.objects.get().name == "LKSA Baru Banjarmasin"


def test_a_file_without_id_still_needs_the_required_columns_and_its_summary_counts_its_rows(tmp_path):
    world = people_world()
    path = csv_file(
        tmp_path,
        [["Nama lengkap", "Telepon"], ["Rizky", "0812-7777-0011"], ["", ""], ["Budi", "0812-1111-2222"]],
    )

    result = run(path, world.operator, entity="workers")

    assert result.status == "refused"
    assert result.message == (
        "Kolom wajib tidak ada: “Jenis kelamin”, “Kategori PSKS”, “Peran”. Tambahkan kolom itu (lihat templat impor)."
    )
    assert result.rows_total == 2  # the blank line is no row
