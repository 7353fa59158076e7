"""More changed records than the page lists: the page says it shows the first ones, and the report holds them all
(a sheet "Perubahan"), as does the command line's summary."""

import io

import pytest
from django.core.files import File
from python_calamine import CalamineWorkbook

from sinergi.exchange.models import ImportStatus
from sinergi.exchange.pipeline import row_checks
from sinergi.exchange.services import import_job_create, import_job_run
from sinergi.organisations.tests.factories import OrganisationFactory

from .conftest import HEADERS, xlsx_file

pytestmark = pytest.mark.django_db


def test_changes_past_the_pages_list_are_said_and_all_in_the_report(client, tmp_path, board_member, monkeypatch):
    # Given five stored LKS, and a page that lists the first three changed records
    monkeypatch.setattr(row_checks, "PREVIEW_LIMIT", 3)
    for number in range(1, 6):
        OrganisationFactory(name=f"LKSA {number}", region_id="63.71.01.1001", registration_number=f"TD/C/{number}",
                            capacity=10)  # fmt: skip
    rows = [[f"LKSA {n}", "anak", "63.71.01.1001", f"TD/C/{n}", str(10 + n)] for n in range(1, 6)]
    path = xlsx_file(tmp_path, [HEADERS, *rows], name="lks.xlsx")

    # When a trial of a file changing the capacity of all five is run
    with path.open("rb") as handle:
        job = import_job_create(
            actor=board_member, entity_key="lks", file=File(handle), original_name="lks.xlsx", enqueue=False
        )
    import_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.updated_count, len(job.preview["update"])) == (ImportStatus.CHECKED, 5, 3)

    # Then the page says it lists three of five, and offers the list of every change
    client.force_login(board_member)
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()
    assert "Ditampilkan 3 pertama dari 5 data yang berubah." in page
    assert "Unduh daftar perubahan (.xlsx)" in page
    response = client.get(f"/exchange/imports/{job.pk}/report/")
    assert response["Content-Disposition"].startswith('attachment; filename="daftar-perubahan-lks')
    book = CalamineWorkbook.from_filelike(io.BytesIO(b"".join(response.streaming_content)))
    changes = book.get_sheet_by_name("Perubahan").to_python()
    assert changes[0] == ["Baris", "Data", "Kolom", "Sebelum", "Sesudah"]
    assert [(row[0], row[3], row[4]) for row in changes[1:]] == [(n + 1, "10", str(10 + n)) for n in range(1, 6)]


def test_a_file_of_few_changes_gets_no_report(tmp_path, board_member):
    OrganisationFactory(name="LKSA 1", region_id="63.71.01.1001", registration_number="TD/C/1", capacity=10)
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA 1", "anak", "63.71.01.1001", "TD/C/1", "11"]], name="lks.xlsx")
    with path.open("rb") as handle:
        job = import_job_create(
            actor=board_member, entity_key="lks", file=File(handle), original_name="lks.xlsx", enqueue=False
        )
    import_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.updated_count == 1 and not job.error_report
