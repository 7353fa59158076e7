"""A workbook with records on several sheets (one per dormitory, per kind of LKS) is refused as a whole, and then
imported sheet by sheet from the same stored file: each sheet a trial of its own, confirmed on its own, all or
nothing, the other sheets named as left for later."""

import io
from pathlib import Path

import pytest
from django.core.files import File
from django.core.management import CommandError, call_command
from python_calamine import CalamineWorkbook

from sinergi.audit.models import AuditEvent
from sinergi.exchange.models import ImportJob, ImportStatus
from sinergi.organisations.models import Organisation

from .conftest import HEADERS, run
from .test_nothing_left_out import lks_row, workbook
from .test_views import upload

pytestmark = pytest.mark.django_db


def two_sheets(tmp_path, name: str = "per-jenis.xlsx", lansia: list | None = None):
    rows = {"LKSA": [HEADERS, lks_row(1), lks_row(2)], "Lansia": [HEADERS, *(lansia or [lks_row(3)])]}
    return workbook(tmp_path / name, rows)


def lembar_names() -> list[str]:
    return sorted(Organisation.objects.filter(name__startswith="LKSA Lembar").values_list("name", flat=True))


def test_a_refusal_for_records_on_several_sheets_names_the_sheets_that_may_be_imported(tmp_path, board_member):
    result = run(two_sheets(tmp_path), board_member)

    assert result.status == "refused"
    assert result.sheets == ["LKSA", "Lansia"]  # in the workbook's order
    assert "impor lembar demi lembar dengan memilih lembarnya" in result.message


def test_a_chosen_sheet_is_imported_alone_and_the_others_are_named_as_left_for_later(tmp_path, board_member):
    result = run(two_sheets(tmp_path), board_member, sheet="Lansia")

    assert (result.status, result.created) == ("succeeded", 1), result.message
    assert lembar_names() == ["LKSA Lembar 3"]
    assert any(
        "lembar “Lansia” saja, yang Anda pilih" in notice and "Lembar “LKSA” juga berisi data" in notice
        for notice in result.notices
    ), result.notices


def test_a_chosen_sheet_that_is_not_in_the_file_is_refused(tmp_path, board_member):
    result = run(two_sheets(tmp_path), board_member, sheet="Putri")

    assert result.status == "refused"
    assert "Lembar “Putri” tidak ada di file ini" in result.message
    assert lembar_names() == []


def test_the_page_of_the_refused_file_imports_it_sheet_by_sheet(
    client, board_member, tmp_path, django_capture_on_commit_callbacks
):
    # Given a workbook refused for holding LKS on two sheets
    client.force_login(board_member)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, two_sheets(tmp_path))
    refused = ImportJob.objects.get()
    assert (refused.status, refused.sheet_choices) == (ImportStatus.REFUSED, ["LKSA", "Lansia"])
    page = client.get(f"/exchange/imports/{refused.pk}/").content.decode()
    assert 'id="job-sheets"' in page and "Periksa lembar “LKSA”" in page and "Periksa lembar “Lansia”" in page

    # When the user checks the first sheet, and imports it
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/exchange/imports/{refused.pk}/sheet/", {"sheet": "LKSA"})
    trial = ImportJob.objects.get(sheet="LKSA", dry_run=True)
    assert response["Location"] == f"/exchange/imports/{trial.pk}/"
    assert (trial.status, trial.created_count) == (ImportStatus.CHECKED, 2)
    assert "lembar “LKSA”" in client.get(f"/exchange/imports/{trial.pk}/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/exchange/imports/{trial.pk}/confirm/")
    real = ImportJob.objects.get(source=trial)

    # Then that sheet alone is saved, and the job says which sheet it read
    assert (real.status, real.sheet, real.created_count) == (ImportStatus.SUCCEEDED, "LKSA", 2)
    assert lembar_names() == ["LKSA Lembar 1", "LKSA Lembar 2"]
    event = AuditEvent.objects.get(action="exchange.import.succeeded")
    assert "sheet" not in event.data  # named after a child as often as a file is: the job keeps it, not the audit

    # And the other sheet, from the same refused page, saves the rest
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/exchange/imports/{refused.pk}/sheet/", {"sheet": "Lansia"})
    second = ImportJob.objects.get(sheet="Lansia", dry_run=True)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/exchange/imports/{second.pk}/confirm/")
    assert lembar_names() == ["LKSA Lembar 1", "LKSA Lembar 2", "LKSA Lembar 3"]


def test_a_sheet_not_offered_is_not_read(client, board_member, tmp_path, django_capture_on_commit_callbacks):
    client.force_login(board_member)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, two_sheets(tmp_path))
    refused = ImportJob.objects.get()

    response = client.post(f"/exchange/imports/{refused.pk}/sheet/", {"sheet": "Rahasia"}, follow=True)

    assert "Lembar ini tidak dapat dipilih untuk impor ini." in response.content.decode()
    assert ImportJob.objects.count() == 1


def test_a_second_tap_on_a_sheet_gives_the_trial_already_waiting(client, board_member, tmp_path, monkeypatch):
    from sinergi.exchange import services
    from sinergi.exchange.services import uploads

    monkeypatch.setattr(uploads, "_enqueue", lambda job: None)
    client.force_login(board_member)
    path = two_sheets(tmp_path)
    with path.open("rb") as handle:
        job = services.import_job_create(
            actor=board_member, entity_key="lks", file=File(handle, name=path.name), original_name=path.name
        )
    services.import_job_run(job_id=job.pk)

    first = client.post(f"/exchange/imports/{job.pk}/sheet/", {"sheet": "LKSA"})
    second = client.post(f"/exchange/imports/{job.pk}/sheet/", {"sheet": "LKSA"})

    assert first["Location"] == second["Location"]
    assert ImportJob.objects.filter(sheet="LKSA").count() == 1


def test_the_error_report_of_a_chosen_sheet_holds_that_sheets_rows(
    client, board_member, tmp_path, django_capture_on_commit_callbacks
):
    bad = ["LKSA Lembar 9", "anak", "63.71.01.1001", "TD/LEMBAR/9", "banyak"]
    client.force_login(board_member)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, two_sheets(tmp_path, lansia=[lks_row(3), bad]))
    refused = ImportJob.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/exchange/imports/{refused.pk}/sheet/", {"sheet": "Lansia"})
    trial = ImportJob.objects.get(sheet="Lansia")
    assert (trial.status, trial.refused_count) == (ImportStatus.REFUSED, 1)

    report = client.get(f"/exchange/imports/{trial.pk}/report/")

    data = b"".join(report.streaming_content) if report.streaming else report.content
    (tmp_path / "laporan.xlsx").write_bytes(data)
    rows = CalamineWorkbook.from_path(str(tmp_path / "laporan.xlsx")).get_sheet_by_index(0).to_python()
    assert [row[0] for row in rows[1:]] == ["LKSA Lembar 3", "LKSA Lembar 9"]  # the Lansia sheet's, not LKSA's


def test_import_data_takes_a_sheet_and_names_the_sheets_of_a_refused_workbook(tmp_path, board_member):
    path = two_sheets(tmp_path)
    out = io.StringIO()
    with pytest.raises(CommandError, match="--sheet LKSA, --sheet Lansia"):
        call_command("import_data", "lks", str(path), "--as", "pengurus.uji", stdout=out, stderr=io.StringIO())

    call_command(
        "import_data", "lks", str(path), "--as", "pengurus.uji", "--sheet", "Lansia", stdout=out, stderr=io.StringIO()
    )

    assert lembar_names() == ["LKSA Lembar 3"]


def test_clients_of_the_other_sheet_are_said_to_be_maybe_there_not_missing(tmp_path):
    from sinergi.people.tests.factories import people_world
    from sinergi.people.tests.test_exchange_review_findings import HEADERS as CLIENT_HEADERS
    from sinergi.people.tests.test_exchange_review_findings import client_row

    world = people_world()
    boy = client_row(**{"NIK": "", "Alasan NIK kosong": "Belum direkam Dukcapil", "Nama lengkap": "Budi Putra"})
    girl = client_row(
        **{"NIK": "", "Alasan NIK kosong": "Belum direkam Dukcapil", "Nama lengkap": "Sari Putri", "Jenis kelamin": "P"}
    )
    path = workbook(tmp_path / "asrama.xlsx", {"Putra": [CLIENT_HEADERS, boy], "Putri": [CLIENT_HEADERS, girl]})
    for sheet in ("Putra", "Putri"):
        result = run(path, world.operator, entity="clients", sheet=sheet)
        assert result.status == "succeeded", (result.message, [p.message for p in result.problems])

    again = run(path, world.operator, entity="clients", sheet="Putra", dry_run=True)

    assert (again.status, again.unchanged) == ("checked", 1), again.message
    assert any("tidak ada di lembar ini" in notice and "lembar lain" in notice for notice in again.notices)
    assert not any("tidak ada di file ini" in notice for notice in again.notices), again.notices


def test_two_sheets_checked_first_then_imported_one_after_the_other_both_save(
    client, board_member, tmp_path, django_capture_on_commit_callbacks
):
    client.force_login(board_member)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, two_sheets(tmp_path))
    refused = ImportJob.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        for sheet in ("LKSA", "Lansia"):
            client.post(f"/exchange/imports/{refused.pk}/sheet/", {"sheet": sheet})
    trials = {job.sheet: job for job in ImportJob.objects.filter(dry_run=True).exclude(pk=refused.pk)}

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/exchange/imports/{trials['LKSA'].pk}/confirm/")
    # the other sheet's trial is not out of date: the import of the same file since was of another sheet
    assert trials["Lansia"].same_file_imported_since() is None
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/exchange/imports/{trials['Lansia'].pk}/confirm/")

    assert lembar_names() == ["LKSA Lembar 1", "LKSA Lembar 2", "LKSA Lembar 3"]
    listed = client.get("/exchange/imports/").content.decode()
    assert "(lembar “LKSA”)" in listed and "(lembar “Lansia”)" in listed


def test_the_last_sheet_counts_as_missing_only_the_clients_on_no_sheet_of_the_file(tmp_path):
    from sinergi.exchange.services import import_job_create, import_job_run
    from sinergi.people.tests.factories import people_world
    from sinergi.people.tests.test_exchange_review_findings import HEADERS as CLIENT_HEADERS
    from sinergi.people.tests.test_exchange_review_findings import client_row

    def child(name: str, sex: str = "L") -> list:
        return client_row(
            **{"NIK": "", "Alasan NIK kosong": "Belum direkam Dukcapil", "Nama lengkap": name, "Jenis kelamin": sex}
        )

    def sheet_job(path, sheet: str, *, dry_run: bool = False) -> ImportJob:
        with path.open("rb") as handle:
            job = import_job_create(
                actor=world.operator,
                entity_key="clients",
                file=File(handle),
                original_name=path.name,
                dry_run=dry_run,
                enqueue=False,
                sheet=sheet,
            )
        return import_job_run(job_id=job.pk, actor=world.operator)

    # Given three children in care at the LKS, two of them on the two sheets of its list and one on neither
    world = people_world()
    boy, girl, left_out = child("Budi Putra"), child("Sari Putri", "P"), child("Dewi Lupa", "P")
    everyone = workbook(tmp_path / "semua.xlsx", {"Klien": [CLIENT_HEADERS, boy, girl, left_out]})
    assert run(everyone, world.operator, entity="clients").created == 3
    path = workbook(tmp_path / "asrama.xlsx", {"Putra": [CLIENT_HEADERS, boy], "Putri": [CLIENT_HEADERS, girl]})

    # When the first sheet is checked (its rows match the stored records: nothing to import), the two not on it may
    # be on the other
    first = sheet_job(path, "Putra", dry_run=True)
    assert (first.status, first.unchanged_count) == (ImportStatus.CHECKED, 1), first.message
    assert any("2 penerima layanan" in n and "mungkin mereka ada di lembar lain" in n for n in first.notices)

    # Then the last sheet (its trial and its import) counts only the child on neither sheet, as missing from the file
    for dry_run in (True, False):
        last = sheet_job(path, "Putri", dry_run=dry_run)
        assert last.status in (ImportStatus.CHECKED, ImportStatus.SUCCEEDED), last.message
        assert not any("lembar lain file ini" in notice for notice in last.notices), last.notices
        assert any(
            notice.startswith("1 penerima layanan yang aktif di LKSA Harapan Contoh tidak ada di lembar mana pun")
            for notice in last.notices
        ), last.notices

    # A sheet of another file (the list saved again since, its sheets reordered) learns nothing from this one's
    edited = workbook(tmp_path / "asrama-2.xlsx", {"Putri": [CLIENT_HEADERS, girl], "Putra": [CLIENT_HEADERS, boy]})
    other = sheet_job(edited, "Putri", dry_run=True)
    assert any("2 penerima layanan" in n and "lembar lain file ini" in n for n in other.notices), other.notices


def test_an_old_excel_workbook_of_two_sheets_is_imported_sheet_by_sheet(board_member):
    # per_jenis.xls: two_sheets()'s workbook saved by LibreOffice Calc as "MS Excel 97" (files/ods_xls/README.md)
    path = Path(__file__).parent / "files" / "ods_xls" / "per_jenis.xls"

    refused = run(path, board_member)
    assert (refused.status, refused.sheets) == ("refused", ["LKSA", "Lansia"])

    result = run(path, board_member, sheet="Lansia")
    assert (result.status, result.created) == ("succeeded", 1), result.message
    assert lembar_names() == ["LKSA Lembar 3"]
    assert any("Lembar “LKSA” juga berisi data" in notice for notice in result.notices), result.notices
