"""The error report as its reader fixes it on the data sheet alone (seventy-sixth review): a row with warnings only
says so in its message cell, both rows of a duplicate pair are marked, and the header's problems and notes are
comments on the header cells; the report with these words, corrected, imports again as the file would."""

import datetime
import io
import re
import zipfile

import pytest
from django.core.files import File
from django.utils import translation

from sinergi.exchange.services import import_job_create, import_job_run
from sinergi.people.models import Person, Worker
from sinergi.people.nik import nik_compose
from sinergi.people.tests.factories import people_world
from sinergi.people.tests.test_exchange import HEADERS, boy_row, clients_file, import_clients

from .conftest import run, xlsx_file
from .test_error_report_cycle import RED, WORKERS, YELLOW, cell_look, data_sheet, report_of, sheet_rows
from .test_review74_report import client

pytestmark = pytest.mark.django_db

ADULT = datetime.date(1990, 4, 2)
WARNED = "Peringatan (baris ini tetap dapat diimpor): "
CONSENT = "Dasar pemrosesan data (persetujuan) belum dicatat; catat segera."


def comments(content: bytes) -> dict[str, str]:
    """The data sheet's cell comments: cell reference -> text."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = [name for name in archive.namelist() if name.startswith("xl/comments")]
        if not names:
            return {}
        xml = archive.read(names[0]).decode()
    return dict(re.findall(r'<comment ref="([A-Z]+\d+)".*?<t(?: [^>]*)?>(.*?)</t>', xml, re.S))


def nik(serial: int, born: datetime.date = datetime.date(2014, 8, 17)) -> str:
    return nik_compose(district_code="63.71.01", birth_date=born, sex="L", serial=serial)


def adult_row(serial: int) -> list:
    """A row that imports with two warnings: an adult as an "anak telantar" (on the birth date), and no consent (on
    the row)."""
    return boy_row(**{"Nama lengkap": f"Dewasa Contoh {serial}", "Tanggal lahir": ADULT, "NIK": nik(serial, ADULT)})


# ---------------------------------------------------------------------------------------------- warnings on the row


def test_a_row_with_warnings_only_says_in_its_message_cell_that_it_will_be_imported(tmp_path):
    # Given a file with a row refused (a wrong sex) and a row that only has warnings, one on a cell, one on the row
    world = people_world()
    wrong = boy_row(**{"Jenis kelamin": "X"})
    path = clients_file(tmp_path, [wrong, adult_row(3)])
    result = import_clients(path, world.operator, dry_run=True)
    assert [p.row for p in result.problems] == [2]
    assert sorted((w.row, w.column) for w in result.warnings) == [(3, ""), (3, "Tanggal lahir")]

    # When the report is made
    content = report_of(path, result, "clients")

    # Then the warned row's message cell holds its warnings, said to be warnings of a row that imports, in yellow
    rows = data_sheet(content)
    message = rows[2][len(HEADERS)]
    assert message.startswith(WARNED + "Tanggal lahir: Usia 33 tahun saat masuk")
    assert message.endswith(" | " + CONSENT)  # the warning on no single cell is on its row too
    assert cell_look(content, "J3") == (YELLOW, "General")
    # and the refused row's message is unchanged, in red
    assert rows[1][len(HEADERS)].startswith("Jenis kelamin: “X” tidak ada dalam daftar.")
    assert cell_look(content, "J2") == (RED, "General")


def test_a_report_with_warnings_only_has_no_error_column(tmp_path):
    # With nothing to fix, no "Kesalahan impor": the rows' warnings have a column of their own (seventy-seventh
    # review, test_review77_report.py).
    world = people_world()
    path = clients_file(tmp_path, [adult_row(3)])
    result = import_clients(path, world.operator, dry_run=True)
    assert not result.problems and result.warnings

    rows = data_sheet(report_of(path, result, "clients"))

    assert rows[0] == [*HEADERS, "Peringatan impor"] and "Kesalahan impor" not in rows[0]


# ---------------------------------------------------------------------------------------------- duplicate pairs


def test_both_rows_of_a_duplicate_pair_are_marked_each_naming_the_other(tmp_path):
    # Given a file whose fourth row repeats the NIK of its second
    world = people_world()
    path = clients_file(tmp_path, [boy_row(), adult_row(3), boy_row(**{"Nama lengkap": "Budi Lain"})])
    result = import_clients(path, world.operator, dry_run=True)
    assert [(p.row, p.message[:30]) for p in result.problems] == [(4, "Baris ini duplikat baris 2 (NI")]

    # When the report is made
    rows = data_sheet(report_of(path, result, "clients"))

    # Then the first row names the second as its duplicate (and still says its own warning), the second the first
    first, second = rows[1][len(HEADERS)], rows[3][len(HEADERS)]
    assert first == "Baris 4 duplikat baris ini (lihat pesan di baris itu). | Peringatan: " + CONSENT
    assert second.startswith("Baris ini duplikat baris 2 (NIK 6371********0001")
    # and the NIK the pair shares is written on neither message in full
    assert nik(1) not in first + second


def test_the_first_row_of_many_duplicates_names_the_first_ten_and_counts_the_others(tmp_path):
    # A file repeating one row throughout would otherwise write every row number into one cell.
    world = people_world()
    path = clients_file(tmp_path, [boy_row() for _ in range(13)])
    result = import_clients(path, world.operator, dry_run=True)

    first = data_sheet(report_of(path, result, "clients"))[1][len(HEADERS)]

    assert first.startswith("Baris 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, dan 2 baris lain duplikat baris ini")


def test_two_rows_of_a_workers_export_with_one_id_are_both_marked(tmp_path):
    # Given an export of workers sent back with one worker's ID on two rows
    world = people_world()
    headers = ["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran"]
    created = run(
        xlsx_file(tmp_path, [headers, ["Hana Uji", "P", "psm", "Pengasuh"]], sheet=WORKERS),
        world.operator,
        entity="workers",
    )
    assert created.status == "succeeded", created.problems
    worker = Worker.objects.get(full_name="Hana Uji")
    rows = [
        ["ID", *headers],
        [worker.pk, "Hana Uji", "P", "psm", "Pengasuh"],
        [worker.pk, "Hana U.", "P", "psm", "Relawan"],
    ]
    path = xlsx_file(tmp_path, rows, name="ekspor.xlsx", sheet=WORKERS)
    result = run(path, world.operator, entity="workers", dry_run=True)
    assert [p.row for p in result.problems] == [3]

    written = data_sheet(report_of(path, result, "workers"))

    assert written[1][5] == "Baris 3 duplikat baris ini (lihat pesan di baris itu)."
    assert written[2][5].startswith("Baris ini duplikat baris 2")


# ---------------------------------------------------------------------------------------------- the header row


def test_a_column_read_under_another_name_and_one_not_read_have_a_comment_on_their_header(tmp_path, board_member):
    # Given an LKS file heading its name "Nama" (a synonym), with a column of the office's own and a bad region code
    rows = [["Nama", "Jenis layanan utama", "Kode wilayah", "Catatan petugas"], ["LKSA Contoh", "anak", "99.99", "x"]]
    path = xlsx_file(tmp_path, rows)
    result = run(path, board_member, dry_run=True)
    assert result.status == "refused"

    # When the report is made
    content = report_of(path, result, "lks")

    # Then the header cells say how they were read; the template's own headers have no comment
    assert comments(content) == {
        "A1": "Dibaca sebagai kolom “Nama LKS”.",
        "D1": "Kolom ini tidak dibaca saat impor: isinya diabaikan.",
    }
    # and no comment's text is on the data sheet as a value
    assert data_sheet(content)[0] == [*rows[0], "Kesalahan impor"]
    # And the report uploaded again unchanged is read as the file was
    sent_back = tmp_path / "laporan.xlsx"
    sent_back.write_bytes(content)
    again = run(sent_back, board_member, dry_run=True)
    assert [(p.row, p.column, p.message) for p in again.problems] == [
        (p.row, p.column, p.message) for p in result.problems
    ]


def test_a_misspelt_header_has_a_comment_naming_the_column_it_likely_means(tmp_path, board_member):
    rows = [["Nama LKS", "Jenis layanan utama", "Kode wilayah", "Nomor tanda dafar"], ["LKSA Contoh", "anak", "99.99"]]
    path = xlsx_file(tmp_path, rows)
    result = run(path, board_member, dry_run=True)

    assert comments(report_of(path, result, "lks")) == {
        "D1": "Kolom ini tidak dibaca saat impor: isinya diabaikan. Bila maksudnya kolom “Nomor tanda daftar”, ubah "
        "judulnya menjadi “Nomor tanda daftar”."
    }


def test_a_missing_required_column_is_a_comment_on_the_first_header_cell(tmp_path, board_member):
    # Given an LKS file without its service column
    path = xlsx_file(tmp_path, [["Nama LKS", "Kode wilayah"], ["LKSA Contoh", "63.71.01.1001"]])
    result = run(path, board_member, dry_run=True)
    assert [(p.row, p.column) for p in result.problems] == [(1, "Jenis layanan utama")]

    content = report_of(path, result, "lks")

    assert comments(content) == {"A1": "Jenis layanan utama: Kolom wajib tidak ada."}


@pytest.mark.parametrize(
    ("language", "start"),
    [("id", "Tanggal di kolom ini tampaknya ditulis berurutan bulan-hari-tahun"), ("en", "The dates in this column")],
)
def test_a_problem_of_a_whole_column_is_a_comment_on_its_header_in_the_users_language(tmp_path, language, start):
    # Given birth dates typed month first, which the NIKs show swapped: the column is refused as a whole
    world = people_world()
    born = [datetime.date(2012, 5, 3), datetime.date(2013, 7, 11), datetime.date(2014, 2, 1)]
    rows = [client(i, f"{day.month}/{day.day}/{day.year}", day) for i, day in enumerate(born)]
    path = clients_file(tmp_path, rows)
    with translation.override(language):
        result = import_clients(path, world.operator, dry_run=True)
        [problem] = [p for p in result.problems if p.row == 1]

        # When the report is made in the user's language
        content = report_of(path, result, "clients")

    # Then the column's problem is on its header cell ("Tanggal lahir", column C), in that language
    assert comments(content) == {"C1": problem.message}
    assert problem.message.startswith(start)
    # And the report uploaded again unchanged refuses the column again, with the same words
    sent_back = tmp_path / "laporan.xlsx"
    sent_back.write_bytes(content)
    with translation.override(language):
        again = import_clients(sent_back, world.operator, dry_run=True)
    assert [p.message for p in again.problems if p.row == 1] == [problem.message]


# ---------------------------------------------------------------------------------------------- read and sent again


def test_the_report_with_its_new_words_sent_back_unchanged_gives_the_same_problems_and_corrected_imports(tmp_path):
    # Given a report with every new word: a warned row, a duplicate pair, a synonym and an unknown column
    world = people_world()
    headers = ["Nama", *HEADERS[1:], "Hobi"]
    rows = [[*boy_row(), "a"], [*adult_row(3), "b"], [*boy_row(**{"Nama lengkap": "Budi Lain"}), "c"]]
    path = clients_file(tmp_path, rows, headers=headers)
    result = import_clients(path, world.operator, dry_run=True)
    content = report_of(path, result, "clients")
    assert comments(content) and WARNED in data_sheet(content)[2][-1]

    # When it is uploaded again unchanged
    unchanged = tmp_path / "laporan.xlsx"
    unchanged.write_bytes(content)
    again = import_clients(unchanged, world.operator, dry_run=True)

    # Then it gives the same problems and warnings (the comments and the message column are not data)
    assert [(p.row, p.column, p.message) for p in again.problems] == [
        (p.row, p.column, p.message) for p in result.problems
    ]
    assert len(again.warnings) == len(result.warnings)

    # And corrected on its data sheet (the duplicate given its own NIK), its messages left in place, it imports
    fixed = data_sheet(content)
    fixed[3][HEADERS.index("NIK")] = nik(9)
    corrected = xlsx_file(tmp_path, fixed, name="diperbaiki.xlsx", sheet="Data penerima layanan")
    done = import_clients(corrected, world.operator)
    assert (done.status, done.created, done.problems) == ("succeeded", 3, [])
    assert Person.objects.filter(full_name="Budi Lain").exists()


def test_the_guide_describes_the_warnings_on_the_rows_the_duplicate_pairs_and_the_header_notes(tmp_path):
    world = people_world()
    headers = ["Nama", *HEADERS[1:]]
    path = clients_file(tmp_path, [boy_row(), adult_row(3), boy_row()], headers=headers)
    result = import_clients(path, world.operator, dry_run=True)

    guide = [row[0] for row in sheet_rows(report_of(path, result, "clients"), "Petunjuk")[:7]]

    assert guide[2].endswith("Dua baris yang duplikat sama-sama diberi pesan yang menyebut baris lainnya.")
    assert guide[3] == (
        "Sel kuning berisi peringatan: barisnya tetap dapat diimpor, tetapi periksa isinya. Peringatan sebuah baris "
        "tertulis di kolom “Kesalahan impor”, diawali “Peringatan”, dan semua peringatan terdaftar di lembar "
        "“Peringatan”."
    )
    assert guide[4].startswith("Catatan pada judul kolom (sel bersegitiga merah di baris judul")
    assert guide[5].startswith("Perbaiki isinya di lembar “Data penerima layanan”")


def test_region_code_parts_are_said_to_be_unread_without_a_hint_to_the_region_code(tmp_path, board_member):
    # Guard: DTKS's KD_KEL is not the full "Kode wilayah" (seventy-fourth review): no comment may hint it is.
    headers = ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "KD_KEL", "Umur"]
    path = xlsx_file(tmp_path, [headers, ["LKS Uji", "anak", "99.99", "001", "3"]])
    result = run(path, board_member, dry_run=True)

    notes = comments(report_of(path, result, "lks"))

    assert notes == {
        "D1": "Kolom ini tidak dibaca saat impor: isinya diabaikan.",
        "E1": "Kolom ini tidak dibaca saat impor: isinya diabaikan.",
    }


def test_the_report_a_job_stores_marks_both_rows_of_a_pair_and_notes_the_header(client, tmp_path):
    # Given an operator's upload of workers, one row repeated, one header of the office's own
    world = people_world()
    headers = ["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran", "Keterangan"]
    row = ["Hana Uji", "P", "psm", "Pengasuh", "-"]
    path = xlsx_file(tmp_path, [headers, row, ["Iwan Uji", "L", "psm", "Relawan", ""], row], sheet=WORKERS)
    with path.open("rb") as handle:
        job = import_job_create(
            actor=world.operator, entity_key="workers", file=File(handle), original_name="pekerja.xlsx", enqueue=False
        )
    import_job_run(job_id=job.pk)

    # When the operator downloads the job's report
    client.force_login(world.operator)
    content = b"".join(client.get(f"/exchange/imports/{job.pk}/report/").streaming_content)

    # Then both rows of the pair are marked, each naming the other, and the unread header has its note
    rows = data_sheet(content)
    assert rows[0][-1] == "Kesalahan impor"
    assert rows[1][-1] == "Baris 4 duplikat baris ini (lihat pesan di baris itu)."
    assert rows[3][-1].startswith("Baris ini duplikat baris 2")
    assert comments(content) == {"E1": "Kolom ini tidak dibaca saat impor: isinya diabaikan."}
