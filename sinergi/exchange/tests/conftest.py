import csv
import datetime
import io
from pathlib import Path

import pytest
import xlsxwriter
from django.conf import settings

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.exchange.columns import get_entity
from sinergi.exchange.files import inspect
from sinergi.exchange.pipeline import run_import
from sinergi.organisations.tests.factories import OrganisationFactory

HEADERS = ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "Nomor tanda daftar", "Kapasitas (orang)"]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files and reports go to a temporary folder, never the developer's var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "sinergi.core.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
    }


@pytest.fixture(autouse=True)
def _job_locks_in_tmp(settings, tmp_path_factory):
    """The lock files of running jobs (exchange/runners.py) in a folder of the test's own (not in tmp_path, which
    some tests expect to hold only their own files)."""
    settings.SINERGI_JOB_LOCK_DIR = tmp_path_factory.mktemp("jobs")


@pytest.fixture
def board_member(db):
    return user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.uji")


@pytest.fixture
def province_admin(db):
    return user_with_role(Role.PROVINCE_ADMIN, region_code="63", username="admin.uji")


@pytest.fixture
def banjarmasin_lks(db):
    return OrganisationFactory(
        name="LKSA Lama Banjarmasin",
        region_id="63.71.01.1001",
        registration_number="TD/LAMA/1",
        permit_number="IO/LAMA/1",
        capacity=30,
    )


@pytest.fixture
def operator(db, banjarmasin_lks):
    return user_with_role(Role.LKS_OPERATOR, organisation=banjarmasin_lks, username="operator.uji")


def xlsx_file(tmp_path: Path, rows: list[list], *, name: str = "data.xlsx", sheet: str = "Data LKS") -> Path:
    """An .xlsx with `rows` written as given: strings as text, numbers as numbers, dates as date cells; a value
    ("=formula", cached) tuple becomes a formula with its cached result."""
    path = tmp_path / name
    book = xlsxwriter.Workbook(path, {"strings_to_numbers": False, "strings_to_formulas": False})
    date_format = book.add_format({"num_format": "dd-mm-yyyy"})
    worksheet = book.add_worksheet(sheet)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, tuple):
                worksheet.write_formula(r, c, value[0], None, value[1])
            elif isinstance(value, datetime.date):
                worksheet.write_datetime(r, c, value, date_format)
            elif value is not None:
                worksheet.write(r, c, value)
    book.close()
    return path


def csv_file(tmp_path: Path, rows: list[list], *, name="data.csv", delimiter=",", encoding="utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path = tmp_path / name
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def run(path: Path, actor, *, dry_run: bool = False, entity: str = "lks", **kwargs):
    info = inspect(path)
    return run_import(entity=get_entity(entity), path=path, kind=info.kind, actor=actor, dry_run=dry_run, **kwargs)


def problems_of(result) -> list[tuple]:
    return [(p.row, p.column, p.value, p.message) for p in result.problems]


def media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def pdf_layouts(monkeypatch) -> list[dict]:
    """WeasyPrint replaced by a spy in the request and in the worker: the context of each layout, in order."""
    from sinergi.exchange import report_jobs
    from sinergi.exchange.views import reports as report_views

    seen: list[dict] = []

    def spy(template, context):
        seen.append(context)
        return b"%PDF-1.7 spy"

    monkeypatch.setattr(report_views, "render_pdf", spy)
    monkeypatch.setattr(report_jobs, "render_pdf", spy)
    return seen
