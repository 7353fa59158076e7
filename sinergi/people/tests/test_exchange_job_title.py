"""A worker's job as the LKS calls it ("Juru masak", "Kepala asrama"), kept beside the role the board counts by; a staff
list with "Jabatan" and no "Peran" takes each role from the title. Every name here is made up."""

import pytest

from sinergi.exchange.columns import get_entity
from sinergi.exchange.tests.conftest import problems_of, run, xlsx_file
from sinergi.people.models import Worker

from .factories import WorkerFactory, people_world

pytestmark = pytest.mark.django_db

STAFF = ["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Jabatan"]


@pytest.fixture
def world():
    return people_world()


def staff_list(tmp_path, rows, headers=STAFF, name="staf.xlsx"):
    return xlsx_file(tmp_path, [headers, *rows], name=name, sheet="Data pekerja")


def test_a_staff_list_without_roles_takes_them_from_the_job_titles_and_keeps_the_titles(tmp_path, world):
    rows = [
        ["Rina Contoh", "P", "lks", "Pengasuh"],
        ["Tono Contoh", "L", "lks", "Kepala Panti"],
        ["Sari Contoh", "P", "lks", "Juru Masak"],
        ["Dewi Contoh", "P", "lks", "Juru Masak"],
    ]

    result = run(staff_list(tmp_path, rows), world.operator, entity="workers")

    assert (result.status, result.created) == ("succeeded", 4), problems_of(result) or result.message
    assert sorted(Worker.objects.values_list("full_name", "role", "job_title")) == [
        ("Dewi Contoh", "lainnya", "Juru Masak"),
        ("Rina Contoh", "pengasuh", "Pengasuh"),
        ("Sari Contoh", "lainnya", "Juru Masak"),
        ("Tono Contoh", "pengurus", "Kepala Panti"),
    ]
    assert (
        "File ini tidak punya kolom “Peran”, jadi peran dibaca dari “Jabatan”. Jabatan yang tidak ada dalam daftar "
        "peran dicatat dengan peran “Lainnya”, dan jabatannya disimpan apa adanya: “Juru Masak” ×2. Tambahkan kolom "
        "“Peran” bila salah satunya punya peran lain dalam daftar."
    ) in result.notices
    assert any("“Kepala Panti” → “Pengurus”" in notice for notice in result.notices)


def test_with_a_role_column_the_title_is_only_kept_and_a_role_outside_the_list_is_still_refused(tmp_path, world):
    headers = [*STAFF, "Peran"]
    rows = [["Rina Contoh", "P", "lks", "Kepala asrama putri", "Pengasuh"], ["Sari Contoh", "P", "lks", "", "Koki"]]

    result = run(staff_list(tmp_path, rows, headers), world.operator, entity="workers")

    assert result.status == "refused"
    assert [(p.row, p.column) for p in result.problems] == [(3, "Peran")]
    result = run(staff_list(tmp_path, rows[:1], headers, name="b.xlsx"), world.operator, entity="workers")
    assert result.status == "succeeded", problems_of(result)
    assert Worker.objects.values_list("role", "job_title").get() == ("pengasuh", "Kepala asrama putri")


def test_a_stored_workers_role_is_not_overwritten_by_a_title_the_list_does_not_name(tmp_path, world):
    WorkerFactory(organisation=world.lks, full_name="Rina Contoh", sex="P", birth_date=None, nik="", role="peksos")

    result = run(staff_list(tmp_path, [["Rina Contoh", "P", "lks", "Kepala Seksi"]]), world.operator,
                 entity="workers", dry_run=True)  # fmt: skip

    assert (result.status, result.updated) == ("checked", 1), problems_of(result) or result.message
    assert [item["changes"] for item in result.preview["update"]] == [{"Jabatan": ["", "Kepala Seksi"]}]


def test_the_export_has_the_job_title_and_a_file_sent_back_changes_nothing(tmp_path, world):
    WorkerFactory(organisation=world.lks, full_name="Rina Contoh", job_title="Juru masak", role="lainnya")
    entity = get_entity("workers")
    headers = [str(column.header) for column in entity.export_columns()]
    rows = list(entity.export_rows(entity.export_queryset(actor=world.operator, purpose="supervision").iterator()))
    assert rows[0][headers.index("Jabatan")] == "Juru masak"

    result = run(xlsx_file(tmp_path, [headers, *rows], name="ekspor.xlsx", sheet="Data pekerja"), world.operator,
                 entity="workers")  # fmt: skip

    assert (result.status, result.unchanged, result.updated) == ("succeeded", 1, 0), problems_of(result)


def test_the_short_words_staff_write_for_a_role_and_a_background_check_are_read(tmp_path, world):
    headers = ["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran", "Mulai bertugas",
               "Tanggal pemeriksaan latar belakang", "Hasil pemeriksaan latar belakang"]  # fmt: skip
    rows = [
        ["Rina Contoh", "P", "lks", "Pekerja sosial", "06-01-2020", "10-01-2020", "Tidak ada catatan"],
        ["Budi Contoh", "L", "lks", "Pengasuh", "06-01-2020", "10-01-2020", "Diproses"],
    ]

    result = run(xlsx_file(tmp_path, [headers, *rows]), world.operator, entity="workers")

    assert (result.status, result.created) == ("succeeded", 2), problems_of(result)
    stored = dict(Worker.objects.values_list("full_name", "role"))
    assert stored == {"Rina Contoh": "peksos", "Budi Contoh": "pengasuh"}
    assert set(Worker.objects.values_list("background_check_result", flat=True)) == {"clear", "pending"}


def test_a_list_that_only_ends_stints_without_the_required_columns_is_told_the_export_with_ids_needs_none(
    tmp_path, world
):
    headers = ["Nama lengkap", "Tanggal lahir", "Berhenti bertugas"]

    result = run(xlsx_file(tmp_path, [headers, ["Rina Contoh", "17-05-1985", "01-06-2026"]]), world.operator,
                 entity="workers")  # fmt: skip

    assert result.status == "refused" and result.message.startswith("Kolom wajib tidak ada")
    assert (
        "Untuk hanya membetulkan data yang sudah tercatat, pakai file ekspornya: dengan kolom ID, kolom lain boleh "
        "tidak ada."
    ) in result.notices
