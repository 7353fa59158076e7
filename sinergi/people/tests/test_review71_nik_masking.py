"""The seventy-first review: a NIK or KK number typed with wider separators between its groups ("6371 - 0117 -
0814 - 0000", double spaces, slashes, or in its 6-6-4 parts "637101/170814/0001") was kept whole on an import job
whose NIK cell had a problem: on the job's page, in `import_data`'s output, in the problems kept after the purge.
Dates, periods and the other numbers a cell holds stay readable."""

import datetime
import io

import pytest
from django.core.files import File
from django.core.management import call_command
from django.core.management.base import CommandError

from sinergi.exchange.services import exchange_files_purge, import_job_create, import_job_run
from sinergi.exchange.tests.conftest import xlsx_file
from sinergi.people.tests.factories import people_world

from .test_exchange import HEADERS, SHEET, boy_row

pytestmark = pytest.mark.django_db


def refused_job(tmp_path, actor, row: list):
    path = xlsx_file(tmp_path, [HEADERS, row], name="klien.xlsx", sheet=SHEET)
    with path.open("rb") as handle:
        job = import_job_create(actor=actor, entity_key="clients", file=File(handle), original_name="klien.xlsx",
                                enqueue=False)  # fmt: skip
    import_job_run(job_id=job.pk)
    job.refresh_from_db()
    return job


# The boy's NIK is 6371011708140001: written here with its serial 0000 (refused), or with slashes (not digits alone).
@pytest.mark.parametrize(
    ("typed", "masked"),
    [
        ("6371 - 0117 - 0814 - 0000", "6371********0000"),
        ("6371  0117  0814  0000", "6371********0000"),
        ("6371/0117/0814/0001", "6371********0001"),
        ("637101/170814/0001", "6371********0001"),
        ("637101 / 170814 / 0001", "6371********0001"),
    ],
)
def test_a_problem_nik_typed_with_wide_separators_is_masked_on_the_job_its_page_and_the_command(
    tmp_path, client, typed, masked
):
    # Given a clients file whose NIK cell holds a NIK in groups that the import refuses
    world = people_world()

    # When it is imported
    job = refused_job(tmp_path, world.operator, boy_row(NIK=typed))

    # Then the job keeps the problem with the NIK masked, its value and its message alike
    assert job.status == "refused"
    assert [(column, value) for _row, column, value, _message in job.problems] == [("NIK", masked)]
    kept = str(job.problems) + job.message
    assert "0117" not in kept and "170814" not in kept
    # ... its page shows it masked
    client.force_login(world.operator)
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()
    assert masked in page and "0117" not in page and "170814" not in page
    # ... and so does `import_data`
    path = xlsx_file(tmp_path, [HEADERS, boy_row(NIK=typed)], name="lagi.xlsx", sheet=SHEET)
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_data", "clients", str(path), "--as", world.operator.username, stdout=out,
                     stderr=io.StringIO())  # fmt: skip
    assert masked in out.getvalue() and "0117" not in out.getvalue() and "170814" not in out.getvalue()


def test_after_the_purge_the_message_quoting_a_nik_typed_in_a_wrong_column_keeps_it_masked(tmp_path):
    # Given a refused job whose sex cell holds a NIK typed with spaced dashes (columns swapped), quoted by its message
    world = people_world()
    job = refused_job(tmp_path, world.operator, boy_row(**{"Jenis kelamin": "6371 - 0117 - 0814 - 0001"}))
    assert [message for _row, column, _value, message in job.problems if column == "Jenis kelamin"] == [
        "“6371********0001” tidak ada dalam daftar. Pilihan: Laki-laki, Perempuan."
    ]

    # When its files are purged
    exchange_files_purge(now=job.finished_at + datetime.timedelta(days=400))
    job.refresh_from_db()

    # Then what is kept of the problem says nothing of the middle digits
    assert job.problems and "0117" not in str(job.problems) and "0814" not in str(job.problems)


def test_a_period_in_a_cell_with_a_problem_stays_readable_on_the_job(tmp_path):
    # Given a date cell holding a period, two dates of sixteen digits together
    world = people_world()
    job = refused_job(tmp_path, world.operator, boy_row(**{"Tanggal masuk": "01/02/2023 - 05/06/2024"}))

    # Then the job keeps it as written: no NIK to mask
    assert [(column, value) for _row, column, value, _message in job.problems] == [
        ("Tanggal masuk", "01/02/2023 - 05/06/2024")
    ]
