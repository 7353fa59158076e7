"""Findings of a review of the client and worker imports by a new user: the admission-date message, the PPKS column
named as the template names it, headers LKS lists use for the client's name, and a combined place-and-date-of-birth
column. Every name and NIK here is made up."""

import datetime
from pathlib import Path

import pytest

from sinergi.exchange.tests.conftest import csv_file, problems_of, run, xlsx_file
from sinergi.people.models import Person, Placement, Worker
from sinergi.people.nik import nik_compose
from sinergi.people.tests.factories import PersonFactory, PlacementFactory, people_world

pytestmark = pytest.mark.django_db

SHEET = "Data penerima layanan"
BORN = datetime.date(2014, 8, 17)
NIK = nik_compose(district_code="63.71.01", birth_date=BORN, sex="L", serial=1)
STORED_ADMISSION = datetime.date(2024, 4, 1)
FILE_ADMISSION = datetime.date(2024, 5, 1)
HEADERS = [
    "Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "Alasan NIK kosong", "Alasan KK kosong", "Kategori PPKS",
    "Bentuk layanan", "Tanggal masuk", "Nama ibu kandung",
]  # fmt: skip
SAME_ADMISSION_ADVICE = (
    "Bila baris ini tentang penempatan yang sama, samakan Tanggal masuk dengan yang tersimpan; bila yang tersimpan "
    "salah, ubah di halaman penerima layanan. Bila ia sudah keluar lalu masuk lagi, catat dulu Tanggal keluar "
    "penempatan yang tersimpan."
)


@pytest.fixture
def world():
    return people_world()


def client_row(headers=HEADERS, **changes) -> list:
    values = {
        "Nama lengkap": "Budi Contoh",
        "Jenis kelamin": "Laki-laki",
        "Tanggal lahir": BORN,
        "NIK": NIK,
        "Alasan NIK kosong": "",
        "Alasan KK kosong": "Tidak diketahui / belum diperoleh",
        "Kategori PPKS": "anak_telantar",
        "Bentuk layanan": "Dalam panti (residensial)",
        "Tanggal masuk": FILE_ADMISSION,
        "Nama ibu kandung": "Siti Contoh",
        **changes,
    }
    return [values.get(header, "") for header in headers]


def import_clients(tmp_path, rows, actor, *, headers=HEADERS, **kwargs):
    return run(xlsx_file(tmp_path, [headers, *rows], name="klien.xlsx", sheet=SHEET), actor, entity="clients", **kwargs)


def stored_boy(world, **fields) -> Person:
    person = PersonFactory(
        organisation=world.lks, full_name="Budi Contoh", birth_date=BORN, mother_name="Siti Contoh", **fields
    )
    PlacementFactory(person=person, admitted_on=STORED_ADMISSION)
    return person


def stored_rows():
    return list(Person.objects.order_by("pk").values()), list(Placement.objects.order_by("pk").values())


# ---------------------------------------------------------------------------------------------- 1. admission date


def test_a_stored_active_client_found_by_nik_with_another_admission_date_is_told_so_on_that_column(tmp_path, world):
    # given Budi, active at the LKS since 01-04-2024
    stored_boy(world, nik=NIK)
    before = stored_rows()

    # when a file gives him another admission date
    result = import_clients(tmp_path, [client_row()], world.operator)

    # then the row is refused on Tanggal masuk, naming both dates and what to do; nothing is written
    assert problems_of(result) == [
        (
            2,
            "Tanggal masuk",
            "01-05-2024",
            "Penerima layanan dengan NIK ini sudah terdaftar aktif di LKS ini dengan Tanggal masuk berbeda (tersimpan "
            f"01-04-2024, di file 01-05-2024). {SAME_ADMISSION_ADVICE}",
        )
    ]
    assert stored_rows() == before


def test_a_stored_active_client_found_by_name_with_another_admission_date_is_told_so_on_that_column(tmp_path, world):
    stored_boy(world, nik="", nik_missing_reason="unknown")
    before = stored_rows()

    result = import_clients(
        tmp_path, [client_row(NIK="", **{"Alasan NIK kosong": "Tidak diketahui / belum diperoleh"})], world.operator
    )

    assert problems_of(result) == [
        (
            2,
            "Tanggal masuk",
            "01-05-2024",
            "Penerima layanan dengan nama, tanggal lahir, dan nama ibu ini sudah terdaftar aktif di LKS ini dengan "
            f"Tanggal masuk berbeda (tersimpan 01-04-2024, di file 01-05-2024). {SAME_ADMISSION_ADVICE}",
        )
    ]
    assert stored_rows() == before


def test_the_same_row_with_the_stored_admission_date_is_unchanged(tmp_path, world):
    stored_boy(world, nik=NIK)
    before = stored_rows()

    result = import_clients(tmp_path, [client_row(**{"Tanggal masuk": STORED_ADMISSION})], world.operator)

    assert (result.status, result.unchanged) == ("succeeded", 1), problems_of(result)
    assert stored_rows() == before


# ---------------------------------------------------------------------------------------------- 3. PPKS columns


def test_a_client_file_without_either_ppks_column_names_both_as_the_template_does(tmp_path, world):
    headers = [h for h in HEADERS if h != "Kategori PPKS"]

    result = import_clients(tmp_path, [client_row(headers)], world.operator, headers=headers)

    assert result.status == "refused"
    assert result.message == (
        "Kolom wajib tidak ada: “Kategori PPKS (atau Kategori PPKS utama)”. Tambahkan kolom itu (lihat templat impor)."
    )
    assert [(p.column, p.message) for p in result.problems] == [
        ("Kategori PPKS (atau Kategori PPKS utama)", "Kolom wajib tidak ada.")
    ]
    assert Person.objects.count() == 0


@pytest.mark.parametrize("column", ["Kategori PPKS", "Kategori PPKS utama"])
def test_either_ppks_column_alone_is_enough(tmp_path, world, column):
    headers = [column if h == "Kategori PPKS" else h for h in HEADERS]

    result = import_clients(tmp_path, [client_row(headers, **{column: "anak_telantar"})], world.operator,
                            headers=headers)  # fmt: skip

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)


# ---------------------------------------------------------------------------------------------- 8. name headers


@pytest.mark.parametrize(
    "header", ["NAMA ANAK", "Nama Klien", "Nama Penerima Manfaat", "Nama PM", "Nama Lengkap Anak", "Nama Lansia"]
)
def test_headers_lks_lists_use_for_the_clients_name_are_read_as_nama_lengkap(tmp_path, world, header):
    headers = [header if h == "Nama lengkap" else h for h in HEADERS]

    result = import_clients(tmp_path, [client_row(headers, **{header: "Budi Contoh"})], world.operator,
                            headers=headers)  # fmt: skip

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    assert Person.objects.get().full_name == "Budi Contoh"


@pytest.mark.parametrize("header", ["NAMA PETUGAS", "Nama Pegawai", "Nama Pendamping"])
def test_headers_for_a_workers_name_are_read_as_nama_lengkap(tmp_path, world, header):
    headers = [header, "Jenis kelamin", "Kategori PSKS", "Peran"]
    path = xlsx_file(tmp_path, [headers, ["Rina Contoh", "P", "lks", "Pengasuh"]], sheet="Data pekerja")

    result = run(path, world.operator, entity="workers")

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    assert Worker.objects.get().full_name == "Rina Contoh"


# ---------------------------------------------------------------------------------------------- 9. TTL column


CLIENT_TTL_WARNING = (
    "Kolom “%s” menggabungkan beberapa isian dalam satu sel, jadi tidak dibaca: “Tempat lahir”, “Tanggal lahir” "
    "tidak ikut diimpor. Sebelum mengimpor, pisahkan kolom itu menjadi “Tempat lahir”, “Tanggal lahir” (di Excel: "
    "Data › Teks ke Kolom, pemisah koma), lalu unggah lagi."
)


@pytest.mark.parametrize("header", ["TEMPAT, TGL LAHIR", "Tempat/Tanggal Lahir", "TTL", "Tempat & Tgl. Lahir"])
def test_a_combined_place_and_date_of_birth_column_is_named_in_a_warning_not_only_ignored(tmp_path, world, header):
    headers = [header if h == "Tanggal lahir" else h for h in HEADERS]

    result = import_clients(
        tmp_path, [client_row(headers, **{header: "Banjarmasin, 17-08-2014"})], world.operator, headers=headers,
        dry_run=True,
    )  # fmt: skip

    assert result.status == "checked", problems_of(result)
    # (the row's own warning, consent not recorded, is left aside)
    header_warnings = [(w.row, w.column, w.message) for w in result.warnings if w.row == 1]
    assert header_warnings == [(1, header, CLIENT_TTL_WARNING % header)]
    assert not any(header in notice for notice in result.notices)


def test_a_combined_column_beside_the_separate_ones_is_only_an_ignored_column(tmp_path, world):
    headers = [*HEADERS, "Tempat lahir", "TTL"]

    result = import_clients(
        tmp_path, [client_row(headers, **{"Tempat lahir": "Banjarmasin", "TTL": "Banjarmasin, 17-08-2014"})],
        world.operator, headers=headers, dry_run=True,
    )  # fmt: skip

    assert result.status == "checked", problems_of(result)
    assert [w for w in result.warnings if w.row == 1] == []
    assert "Kolom yang tidak dikenal diabaikan: “TTL”." in result.notices


def test_a_workers_file_with_a_combined_column_is_warned_about_its_birth_date(tmp_path, world):
    headers = ["Nama lengkap", "Jenis kelamin", "Tempat, Tanggal Lahir", "Kategori PSKS", "Peran"]
    path = xlsx_file(
        tmp_path, [headers, ["Rina Contoh", "P", "Banjarmasin, 17-05-1985", "lks", "Pengasuh"]], sheet="Data pekerja"
    )

    result = run(path, world.operator, entity="workers", dry_run=True)

    assert result.status == "checked", problems_of(result)
    assert [(w.row, w.column, w.message) for w in result.warnings] == [
        (
            1,
            "Tempat, Tanggal Lahir",
            "Kolom “Tempat, Tanggal Lahir” menggabungkan beberapa isian dalam satu sel, jadi tidak dibaca: “Tanggal "
            "lahir” tidak ikut diimpor. Sebelum mengimpor, pisahkan kolom itu menjadi “Tanggal lahir” (di Excel: "
            "Data › Teks ke Kolom, pemisah koma), lalu unggah lagi.",
        )
    ]
    assert Worker.objects.count() == 0


def title_over_two(tmp_path, title: str, place: str, born, *, sheet: str = SHEET, headers=HEADERS, row=None) -> Path:
    """A one-row header whose place-and-date title is merged over two columns, the place under its left half and
    the date under its right, in place of "Tanggal lahir"."""
    import xlsxwriter

    at = headers.index("Tanggal lahir")
    titles = [*headers[:at], title, "", *headers[at + 1 :]]
    values = row if row is not None else client_row(headers)
    path = tmp_path / "ttl.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet_ = book.add_worksheet(sheet)
    sheet_.write_row(0, 0, titles)
    sheet_.merge_range(0, at, 0, at + 1, title)
    date = book.add_format({"num_format": "dd-mm-yyyy"})
    for column, value in enumerate([*values[:at], place, born, *values[at + 1 :]]):
        if isinstance(value, datetime.date):
            sheet_.write_datetime(1, column, datetime.datetime.combine(value, datetime.time()), date)
        else:
            sheet_.write(1, column, value)
    book.close()
    return path


@pytest.mark.parametrize("title", ["Tempat, Tanggal Lahir", "TTL"])
def test_a_place_and_date_title_merged_over_two_columns_reads_the_place_and_the_date(tmp_path, world, title):
    # A review found the date's column refused as a column without a header, and the advice to split a column that
    # was already split.
    result = run(title_over_two(tmp_path, title, "Banjarmasin", BORN), world.operator, entity="clients")

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result) or result.message
    person = Person.objects.get(full_name="Budi Contoh")
    assert (person.birth_place, person.birth_date) == ("Banjarmasin", BORN)
    assert (
        f"Judul “{title}” melebar di dua kolom: kolom C sebagai “Tempat lahir”, kolom D sebagai “Tanggal lahir”."
        in (result.notices)
    )
    assert not any("menggabungkan" in w.message for w in result.warnings)


def test_both_parts_written_in_the_left_half_of_a_merged_title_are_refused_not_stored_as_the_place(tmp_path, world):
    path = title_over_two(tmp_path, "Tempat, Tanggal Lahir", "Banjarmasin, 17-08-2014", "")

    result = run(path, world.operator, entity="clients")

    assert result.status == "refused"
    assert [p.column for p in result.problems] == ["Tempat lahir"]
    assert Person.objects.count() == 0


def test_a_place_and_date_title_over_two_columns_beside_a_date_column_stays_a_warning(tmp_path, world):
    headers = [*HEADERS, "Tgl. Lahir"]
    path = title_over_two(tmp_path, "TTL", "Banjarmasin", BORN, headers=headers, row=client_row(headers, **{
        "Tgl. Lahir": BORN}))  # fmt: skip

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert not any("melebar" in notice for notice in result.notices)


def test_a_workers_place_and_date_title_over_two_columns_reads_the_date_and_names_the_place_left_out(tmp_path, world):
    headers = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "Kategori PSKS", "Peran"]
    row = ["Rina Contoh", "P", "", "lks", "Pengasuh"]
    path = title_over_two(tmp_path, "Tempat, Tanggal Lahir", "Banjarmasin", datetime.date(1985, 5, 17),
                          sheet="Data pekerja", headers=headers, row=row)  # fmt: skip

    result = run(path, world.operator, entity="workers")

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result) or result.message
    assert Worker.objects.get().birth_date == datetime.date(1985, 5, 17)
    assert "Judul “Tempat, Tanggal Lahir” melebar di dua kolom: kolom D sebagai “Tanggal lahir”." in result.notices
    assert "Kolom yang tidak dikenal diabaikan: “Tempat, Tanggal Lahir (C)”." in result.notices


def office_table(tmp_path, group: str, *, merged_down: bool) -> Path:
    """A table as Indonesian offices draw it: "No", a group title merged over "Tempat" | "Tanggal" on the second
    row, every other title on the first row (merged down over both rows, or alone above an empty cell)."""
    import xlsxwriter

    titles = ["No", "Nama lengkap", "Jenis kelamin", group, "", "NIK", "Alasan KK kosong", "Kategori PPKS",
              "Bentuk layanan", "Tanggal masuk", "Nama ibu kandung"]  # fmt: skip
    path = tmp_path / "kantor.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet(SHEET)
    for column, title in enumerate(titles):
        if column in (3, 4):
            continue
        if merged_down:
            sheet.merge_range(0, column, 1, column, title)
        else:
            sheet.write(0, column, title)
    sheet.merge_range(0, 3, 0, 4, group)
    sheet.write_row(1, 3, ["Tempat", "Tanggal"])
    date = book.add_format({"num_format": "dd-mm-yyyy"})
    values = client_row(HEADERS)
    row = dict(zip(HEADERS, values, strict=True))
    sheet.write_row(2, 0, [1, row["Nama lengkap"], row["Jenis kelamin"], "Banjarmasin"])
    sheet.write_datetime(2, 4, datetime.datetime.combine(BORN, datetime.time()), date)
    sheet.write_row(2, 5, [row["NIK"], row["Alasan KK kosong"], row["Kategori PPKS"], row["Bentuk layanan"]])
    sheet.write_datetime(2, 9, datetime.datetime.combine(FILE_ADMISSION, datetime.time()), date)
    sheet.write(2, 10, row["Nama ibu kandung"])
    book.close()
    return path


@pytest.mark.parametrize("merged_down", [False, True], ids=["titles-above-empty-cells", "titles-merged-down"])
@pytest.mark.parametrize("group", ["Kelahiran", "Lahir", "Tempat, Tanggal Lahir", "TTL"])
def test_place_and_date_under_a_birth_group_are_read_as_the_birth_place_and_date(tmp_path, world, group, merged_down):
    # A review found both dropped without a word under "Kelahiran" (read as "Kelahiran Tanggal", matching nothing),
    # and, with the titles merged down, the second title row read as a row of data.
    result = run(office_table(tmp_path, group, merged_down=merged_down), world.operator, entity="clients")

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result) or result.message
    person = Person.objects.get(full_name="Budi Contoh")
    assert (person.birth_place, person.birth_date) == ("Banjarmasin", BORN)
    assert "Judul kolom dibaca dari dua baris (1 dan 2)." in result.notices
    assert not any("menggabungkan" in w.message for w in result.warnings)
    assert not any("“No”" in notice for notice in result.notices)  # a numbering column is not news


def test_a_line_break_or_a_run_of_spaces_inside_a_name_is_one_space_while_notes_keep_their_lines(tmp_path, world):
    headers = [*HEADERS, "Catatan"]
    row = client_row(headers, **{"Nama lengkap": "  Nur\nHalimah   Contoh ", "Nama ibu kandung": "Siti\tContoh",
                                 "Catatan": "Baris satu\nBaris dua"})  # fmt: skip

    result = import_clients(tmp_path, [row], world.operator, headers=headers)

    assert result.status == "succeeded", problems_of(result)
    person = Person.objects.get()
    assert (person.full_name, person.mother_name, person.notes) == (
        "Nur Halimah Contoh", "Siti Contoh", "Baris satu\nBaris dua",
    )  # fmt: skip


def test_a_problem_of_a_column_the_file_lacks_is_shown_on_its_own_column_or_names_the_missing_one(tmp_path, world):
    # A file with "Kategori" (the list of categories) but no "Kategori PPKS utama", and a KK number column without
    # the reason column: an empty category and an empty KK must not be reported under headers the file lacks alone.
    headers = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "No KK", "Kategori", "Bentuk layanan",
               "Tanggal masuk", "Nama ibu kandung"]  # fmt: skip
    row = client_row(headers, **{"Kategori": "", "No KK": ""})

    result = import_clients(tmp_path, [row], world.operator, headers=headers, dry_run=True)

    problems = {(p.column, p.message) for p in result.problems}
    assert ("Kategori", "Pilih paling sedikit satu kategori PPKS.") in problems
    assert (
        "No KK",
        "Isi nomor KK atau pilih alasannya bila tidak ada. Kolom “Alasan KK kosong” tidak ada di file ini: tambahkan "
        "bila perlu.",
    ) in problems


def test_no_category_at_all_is_reported_on_the_list_of_categories_the_template_asks_for(tmp_path, world):
    both = [*HEADERS, "Kategori PPKS utama"]
    main_only = [h if h != "Kategori PPKS" else "Kategori PPKS utama" for h in HEADERS]
    rows = {
        "both": client_row(both, **{"Kategori PPKS": "", "Kategori PPKS utama": ""}),
        "main_only": client_row(main_only, **{"Kategori PPKS utama": ""}),
    }
    with_both = import_clients(tmp_path, [rows["both"]], world.operator, headers=both, dry_run=True)
    with_main = import_clients(tmp_path, [rows["main_only"]], world.operator, headers=main_only, dry_run=True)
    message = "Pilih paling sedikit satu kategori PPKS."
    assert [(p.column, p.message) for p in with_both.problems] == [("Kategori PPKS", message)]
    assert [(p.column, p.message) for p in with_main.problems] == [("Kategori PPKS utama", message)]


def test_a_consent_filled_in_part_says_the_five_columns_go_together(tmp_path, world):
    consent = ["Persetujuan oleh", "Nama pemberi persetujuan", "Tanggal persetujuan", "Dasar pemrosesan",
               "Cakupan persetujuan"]  # fmt: skip
    headers = [*HEADERS, *consent]
    row = client_row(
        headers,
        **{"Persetujuan oleh": "Orang tua", "Nama pemberi persetujuan": "Siti Contoh",
           "Tanggal persetujuan": FILE_ADMISSION, "Dasar pemrosesan": "Persetujuan yang sah"},
    )  # fmt: skip
    result = import_clients(tmp_path, [row], world.operator, headers=headers, dry_run=True)
    assert [(p.column, p.message) for p in result.problems] == [
        (
            "Cakupan persetujuan",
            "Cakupan persetujuan wajib diisi. Persetujuan dicatat lengkap: isi kelima kolom persetujuan, atau "
            "kosongkan semuanya.",
        )
    ]


def test_a_consent_with_one_column_filled_gets_one_message_naming_the_others(tmp_path, world):
    consent = ["Persetujuan oleh", "Nama pemberi persetujuan", "Tanggal persetujuan", "Dasar pemrosesan",
               "Cakupan persetujuan"]  # fmt: skip
    headers = [*HEADERS, *consent]
    row = client_row(headers, **{"Nama pemberi persetujuan": "Siti Contoh"})
    result = import_clients(tmp_path, [row], world.operator, headers=headers, dry_run=True)
    assert [(p.column, p.message) for p in result.problems] == [
        (
            "Persetujuan oleh",
            "Persetujuan belum lengkap: isi juga “Persetujuan oleh”, “Tanggal persetujuan”, “Dasar pemrosesan”, "
            "“Cakupan persetujuan”, atau kosongkan kelima kolom persetujuan.",
        )
    ]


@pytest.mark.parametrize("header", ["Umur", "USIA (Th)", "Umur (tahun)"])
def test_an_age_column_in_place_of_the_birth_date_is_said_not_guessed_from(tmp_path, world, header):
    headers = [header if h == "Tanggal lahir" else h for h in HEADERS]

    result = import_clients(tmp_path, [client_row(headers, **{header: 11})], world.operator, headers=headers)

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    assert Person.objects.get().birth_date is None
    assert (
        f"Kolom “{header}” tidak dibaca: umur berubah setiap tahun, jadi yang disimpan adalah tanggal lahir, dan "
        "tanggal lahir tidak ditebak dari umur. Bila tanggal lahirnya diketahui, tambahkan kolom “Tanggal lahir”."
    ) in result.notices
    assert not any("tidak dikenal" in notice for notice in result.notices)


def test_an_age_column_beside_the_birth_date_is_only_an_unknown_column(tmp_path, world):
    headers = [*HEADERS, "Umur"]

    result = import_clients(tmp_path, [client_row(headers, Umur=11)], world.operator, headers=headers, dry_run=True)

    assert "Kolom yang tidak dikenal diabaikan: “Umur”." in result.notices


def test_a_csv_saved_from_a_sheet_with_the_place_and_date_title_merged_reads_both(tmp_path, world):
    # Excel saves the merged title as "Tempat, Tanggal Lahir" and an empty cell; the dates stand under the empty one.
    at = HEADERS.index("Tanggal lahir")
    titles = [*HEADERS[:at], "Tempat, Tanggal Lahir", "", *HEADERS[at + 1 :]]
    values = client_row(HEADERS)
    path = csv_file(tmp_path, [titles, [*values[:at], "Banjarmasin", BORN.strftime("%d-%m-%Y"), *values[at + 1 :]]])

    result = run(path, world.operator, entity="clients")

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result) or result.message
    person = Person.objects.get(full_name="Budi Contoh")
    assert (person.birth_place, person.birth_date) == ("Banjarmasin", BORN)
    assert (
        "Judul “Tempat, Tanggal Lahir” melebar di dua kolom: kolom C sebagai “Tempat lahir”, kolom D sebagai "
        "“Tanggal lahir”." in result.notices
    )


def test_a_csv_with_place_and_date_in_one_cell_beside_an_empty_column_keeps_the_warning(tmp_path, world):
    at = HEADERS.index("Tanggal lahir")
    titles = [*HEADERS[:at], "Tempat, Tanggal Lahir", "", *HEADERS[at + 1 :]]
    values = client_row(HEADERS)
    path = csv_file(tmp_path, [titles, [*values[:at], "Banjarmasin, 17-08-2014", "", *values[at + 1 :]]])

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert not any("melebar" in notice for notice in result.notices)
    assert any("menggabungkan" in w.message for w in result.warnings)


def test_a_childs_origin_given_by_a_papua_code_alone_is_read_with_a_warning_of_the_2022_recoding(tmp_path, world):
    from sinergi.regions.services import region_tree_load

    region_tree_load(provinces=["91"])
    headers = [*HEADERS, "Kode desa asal"]
    path = xlsx_file(tmp_path, [headers, client_row(headers, **{"Kode desa asal": "91.71.01.1001"})], sheet=SHEET)

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert result.status == "checked", problems_of(result)
    [warning] = [w for w in result.warnings if "pemekaran 2022" in w.message]
    assert (warning.row, warning.column) == (2, "Kode desa asal")
    assert warning.message.startswith("Kode 91.71.01.1001 dibaca sebagai ")
