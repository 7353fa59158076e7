"""An import with warnings but no problems gets a report too: the rows as uploaded with their warnings in a
"Peringatan impor" column, and a "Peringatan" sheet; the report imports again as it is."""

import datetime
import io

import pytest
from django.core.files import File
from django.utils import translation
from python_calamine import CalamineWorkbook

from sinergi.exchange.models import ImportStatus
from sinergi.exchange.services import import_job_create, import_job_run
from sinergi.people.nik import nik_compose
from sinergi.people.tests.factories import people_world

from .conftest import run, xlsx_file

pytestmark = pytest.mark.django_db

SHEET = "Data penerima layanan"
HEADERS = [
    "Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "Alasan KK kosong", "Kategori PPKS", "Bentuk layanan",
    "Tanggal masuk", "Nama ibu kandung",
]  # fmt: skip
ADULT = datetime.date(1990, 4, 2)
NIK = nik_compose(district_code="63.71.01", birth_date=ADULT, sex="L", serial=3)
# An adult as an "anak telantar" (a warning on the birth date) without consent recorded (a warning on the row).
ROW = ["Budi Contoh", "L", ADULT, NIK, "unknown", "anak_telantar", "Dalam panti (residensial)",
       datetime.date(2024, 1, 15), "Siti Contoh"]  # fmt: skip


def test_a_dry_run_with_warnings_only_offers_a_warnings_report_that_imports_again(client, tmp_path):
    # Given an operator's dry run of a file whose one row imports with two warnings
    world = people_world()
    path = xlsx_file(tmp_path, [HEADERS, ROW], name="klien.xlsx", sheet=SHEET)
    with path.open("rb") as handle:
        job = import_job_create(
            actor=world.operator, entity_key="clients", file=File(handle), original_name="klien.xlsx", enqueue=False
        )
    import_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.problem_count, job.created_count) == (ImportStatus.CHECKED, 0, 1)

    # When the operator opens the job and downloads its report
    client.force_login(world.operator)
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()
    assert "Unduh laporan peringatan (.xlsx)" in page and "laporan kesalahan" not in page
    response = client.get(f"/exchange/imports/{job.pk}/report/")
    assert response["Content-Disposition"].startswith('attachment; filename="laporan-peringatan-klien-')
    content = b"".join(response.streaming_content)

    # Then it holds the rows as uploaded, with a warnings column (not an error column), and a sheet listing them
    book = CalamineWorkbook.from_filelike(io.BytesIO(content))
    assert book.sheet_names == [SHEET, "Peringatan", "Petunjuk", "Daftar"]
    data = book.get_sheet_by_name(SHEET).to_python()
    assert data[0] == [*HEADERS, "Peringatan impor"] and data[1][0] == "Budi Contoh"
    assert data[1][-1].startswith("Peringatan (baris ini tetap dapat diimpor): Tanggal lahir: Usia 33 tahun")
    warnings = book.get_sheet_by_name("Peringatan").to_python()
    assert warnings[0] == ["Baris", "Kolom", "Isi sel", "Peringatan"]  # named as the errors' sheet names them
    assert [(row[0], row[1], row[3]) for row in warnings[1:]] == [
        (
            2.0,
            "Tanggal lahir",
            "Usia 33 tahun saat masuk (15-01-2024) di luar batas usia kategori “Anak Telantar” (6–18 tahun).",
        ),
        (2.0, "", "Dasar pemrosesan data (persetujuan) belum dicatat; catat segera."),
    ]

    # And the report, uploaded again, is read from its data sheet with the same outcome
    report = tmp_path / "laporan.xlsx"
    report.write_bytes(content)
    again = run(report, world.operator, entity="clients", dry_run=True)
    assert (again.status, again.created, again.problems, len(again.warnings)) == ("checked", 1, [], 2)


def test_the_english_warnings_sheet_names_its_column_in_the_singular_as_the_errors_sheet_does(client, tmp_path):
    # Given the same dry run by an operator reading English
    world = people_world()
    path = xlsx_file(tmp_path, [HEADERS, ROW], name="klien.xlsx", sheet=SHEET)
    with translation.override("en"), path.open("rb") as handle:
        job = import_job_create(
            actor=world.operator, entity_key="clients", file=File(handle), original_name="klien.xlsx", enqueue=False
        )
    import_job_run(job_id=job.pk)

    # When the report is downloaded in English
    client.force_login(world.operator)
    client.cookies["django_language"] = "en"
    content = b"".join(client.get(f"/exchange/imports/{job.pk}/report/").streaming_content)

    # Then its "Warnings" sheet heads each line "Warning", as the errors' sheet heads each "Problem"
    book = CalamineWorkbook.from_filelike(io.BytesIO(content))
    assert book.get_sheet_by_name("Warnings").to_python()[0] == ["Row", "Column", "Cell content", "Warning"]


def test_a_run_without_problems_or_warnings_has_no_report(tmp_path, board_member):
    path = xlsx_file(
        tmp_path, [["Nama LKS", "Jenis layanan utama", "Kode wilayah"], ["LKSA Baru", "anak", "63.71.01.1001"]]
    )
    with path.open("rb") as handle:
        job = import_job_create(
            actor=board_member, entity_key="lks", file=File(handle), original_name="data.xlsx", enqueue=False
        )

    import_job_run(job_id=job.pk)

    job.refresh_from_db()
    assert job.status == ImportStatus.CHECKED and not job.error_report


def test_the_report_is_there_when_the_job_is_first_seen_finished(tmp_path, board_member):
    # The job page stops asking once the job is finished: the report must be stored by then, not just after.
    from django.db.models.signals import post_save

    from sinergi.exchange.models import ImportJob

    path = xlsx_file(tmp_path, [["Nama LKS", "Jenis layanan utama", "Kode wilayah"], ["LKSA Baru", "anak", "99.99"]])
    with path.open("rb") as handle:
        job = import_job_create(
            actor=board_member, entity_key="lks", file=File(handle), original_name="data.xlsx", enqueue=False
        )
    seen = []

    def record(sender, instance, **kwargs):
        seen.append((instance.status, bool(instance.error_report)))

    post_save.connect(record, sender=ImportJob)
    try:
        import_job_run(job_id=job.pk)
    finally:
        post_save.disconnect(record, sender=ImportJob)

    finished = [has_report for status, has_report in seen if status == ImportStatus.REFUSED]
    assert finished and all(finished)


def test_warnings_of_one_rule_are_one_kind_whatever_values_they_name():
    # Each age warning names the row's age and admission date: grouped by the words around them, the values that
    # differ shown as "…", those every row shares (the category's limits) kept.
    from sinergi.exchange.pipeline import Problem
    from sinergi.exchange.services import warning_groups

    def age(row: int, years: int, admitted: str, category: str = "Anak Telantar") -> Problem:
        message = f"Usia {years} tahun saat masuk ({admitted}) di luar batas usia kategori “{category}” (6–18 tahun)."
        return Problem(row, "Tanggal lahir", "", message)

    groups = warning_groups(
        [age(2, 5, "16-01-2024"), age(3, 4, "02-03-2023"), age(4, 5, "16-01-2024"), age(5, 19, "01-01-2020", "ABH")]
    )

    assert [(g["count"], g["rows"], g["message"]) for g in groups] == [
        (3, [2, 3, 4], "Usia … tahun saat masuk (…) di luar batas usia kategori “Anak Telantar” (6–18 tahun)."),
        (1, [5], "Usia 19 tahun saat masuk (01-01-2020) di luar batas usia kategori “ABH” (6–18 tahun)."),
    ]


def test_names_in_quotes_keep_their_digits_when_warnings_are_grouped():
    # "LKSA Harapan 2" and "LKSA Harapan 3" are two LKS: two kinds, not one named "LKSA Harapan …".
    from sinergi.exchange.pipeline import Problem
    from sinergi.exchange.services import warning_groups

    def same_name(row: int, name: str) -> Problem:
        return Problem(row, "Nama LKS", "", f"Sudah ada LKS bernama sama: “{name}”.")

    groups = warning_groups([same_name(2, "LKSA Harapan 2"), same_name(3, "LKSA Harapan 3")])

    assert [g["message"] for g in groups] == [
        "Sudah ada LKS bernama sama: “LKSA Harapan 2”.",
        "Sudah ada LKS bernama sama: “LKSA Harapan 3”.",
    ]
