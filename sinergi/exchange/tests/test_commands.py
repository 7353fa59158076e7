import csv
import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from python_calamine import CalamineWorkbook

from sinergi.audit.models import AuditEvent
from sinergi.exchange.models import ImportJob, ImportStatus
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory

from .conftest import HEADERS, csv_file, xlsx_file

pytestmark = pytest.mark.django_db


def call(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_template_writes_the_xlsx(tmp_path):
    target = tmp_path / "templat.xlsx"
    out, _err = call("import_template", "lks", str(target))
    assert out == f"Templat impor LKS ditulis ke {target}.\n"
    assert CalamineWorkbook.from_path(str(target)).sheet_names == ["Data LKS", "Petunjuk", "Daftar"]


@pytest.mark.parametrize("name", ["export_data", "import_template"])
def test_the_commands_that_only_write_list_only_their_own_exit_statuses(name):
    # The fifty-ninth review: their help listed 1 (rows with problems) and 3 (a refused file), which they never give
    from django.core.management import load_command_class

    text = " ".join(load_command_class("sinergi.exchange", name).create_parser("manage.py", name).format_help().split())
    assert "Status keluar: 0 selesai; 2 pemanggilan salah" in text
    assert "baris bermasalah" not in text and "ditolak seluruhnya" not in text


def test_import_template_refuses_an_unknown_entity(tmp_path):
    with pytest.raises(CommandError, match="Jenis data “x” tidak dikenal"):
        call("import_template", "x", str(tmp_path / "t.xlsx"))


def test_dry_run_prints_the_plan_and_a_progress_bar_and_writes_nothing(tmp_path, banjarmasin_lks, board_member):
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Lama Banjarmasin", "anak", "63.71.01.1001", "TD/LAMA/1", 44]])
    out, err = call("import_data", "lks", str(path), "--dry-run", "--as", "pengurus.uji")
    assert out.splitlines() == [
        "Uji coba selesai: 1 baris.",
        "  akan dibuat 0, akan diubah 1, tidak berubah 0.",
        "  baris 2 (LKSA Lama Banjarmasin — TD/LAMA/1):",
        "    Kapasitas (orang): 30 → 44",
    ]
    assert "Memeriksa" in err and "1/1" in err
    banjarmasin_lks.refresh_from_db()
    assert banjarmasin_lks.capacity == 30


def test_import_runs_with_the_authority_of_the_named_user(tmp_path, board_member):
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Luar", "anak", "63.72", "TD/X", 1]])
    with pytest.raises(CommandError, match="Tidak ada yang disimpan. Perbaiki baris di atas"):
        call("import_data", "lks", str(path), "--as", "pengurus.uji")
    assert not Organisation.objects.exists()
    report = tmp_path / "data-kesalahan.xlsx"
    assert report.exists()
    assert ImportJob.objects.get().status == ImportStatus.REFUSED
    # a second run keeps the first run's report beside its own
    with pytest.raises(CommandError):
        call("import_data", "lks", str(path), "--as", "pengurus.uji")
    assert report.exists() and (tmp_path / "data-kesalahan-2.xlsx").exists()


def test_import_without_as_runs_as_the_system_and_is_audited(tmp_path):
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Sistem", "anak", "63.72", "TD/S", 1]])
    out, _err = call("import_data", "lks", str(path))
    assert out.splitlines()[:2] == ["Berhasil diimpor: 1 baris.", "  dibuat 1, diubah 0, tidak berubah 0."]
    event = AuditEvent.objects.get(object_type="exchange.importjob")
    assert (event.action, event.actor, event.data["via"], event.data["created"]) == (
        "exchange.import.succeeded",
        None,
        "command line",
        1,
    )


def test_import_refuses_a_missing_file_and_a_non_spreadsheet(tmp_path):
    with pytest.raises(CommandError, match="tidak ada"):
        call("import_data", "lks", str(tmp_path / "hilang.xlsx"))
    empty = tmp_path / "kosong.csv"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match="File kosong"):
        call("import_data", "lks", str(empty))


def test_export_data_writes_csv_and_xlsx_within_the_users_scope(tmp_path, board_member):
    OrganisationFactory(name="LKSA Kota", region_id="63.71.01.1001")
    OrganisationFactory(name="LKSA Banjarbaru", region_id="63.72.02.1003")
    out, _err = call("export_data", "lks", str(tmp_path / "lks.csv"), "--as", "pengurus.uji")
    assert out == f"1 baris LKS diekspor ke {tmp_path / 'lks.csv'}.\n"
    text = (tmp_path / "lks.csv").read_text(encoding="utf-8-sig")
    assert "LKSA Kota" in text and "LKSA Banjarbaru" not in text
    call("export_data", "lks", str(tmp_path / "semua.xlsx"))
    rows = CalamineWorkbook.from_path(str(tmp_path / "semua.xlsx")).get_sheet_by_index(0).to_python()
    assert sorted(r[1] for r in rows[1:]) == ["LKSA Banjarbaru", "LKSA Kota"]
    assert AuditEvent.objects.filter(action="exchange.lks.exported").count() == 2


def test_export_data_writes_semicolons_when_asked(tmp_path, board_member):
    OrganisationFactory(name="LKSA Kota, Satu", region_id="63.71.01.1001")
    call("export_data", "lks", str(tmp_path / "lks.csv"), "--sep", "semicolon")
    rows = list(csv.reader(io.StringIO((tmp_path / "lks.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert len(rows) == 2 and len(rows[0]) > 5 and "LKSA Kota, Satu" in rows[1]


def test_export_data_refuses_other_formats(tmp_path):
    with pytest.raises(CommandError, match=r"\.csv atau \.xlsx"):
        call("export_data", "lks", str(tmp_path / "lks.pdf"))


def test_export_data_of_clients_needs_an_access_purpose_and_logs_everyone_with_it(tmp_path):
    from sinergi.people.models import PersonAccess
    from sinergi.people.tests.factories import PersonFactory, PlacementFactory

    placement = PlacementFactory(person=PersonFactory(full_name="Budi Contoh"))
    with pytest.raises(CommandError, match="--purpose"):
        call("export_data", "clients", str(tmp_path / "klien.csv"))
    assert not (tmp_path / "klien.csv").exists() and not PersonAccess.objects.exists()

    call("export_data", "clients", str(tmp_path / "klien.csv"), "--purpose", "subject_request")

    assert "Budi Contoh" in (tmp_path / "klien.csv").read_text(encoding="utf-8-sig")
    # Logged as done from the command line (not by nobody: "Oleh —" on the person's page)
    assert list(PersonAccess.objects.values_list("person_id", "purpose", "actor_name")) == [
        (placement.person_id, "subject_request", "manage.py")
    ]
    assert AuditEvent.objects.get(action="exchange.clients.exported").purpose == "subject_request"


def test_export_data_of_workers_needs_an_access_purpose_too_and_logs_every_worker_with_it(tmp_path):
    from sinergi.people.models import WorkerAccess
    from sinergi.people.tests.factories import WorkerFactory

    worker = WorkerFactory(full_name="Rina Contoh")
    with pytest.raises(CommandError, match="--purpose"):
        call("export_data", "workers", str(tmp_path / "pekerja.xlsx"))
    assert not WorkerAccess.objects.exists()

    call("export_data", "workers", str(tmp_path / "pekerja.xlsx"), "--purpose", "reporting")

    assert list(WorkerAccess.objects.values_list("worker_id", "what", "purpose", "actor_name")) == [
        (worker.pk, "exported", "reporting", "manage.py")
    ]


def test_export_data_filters_take_several_values_like_the_list(tmp_path):
    OrganisationFactory(name="LKSA Draf", status="draft")
    OrganisationFactory(name="LKSA Aktif", status="active")
    OrganisationFactory(name="LKSA Nonaktif", status="inactive")

    call("export_data", "lks", str(tmp_path / "draf.csv"), "--filter", "status=draft")
    call("export_data", "lks", str(tmp_path / "dua.csv"), "--filter", "status=draft", "--filter", "status=active")

    assert "LKSA Draf" in (tmp_path / "draf.csv").read_text(encoding="utf-8-sig")
    both = (tmp_path / "dua.csv").read_text(encoding="utf-8-sig")
    assert "LKSA Draf" in both and "LKSA Aktif" in both and "LKSA Nonaktif" not in both
    event = AuditEvent.objects.filter(action="exchange.lks.exported").latest("pk")
    assert event.data["filters"] == {"status": ["draft", "active"]}


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("status=zzz", r"(?s)Ekspor gagal: saringan daftar tidak berlaku\. .*zzz bukan salah satu dari pilihan"),
        ("region", r"Saringan “region” harus berbentuk nama=nilai"),
    ],
)
def test_export_data_refuses_a_bad_filter_in_words_and_writes_nothing(tmp_path, option, message):
    OrganisationFactory()
    with pytest.raises(CommandError, match=message):
        call("export_data", "lks", str(tmp_path / "lks.csv"), "--filter", option)
    assert list(tmp_path.iterdir()) == []
    assert not AuditEvent.objects.filter(action="exchange.lks.exported").exists()


@pytest.mark.parametrize("value", ["ya", "0", "mungkin"])
def test_export_data_refuses_a_yes_no_filter_value_it_cannot_read_rather_than_export_every_worker(tmp_path, value):
    from sinergi.people.tests.factories import WorkerFactory

    WorkerFactory(full_name="Rina Contoh")
    target = tmp_path / "pekerja.csv"
    with pytest.raises(CommandError, match=rf"Ekspor gagal: saringan daftar tidak berlaku\. Saringan “.*”: .*{value}"):
        call("export_data", "workers", str(target), "--purpose", "reporting", "--filter", f"active={value}")
    assert not target.exists()
    assert not AuditEvent.objects.filter(action="exchange.workers.exported").exists()


def test_export_data_still_reads_the_yes_no_values_the_list_sends(tmp_path):
    from sinergi.people.tests.factories import WorkerFactory

    WorkerFactory(full_name="Rina Aktif")
    WorkerFactory(full_name="Rudi Berhenti", ended_on=datetime.date(2024, 1, 31))
    target = tmp_path / "pekerja.csv"
    call("export_data", "workers", str(target), "--purpose", "reporting", "--filter", "active=true")
    written = target.read_text(encoding="utf-8-sig")
    assert "Rina Aktif" in written and "Rudi Berhenti" not in written


def test_export_data_refuses_a_user_whose_role_may_not_export_the_data(tmp_path, board_member):
    from sinergi.people.models import PersonAccess
    from sinergi.people.tests.factories import PlacementFactory

    PlacementFactory()
    with pytest.raises(CommandError, match="Pengguna “pengurus.uji” tidak berwenang mengekspor data penerima layanan"):
        call("export_data", "clients", str(tmp_path / "klien.csv"), "--as", "pengurus.uji", "--purpose", "reporting")
    assert list(tmp_path.iterdir()) == []
    assert not PersonAccess.objects.exists()
    assert not AuditEvent.objects.filter(action="exchange.clients.exported").exists()


def test_export_data_failing_halfway_leaves_no_partial_file_and_keeps_an_earlier_one(tmp_path, monkeypatch):
    from sinergi.exchange.management.commands import export_data

    def broken(**kwargs):
        yield b"ID,Nama LKS\r\n"
        raise OSError("disk full")

    OrganisationFactory()
    earlier = tmp_path / "lks.csv"
    earlier.write_bytes(b"the export of yesterday")
    monkeypatch.setattr(export_data, "csv_chunks", broken)

    with pytest.raises(CommandError, match="Tidak dapat menulis .*lks.csv: disk full") as stopped:
        call("export_data", "lks", str(earlier))

    assert stopped.value.returncode == 4

    assert list(tmp_path.iterdir()) == [earlier]
    assert earlier.read_bytes() == b"the export of yesterday"
    assert not AuditEvent.objects.filter(action="exchange.lks.exported").exists()


def test_export_data_into_a_missing_folder_says_so(tmp_path):
    with pytest.raises(CommandError, match="Tidak dapat menulis"):
        call("export_data", "lks", str(tmp_path / "tidak-ada" / "lks.csv"))


def test_a_refused_import_counts_the_bad_rows_and_names_its_report_after_the_whole_file_name(tmp_path, board_member):
    good, bad = ["LKSA Baik", "anak", "63.71.01.1001", "TD/B/1", 5], ["LKSA Salah", "anak", "63.71", "TD/B/2", "x"]
    rows = [HEADERS, good, bad]
    path = csv_file(tmp_path, rows, name="data.csv")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_data", "lks", str(path), "--as", "pengurus.uji", stdout=out, stderr=io.StringIO())
    assert out.getvalue().splitlines()[0] == "Ditolak: ada kesalahan: 1 dari 2 baris bermasalah."
    assert (tmp_path / "data-csv-kesalahan.xlsx").exists()  # not data-kesalahan.xlsx, which data.xlsx gets


def test_a_file_refused_as_a_whole_does_not_say_none_of_its_rows_had_problems(tmp_path, board_member):
    path = csv_file(tmp_path, [HEADERS[:2], ["LKSA Baik", "anak"], ["LKSA Lain", "anak"]], name="kurang.csv")
    out = io.StringIO()
    with pytest.raises(CommandError, match="Kolom wajib tidak ada"):
        call_command("import_data", "lks", str(path), "--as", "pengurus.uji", stdout=out, stderr=io.StringIO())
    assert out.getvalue().splitlines()[0] == (
        "Ditolak: ada kesalahan pada file itu sendiri, bukan pada barisnya (2 baris); lihat alasannya di bawah."
    )


def test_a_file_refused_before_its_rows_are_counted_does_not_say_it_has_none(tmp_path, board_member):
    # The fifty-ninth review: "… not in its rows (0 rows)" for a file whose rows were never read
    path = csv_file(tmp_path, [["a", "b"], ["1", "2"], ["3", "4"]], name="tanpa-judul.csv")
    out = io.StringIO()
    with pytest.raises(CommandError, match="Judul kolom tidak ditemukan"):
        call_command("import_data", "lks", str(path), "--as", "pengurus.uji", stdout=out, stderr=io.StringIO())
    assert out.getvalue().splitlines()[0] == "Ditolak: ada kesalahan pada file itu sendiri; lihat alasannya di bawah."


def test_a_trial_of_more_changes_than_listed_says_how_many_more_and_writes_them_all(
    tmp_path, board_member, monkeypatch
):
    from sinergi.exchange.pipeline import row_checks

    monkeypatch.setattr(row_checks, "PREVIEW_LIMIT", 2)
    for number in (1, 2, 3):
        OrganisationFactory(name=f"LKSA {number}", region_id="63.71.01.1001", registration_number=f"TD/C/{number}",
                            capacity=10)  # fmt: skip
    rows = [[f"LKSA {n}", "anak", "63.71.01.1001", f"TD/C/{n}", 20] for n in (1, 2, 3)]
    path = xlsx_file(tmp_path, [HEADERS, *rows])
    out, _err = call("import_data", "lks", str(path), "--dry-run", "--as", "pengurus.uji")
    assert "  … dan 1 data lain yang akan diubah (semuanya di lembar “Perubahan” laporan)." in out.splitlines()
    assert out.splitlines()[-1] == f"Laporan perubahan: {tmp_path / 'data-perubahan.xlsx'}"
    changes = CalamineWorkbook.from_path(str(tmp_path / "data-perubahan.xlsx")).get_sheet_by_name("Perubahan")
    assert len(changes.to_python()) == 4  # the heading and the three changes


def test_the_progress_bar_never_draws_the_same_line_twice(tmp_path):
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Sekali", "anak", "63.72", "TD/S/1", 1]])
    call("import_data", "lks", str(path))
    out, err = call("import_data", "lks", str(path))  # unchanged: nothing to save
    assert "tidak berubah 1" in out
    lines = [line.strip() for line in err.split("\r") if line.strip()]
    assert len(lines) == len(set(lines)), lines


def test_export_data_refuses_a_filter_name_it_does_not_know_rather_than_export_everything(tmp_path, board_member):
    # A typo ("regoin") would otherwise be ignored and the whole scope exported.
    OrganisationFactory(name="LKSA Mana Saja", regency_code="63.71")
    target = tmp_path / "lks.csv"
    with pytest.raises(CommandError, match="Saringan tidak dikenal: regoin. Saringan untuk data LKS: accreditation, "):
        call("export_data", "lks", str(target), "--as", "pengurus.uji", "--filter", "regoin=63.71")
    assert not target.exists()


def test_export_data_says_what_a_list_pages_other_parameters_are_instead(tmp_path, board_member):
    # An address copied from a list page carries its page and format beside the filters.
    target = tmp_path / "lks.csv"
    with pytest.raises(CommandError, match=r"Bukan saringan: format, page\. Format mengikuti akhiran file"):
        call("export_data", "lks", str(target), "--as", "pengurus.uji", "--filter", "page=2", "--filter", "format=xlsx")
    assert not target.exists()
