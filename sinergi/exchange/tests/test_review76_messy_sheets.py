"""Lists a children's home keeps by hand (seventy-sixth review, messy spreadsheets from kabupaten offices): a total
row whose "No" column counts the rows above it, a category merged down over more rows than the children it
names, and a signature block as offices write it are the table's furniture, not people to register."""

import datetime

import pytest
import xlsxwriter

from sinergi.exchange.tests.conftest import csv_file, run
from sinergi.people.models import Person, Placement
from sinergi.people.tests.test_exchange import BOY, GIRL, NIK_BOY, NIK_GIRL, world  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

HEADER = ["No", "Nama Lengkap", "L/P", "Tanggal Lahir", "NIK", "Alasan KK kosong", "Kategori PPKS",
          "Bentuk layanan", "Tanggal masuk"]  # fmt: skip
ADMITTED = datetime.date(2024, 1, 15)
BUDI = [1, "Budi Contoh", "L", BOY, NIK_BOY, "Belum dibuat", "Anak Terlantar", "Dalam panti", ADMITTED]
ANI = [2, "Ani Contoh", "P", GIRL, NIK_GIRL, "Belum dibuat", "Anak Terlantar", "Dalam panti", ADMITTED]


def workbook(path, rows, *, merges=()) -> None:
    """An .xlsx as a clerk leaves it: a ("=formula", result) tuple is a formula with its cached result, a merge is
    (first row, column, last row, value), 0-based."""
    book = xlsxwriter.Workbook(path, {"strings_to_numbers": False, "strings_to_formulas": False})
    date = book.add_format({"num_format": "dd-mm-yyyy"})
    sheet = book.add_worksheet("Anak Asuh 2025")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, tuple):
                sheet.write_formula(r, c, value[0], None, value[1])
            elif isinstance(value, datetime.date):
                sheet.write_datetime(r, c, value, date)
            elif value is not None:
                sheet.write(r, c, value)
    for first, column, last, value in merges:
        sheet.merge_range(first, column, last, column, value)
    book.close()


def test_a_total_row_whose_no_column_counts_the_children_is_skipped_not_read_as_a_child(tmp_path, world):  # noqa: F811
    # "=COUNTA(B2:B3)" in the "No" column beside "JUMLAH": refused before as a child without sex, dates or service
    path = tmp_path / "anak.xlsx"
    workbook(path, [HEADER, BUDI, ANI, [("=COUNTA(B2:B3)", 2), "JUMLAH"]])

    result = run(path, world.operator, entity="clients")

    assert (result.status, result.created, result.problems) == ("succeeded", 2, [])
    assert "Baris 4 berisi jumlah/total, bukan data, dan dilewati." in result.notices
    assert sorted(Person.objects.values_list("full_name", flat=True)) == ["Ani Contoh", "Budi Contoh"]


def test_a_csv_total_line_with_its_count_first_is_skipped(tmp_path, world):  # noqa: F811
    text_rows = [[cell.strftime("%d-%m-%Y") if isinstance(cell, datetime.date) else cell for cell in row]
                 for row in (BUDI, ANI)]  # fmt: skip
    path = csv_file(tmp_path, [HEADER, *text_rows, ["2", "Jumlah", "L: 1, P: 1"]], delimiter=";")

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert (result.status, result.created, result.problems) == ("checked", 2, [])
    assert "Baris 4 berisi jumlah/total, bukan data, dan dilewati." in result.notices


def test_a_numbered_child_whose_name_begins_with_a_total_word_is_still_a_child(tmp_path, world):  # noqa: F811
    # A guard (passes either way): a number before "Total…" makes a total only when the rest is counts.
    path = tmp_path / "anak.xlsx"
    workbook(path, [HEADER, BUDI, [3, "Total Simanjuntak", *ANI[2:]]])

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert (result.status, result.created, result.problems) == ("checked", 2, [])
    assert not any("jumlah/total" in notice for notice in result.notices)


def test_a_category_merged_down_past_the_last_child_makes_no_child_of_the_rows_left_empty(tmp_path, world):  # noqa: F811
    # "Anak Terlantar" merged over rows 2-6, numbered in advance; row 3 left blank, rows 5 and 6 not yet filled
    budi, ani = [*BUDI[:6], None, *BUDI[7:]], [3, *ANI[1:6], None, *ANI[7:]]
    path = tmp_path / "anak.xlsx"
    workbook(path, [HEADER, budi, [], ani, [4], [5]], merges=[(1, 6, 5, "Anak Terlantar")])

    result = run(path, world.operator, entity="clients")

    assert (result.status, result.created, result.problems) == ("succeeded", 2, [])
    assert "Baris 5, 6 hanya berisi isian di kolom yang tidak dibaca, jadi dilewati." in result.notices
    # each child below the merge still has its category
    assert Placement.objects.count() == 2
    for person in Person.objects.all():
        assert [c.code for c in person.ppks_categories.all()] == ["anak_telantar"], person.full_name


WORKERS = ["No", "Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran", "Telepon"]
STAFF = [
    [1, "Ttd Satu", "L", "lks", "Relawan", "0812-1111-0001"],
    [2, "Ttd Dua", "P", "lks", "Pengasuh", "0812-1111-0002"],
]
# Signature blocks as offices write them, under the table with no total row above them. Each of these broke the
# block: the rows above the line not recognised were read as workers and refused, four problems a row.
FEET = {
    "titles ending in a comma, a second signatory": [
        ["", "", "", "", "Banjarmasin, 17 Agustus 2025"],
        ["", "Mengetahui,", "", "", "Yang membuat,"],
        ["", "Kepala Dinas Sosial", "", "", "Ketua LKSA Harapan"],
        ["", "Kota Banjarmasin,"],
        [],
        ["", "Drs. H. AHMAD SYARIF, M.Si", "", "", "SITI AMINAH, S.Sos"],
        ["", "Pembina Tk. I"],
        ["", "NIP. 19700101 199003 1 001"],
    ],
    "the date in a cell of its own, the name in brackets": [
        ["", "", "", "", "Banjarmasin,", datetime.date(2025, 8, 17)],
        ["", "", "", "", "Ketua LKSA Harapan"],
        [],
        ["", "", "", "", "( SITI AMINAH )"],
    ],
    "an English date from =TODAY(), a name yet to be written": [
        ["", "", "", "", ('="Banjarmasin, "&TEXT(TODAY(),"dd mmmm yyyy")', "Banjarmasin, 17 August 2025")],
        ["", "", "", "", "Pengelola LKSA"],
        ["", "", "", "", "(..............................)"],
    ],
    "a source line": [[], ["", "Sumber: Dinas Sosial Kota Banjarmasin"]],
    "the day left blank to be written by hand": [
        ["", "", "", "", "Banjarmasin, ........ Agustus 2025"],
        ["", "", "", "", "Ketua LKSA Harapan,"],
        [],
        ["", "", "", "", "SITI AMINAH"],
    ],
    "tgl before the day": [
        ["", "", "", "", "Banjarmasin, tgl 17 Agustus 2025"],
        ["", "", "", "", "Ketua"],
        ["", "", "", "", "ttd"],
        ["", "", "", "", "Siti Aminah"],
    ],
}


@pytest.mark.parametrize("foot", list(FEET))
def test_a_signature_block_as_offices_write_it_is_skipped_and_named(tmp_path, world, foot):  # noqa: F811
    path = tmp_path / "pekerja.xlsx"
    workbook(path, [["DAFTAR PEKERJA LKSA HARAPAN TAHUN 2025"], [], WORKERS, *STAFF, *FEET[foot]])

    result = run(path, world.operator, entity="workers", dry_run=True)

    assert (result.status, result.created, result.problems) == ("checked", 2, [])
    notice = next(n for n in result.notices if n.startswith("Baris di akhir tabel"))
    assert f"{5 + len(FEET[foot])} (" in notice  # down to the block's last row


def test_a_last_row_with_a_name_and_a_date_cell_is_a_record_not_a_signature(tmp_path, world):  # noqa: F811
    # A guard (passes either way): a date cell belongs to a foot only after its place ("Banjarmasin,").
    path = tmp_path / "pekerja.xlsx"
    workbook(path, [WORKERS, *STAFF, ["", "Rina Wati", "", "", "Pengasuh", datetime.date(2025, 8, 17)]])

    result = run(path, world.operator, entity="workers", dry_run=True)

    assert result.status == "refused"
    assert {p.row for p in result.problems} == {4}


def test_an_lks_list_with_its_capacity_summed_in_the_no_column_goes_through_the_upload_page(
    client, board_member, tmp_path, django_capture_on_commit_callbacks
):
    # The upload page runs the same check: the total row is named, not refused as an LKS without a name or service.
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sinergi.exchange.models import ImportJob, ImportStatus

    header = ["No.", "Nama LKS", "Jenis layanan utama", "Kode wilayah", "Kapasitas (orang)"]
    path = tmp_path / "lks.xlsx"
    workbook(
        path,
        [
            ["DATA LKS KOTA BANJARMASIN TAHUN 2025"],
            [],
            header,
            [1, "LKSA Mawar Uji", "anak", "63.71.01.1001", 20],
            [2, "LKSA Melati Uji", "anak", "63.71.01.1001", 15],
            [("=COUNTA(B4:B5)", 2), "JUMLAH", "", "", ("=SUM(E4:E5)", 35)],
        ],
    )
    client.force_login(board_member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/exchange/", {"entity": "lks", "file": SimpleUploadedFile("lks.xlsx", path.read_bytes())})

    job = ImportJob.objects.get()
    assert (job.status, job.created_count) == (ImportStatus.CHECKED, 2)
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()
    assert "Baris 6 berisi jumlah/total, bukan data, dan dilewati." in page


def test_a_child_whose_note_says_they_left_or_died_is_warned_about_before_being_registered_as_served(
    tmp_path,
    world,  # noqa: F811
):
    # A home's own list keeps its leavers with a word in "Keterangan"; without a discharge date the import would count
    # them as served today, without a word.
    path = tmp_path / "anak.xlsx"
    workbook(
        path, [[*HEADER, "Keterangan"], [*BUDI, "Keluar Juni 2025 (kembali ke keluarga)"], [*ANI, "Meninggal dunia"]]
    )

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert (result.status, result.created, result.problems) == ("checked", 2, [])
    left = {(w.row, w.column, w.value): w.message for w in result.warnings if w.column == "Keterangan"}
    assert list(left) == [
        (2, "Keterangan", "Keluar Juni 2025 (kembali ke keluarga)"),
        (3, "Keterangan", "Meninggal dunia"),
    ]
    assert left[3, "Keterangan", "Meninggal dunia"] == (
        "Kolom “Keterangan” baris ini menyebut “Meninggal dunia”, tetapi “Tanggal keluar” kosong: penerima layanan "
        "ini akan dicatat masih dilayani dan dihitung begitu. Bila ia sudah keluar atau meninggal, isi “Tanggal "
        "keluar” dan alasan keluarnya; bila tidak, abaikan peringatan ini."
    )


def test_notes_that_say_nothing_of_leaving_or_a_leaver_with_a_discharge_date_get_no_such_warning(
    tmp_path,
    world,  # noqa: F811
):
    # A guard (passes either way): "Pindahan dari …" and "keluarga" are not leaving; a discharge date says it already.
    path = tmp_path / "anak.xlsx"
    header = [*HEADER, "Tanggal keluar", "Alasan keluar", "Keterangan"]
    budi = [*BUDI, None, None, "Pindahan dari LKSA Kasih, keluarga tidak mampu"]
    ani = [*ANI, datetime.date(2025, 6, 30), "Kembali ke keluarga", "Keluar Juni 2025"]
    workbook(path, [header, budi, ani])

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert result.status == "checked", [p.message for p in result.problems]
    assert not [w for w in result.warnings if w.column == "Keterangan"]


@pytest.mark.parametrize(
    ("headings", "rows"),
    [
        (
            "a group's title alone in the name column",
            [HEADER, ["", "PUTRA"], BUDI, ["", "Jumlah Putra", 1], [], ["", "DAFTAR ANAK PUTRI"], ANI],
        ),
        ("a roman numeral in the No column", [HEADER, ["I.", "ANAK YATIM"], BUDI, ["II.", "ANAK TELANTAR"], ANI]),
    ],
)
def test_a_groups_title_between_the_children_is_skipped_as_a_section(tmp_path, world, headings, rows):  # noqa: F811
    # Refused before as a child with a name and nothing else (six problems on the title's row).
    path = tmp_path / "anak.xlsx"
    workbook(path, rows)

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert (result.status, result.created, result.problems) == ("checked", 2, [])
    assert any(
        n.endswith("berisi judul bagian (mis. “A. ANAK DALAM PANTI”), bukan data, dan dilewati.")
        for n in result.notices
    )


@pytest.mark.parametrize("name", ["BUDI SANTOSO", "PUTRI AYU"])
def test_a_name_in_capitals_alone_in_its_row_is_still_a_record(tmp_path, world, name):  # noqa: F811
    # A guard (passes either way): a record whose other cells are not filled in yet is refused, never skipped.
    path = tmp_path / "anak.xlsx"
    workbook(path, [HEADER, BUDI, [3, name], ANI])

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert result.status == "refused"
    assert {p.row for p in result.problems} == {3}


def test_a_category_merged_down_the_whole_column_is_given_to_the_children_and_named_up_to_the_last_row(
    tmp_path,
    world,  # noqa: F811
):
    # "Merge & Center" on the whole column G: the merge reaches row 1,048,576 (edited into the sheet's XML, as Excel
    # writes it). Before, the check kept a million rows' worth of merged cells (~300 MB, 0.6 s more for two
    # children) and the notice said "baris 2–1048576".
    import zipfile

    source, path = tmp_path / "source.xlsx", tmp_path / "anak.xlsx"
    workbook(source, [HEADER, BUDI, [*ANI[:6], None, *ANI[7:]]], merges=[(1, 6, 2, "Anak Terlantar")])
    with zipfile.ZipFile(source) as inside, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in inside.infolist():
            data = inside.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert b'ref="G2:G3"' in data
                data = data.replace(b'ref="G2:G3"', b'ref="G2:G1048576"')
            out.writestr(item, data)

    result = run(path, world.operator, entity="clients")

    assert (result.status, result.created, result.problems) == ("succeeded", 2, [])
    assert "Sel gabungan (merge) di baris 2–3: isinya dipakai untuk setiap baris yang digabung." in result.notices
    for person in Person.objects.all():
        assert [c.code for c in person.ppks_categories.all()] == ["anak_telantar"], person.full_name
