"""The exchange's commands speak the operator's language: --language en (or SINERGI_COMMAND_LANGUAGE=en) gives
English messages, refusals, help and the files the run writes (the error report, the template); without it they
stay in Indonesian, word for word as before."""

import io

import pytest
from django.core.management import CommandError, ManagementUtility, call_command
from django.utils import timezone, translation
from python_calamine import CalamineWorkbook

from sinergi.exchange.models import ExportStatus, ImportJob, ImportStatus
from sinergi.organisations.tests.factories import OrganisationFactory

from .conftest import HEADERS, xlsx_file
from .factories import ExportJobFactory, ImportJobFactory

pytestmark = pytest.mark.django_db


def call(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refusal(*args) -> CommandError:
    with pytest.raises(CommandError) as refused:
        call(*args)
    return refused.value


def sheets(path) -> dict[str, list[list]]:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


# ------------------------------------------------------------------------------------------------ import_data


def test_a_trial_import_reports_in_english_when_asked_and_in_indonesian_by_default(
    tmp_path, banjarmasin_lks, board_member
):
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Lama Banjarmasin", "anak", "63.71.01.1001", "TD/LAMA/1", 44]])

    english, english_bar = call(
        "import_data", "lks", str(path), "--dry-run", "--as", "pengurus.uji", "--language", "en"
    )
    indonesian, indonesian_bar = call("import_data", "lks", str(path), "--dry-run", "--as", "pengurus.uji")

    assert english.splitlines() == [
        "Trial run finished: 1 row.",
        "  to be created 0, to be changed 1, unchanged 0.",
        "  row 2 (LKSA Lama Banjarmasin — TD/LAMA/1):",
        "    Capacity (people): 30 → 44",
    ]
    assert english_bar.startswith("Checking 1/1")
    assert indonesian.splitlines()[:2] == [
        "Uji coba selesai: 1 baris.",
        "  akan dibuat 0, akan diubah 1, tidak berubah 0.",
    ]
    assert indonesian_bar.startswith("Memeriksa 1/1")


def test_an_import_of_several_rows_counts_them_in_the_plural(tmp_path):
    rows = [[f"LKSA Jamak {n}", "anak", "63.72", f"TD/J/{n}", 1] for n in (1, 2)]
    path = xlsx_file(tmp_path, [HEADERS, *rows])

    out, _err = call("import_data", "lks", str(path), "--language", "en")

    assert out.splitlines()[:2] == ["Imported: 2 rows.", "  created 2, changed 0, unchanged 0."]


def test_a_refused_import_says_why_and_writes_its_error_report_in_english_and_in_indonesian_by_default(
    tmp_path, board_member
):
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Luar", "anak", "63.72", "TD/X", "x"]], name="luar.xlsx")

    out = io.StringIO()
    with pytest.raises(CommandError) as refused:
        call_command(
            "import_data",
            "lks",
            str(path),
            "--as",
            "pengurus.uji",
            "--language",
            "en",
            stdout=out,
            stderr=io.StringIO(),
        )

    assert (refused.value.returncode, str(refused.value)) == (
        1,
        "Nothing was saved. Fix the rows above (or in the report), then import again.",
    )
    lines = out.getvalue().splitlines()
    assert lines[0] == "Refused: there are errors: 1 row of 1 has problems."
    assert "  row 2, column Kapasitas (orang) “x”: “x” is not a whole number." in lines
    report = tmp_path / "luar-kesalahan.xlsx"  # the file's name stays the same in every language: scripts look for it
    assert lines[-1] == f"Error report: {report}"
    book = sheets(report)
    assert list(book) == ["LKS data", "List of errors", "Instructions", "Lists"]
    assert book["LKS data"][0][-1] == "Import errors"
    assert book["List of errors"][:2] == [
        ["Row", "Column", "Cell content", "Problem"],
        [2.0, "Kapasitas (orang)", "x", "“x” is not a whole number."],
    ]

    # Without the option, the same import refuses in Indonesian, word for word as before.
    error = refusal("import_data", "lks", str(path), "--as", "pengurus.uji")

    assert str(error) == "Tidak ada yang disimpan. Perbaiki baris di atas (atau di laporan), lalu impor lagi."
    book = sheets(tmp_path / "luar-kesalahan-2.xlsx")
    assert list(book) == ["Data LKS", "Daftar kesalahan", "Petunjuk", "Daftar"]
    assert book["Daftar kesalahan"][1] == [2.0, "Kapasitas (orang)", "x", "“x” bukan bilangan bulat."]


def test_the_calls_mistakes_are_refused_in_english(tmp_path, operator):
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Baru", "anak", "63.71", "TD/B", 1]])
    operator.memberships.all().delete()
    missing = tmp_path / "hilang.xlsx"

    no_file = refusal("import_data", "lks", str(missing), "--language", "en")
    no_user = refusal("import_data", "lks", str(path), "--as", "tidak.ada", "--language", "en")
    no_right = refusal("import_data", "lks", str(path), "--as", "operator.uji", "--language", "en")
    a_pipe = refusal("import_data", "lks", "-", "--language", "en")

    assert (no_file.returncode, str(no_file)) == (2, f"File {missing} does not exist.")
    assert str(no_user) == "There is no active user “tidak.ada”."
    assert str(no_right) == "User “operator.uji” is not allowed to import LKS data."
    assert str(a_pipe).startswith("“-” cannot be used: give an ordinary file name")


def test_a_file_refused_by_the_reader_is_refused_in_english_too(tmp_path):
    empty = tmp_path / "kosong.csv"
    empty.write_bytes(b"")

    error = refusal("import_data", "lks", str(empty), "--language", "en")

    assert (error.returncode, str(error)) == (
        3,
        "The file is empty (0 bytes). Choose a spreadsheet file that contains data.",
    )


# ------------------------------------------------------------------------------------------------ export_data


def test_export_data_counts_its_rows_in_english(tmp_path):
    OrganisationFactory(name="LKSA Satu")
    one = tmp_path / "satu.csv"

    english, _err = call("export_data", "lks", str(one), "--language", "en")
    indonesian, _err = call("export_data", "lks", str(one))
    OrganisationFactory(name="LKSA Dua")
    two, _err = call("export_data", "lks", str(tmp_path / "dua.csv"), "--language", "en")

    assert english == f"Exported 1 row of LKS to {one}.\n"
    assert indonesian == f"1 baris LKS diekspor ke {one}.\n"
    assert two == f"Exported 2 rows of LKS to {tmp_path / 'dua.csv'}.\n"


def test_export_data_refuses_in_english(tmp_path):
    suffix = refusal("export_data", "lks", str(tmp_path / "lks.pdf"), "--language", "en")
    purpose = refusal("export_data", "clients", str(tmp_path / "klien.csv"), "--language", "en")

    assert str(suffix) == "The file name must end in .csv or .xlsx."
    assert (purpose.returncode, str(purpose)) == (
        2,
        "Data on clients is personal data: give the purpose of access with --purpose, one of: "
        "service, case_review, duplicate, supervision, subject_request, reporting",
    )


# -------------------------------------------------------------------------------------------- import_template


def test_import_template_writes_an_english_template_when_asked(tmp_path):
    english, indonesian = tmp_path / "template.xlsx", tmp_path / "templat.xlsx"

    out, _err = call("import_template", "lks", str(english), "--language", "en")
    call("import_template", "lks", str(indonesian))

    assert out == f"LKS import template written to {english}.\n"
    assert list(sheets(english)) == ["LKS data", "Instructions", "Lists"]
    assert list(sheets(indonesian)) == ["Data LKS", "Petunjuk", "Daftar"]
    error = refusal("import_template", "lks", str(tmp_path / "t.csv"), "--language", "en")
    assert str(error) == "The import template is an Excel file: the file name must end in .xlsx."


# ------------------------------------------------------------------------------------------------ exchange_jobs


def test_exchange_jobs_lists_the_queue_in_english(board_member):
    assert call("exchange_jobs", "--language", "en")[0] == "No imports or exports are waiting or running.\n"
    ImportJobFactory(status=ImportStatus.QUEUED, created_by=board_member, original_name="panti.xlsx")
    ExportJobFactory(requested_by=board_member, status=ExportStatus.RUNNING)
    ImportJob.objects.update(created_at=timezone.now() - timezone.timedelta(minutes=1))

    english, _err = call("exchange_jobs", "--language", "en")
    indonesian, _err = call("exchange_jobs")

    assert "waiting for 1 minute  pengurus.uji  trial run lks  panti.xlsx" in english
    assert english.splitlines()[-1] == "1 running, 1 waiting."
    assert "menunggu sejak 1 menit  pengurus.uji  uji coba lks  panti.xlsx" in indonesian
    assert indonesian.splitlines()[-1] == "1 berjalan, 1 menunggu."


# ----------------------------------------------------------------------------------------- purge_exchange_files


def test_purge_exchange_files_sums_up_in_english(board_member):
    old = ImportJobFactory(created_by=board_member, upload=b"old", report=b"PK-report", age=31)

    trial, _err = call("purge_exchange_files", "--dry-run", "--language", "en")
    nothing_left, _err = call("purge_exchange_files", "--dry-run")

    assert trial.splitlines()[0].startswith(f"import #{old.pk} (finished ")
    assert trial.splitlines()[-1] == (
        "2 files from 1 job would be deleted (a trial run, nothing deleted); files are kept for 30 days."
    )
    assert nothing_left.splitlines()[-1] == (
        "2 file dari 1 pekerjaan akan dihapus (uji coba, tidak ada yang dihapus); masa simpan 30 hari."
    )


# ----------------------------------------------------------------------------- the language's other sources


def test_the_environment_variable_sets_the_language_and_the_option_overrides_it(tmp_path, settings):
    settings.SINERGI = {**settings.SINERGI, "COMMAND_LANGUAGE": "en_US.UTF-8"}

    assert call("exchange_jobs")[0] == "No imports or exports are waiting or running.\n"
    assert call("exchange_jobs", "--language", "id")[0] == "Tidak ada impor atau ekspor yang menunggu atau berjalan.\n"
    assert translation.get_language() == "id"  # the command's language ends with it


def test_an_unknown_language_in_the_environment_is_refused_not_ignored(settings):
    settings.SINERGI = {**settings.SINERGI, "COMMAND_LANGUAGE": "fr"}

    error = refusal("exchange_jobs")

    assert error.returncode == 2
    assert str(error) == "SINERGI_COMMAND_LANGUAGE=fr bukan bahasa yang dikenal. Pilihan: id, en."


@pytest.mark.parametrize("option", [["--language", "en"], ["--lang=en"]])
def test_the_help_is_written_in_the_language_asked_for(capsys, option):
    with pytest.raises(SystemExit):
        ManagementUtility(["manage.py", "import_data", *option, "--help"]).execute()

    help_text = " ".join(capsys.readouterr().out.split())
    assert "--dry-run Only check; save nothing." in help_text
    assert "Exit status: 0 done; 1 rows with problems" in help_text
    assert "Kind of data: lks" in help_text


def test_the_help_stays_indonesian_by_default(capsys):
    with pytest.raises(SystemExit):
        ManagementUtility(["manage.py", "import_data", "--help"]).execute()

    help_text = " ".join(capsys.readouterr().out.split())
    assert "--dry-run Hanya memeriksa; tidak menyimpan apa pun." in help_text
    assert "--language {id,en} Bahasa pesan, laporan, dan templat" in help_text


def test_the_help_follows_the_environment_variable_also_through_manage_py_help(capsys, settings):
    settings.SINERGI = {**settings.SINERGI, "COMMAND_LANGUAGE": "en"}

    with pytest.raises(SystemExit):
        ManagementUtility(["manage.py", "purge_exchange_files", "--help"]).execute()
    ManagementUtility(["manage.py", "help", "purge_exchange_files"]).execute()

    first, second = capsys.readouterr().out.split("usage:")[1:]
    assert "--dry-run Only show what would be deleted." in " ".join(first.split())
    assert "--dry-run Only show what would be deleted." in " ".join(second.split())
