"""Spreadsheets shaped the way children's homes (LKSA) keep them: their column names, their subtotal rows, their
dates known only by year, their "Yatim" categories, their staff lists without a "works with children" column, and
their own "Status" column."""

import datetime

import pytest

from sinergi.exchange import values as v
from sinergi.exchange.columns import get_entity
from sinergi.exchange.pipeline import header_column, header_index
from sinergi.exchange.tests.conftest import problems_of, run, xlsx_file
from sinergi.people.models import Person
from sinergi.people.tests.test_exchange import (
    ADMITTED,
    BOY,
    HEADERS,
    NIK_BOY,
    SHEET,
    boy_row,
    clients_file,
    girl_row,
    import_clients,
    world,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.django_db


# ---------------------------------------------------------------------------------------------- #10 column names


@pytest.mark.parametrize(
    ("entity", "written", "column"),
    [
        ("clients", "Nama Anak Asuh", "full_name"),
        ("clients", "NAMA ANAK ASUH", "full_name"),
        ("clients", "Nama Anak Binaan", "full_name"),
        ("clients", "Nama Santri", "full_name"),
        ("clients", "Nama Siswa", "full_name"),
        ("clients", "Tgl. Masuk LKSA", "admitted_on"),
        ("clients", "Tanggal Masuk LKSA", "admitted_on"),
        ("clients", "Tgl Masuk Panti", "admitted_on"),
        ("clients", "Ket.", "notes"),
        ("clients", "Ket", "notes"),
        ("clients", "NIK Anak", "nik"),
        # The father's name is kept (Nama ayah), as the mother's is: written as "Nama Ibu Kandung" is, it is read.
        ("clients", "Nama Ayah Kandung", "father_name"),
        ("workers", "Nama Pengurus", "full_name"),
        ("workers", "Nama Staf", "full_name"),
        ("workers", "Nama Pegawai", "full_name"),
        ("workers", "Jabatan di Panti", "job_title"),
        ("workers", "No. HP/WA", "phone"),
        ("workers", "No. WA", "phone"),
        ("workers", "No WA", "phone"),
        ("workers", "WhatsApp", "phone"),
        ("workers", "Mulai Bekerja", "started_on"),
        ("workers", "Tahun Mulai Bertugas", "started_on"),
    ],
)
def test_the_column_names_of_lksa_lists_are_read(entity, written, column):
    known = header_index(get_entity(entity))
    found = header_column(written, known)
    assert found is not None and found.key == column


@pytest.mark.parametrize(
    ("entity", "written"),
    [
        # Someone else's name, or a field the worker has not: left unknown rather than read as the person's.
        ("clients", "Nama Ibu Kandung Wali"),
        ("clients", "NIK Ayah"),
        ("workers", "Keterangan"),
        ("workers", "Nama Ayah"),
    ],
)
def test_headers_of_fields_we_do_not_keep_stay_unknown(entity, written):
    known = header_index(get_entity(entity))
    assert header_column(written, known) is None


def test_a_childrens_home_list_with_its_own_column_names_imports(tmp_path, world):  # noqa: F811
    headers = ["No", "Nama Anak Asuh", "L/P", "Tgl. Lahir", "NIK Anak", "Alasan KK kosong", "Nama Ibu Kandung",
               "Kategori PPKS", "Bentuk Layanan", "Tgl. Masuk LKSA", "Ket."]  # fmt: skip
    row = [1, "Budi Contoh", "L", BOY, NIK_BOY, "Belum dibuat", "Siti Contoh", "Anak Telantar", "Dalam panti",
           ADMITTED, "Yatim"]  # fmt: skip
    path = xlsx_file(tmp_path, [headers, row], name="lksa.xlsx", sheet=SHEET)

    result = import_clients(path, world.operator)

    assert (result.status, result.created, result.problems) == ("succeeded", 1, [])
    assert not [n for n in result.notices if "tidak dikenal" in str(n)]
    person = Person.objects.get()
    assert (person.full_name, person.notes) == ("Budi Contoh", "Yatim")


def test_a_required_column_under_a_name_we_do_not_know_is_to_be_renamed_not_added(tmp_path, world):  # noqa: F811
    # "Nama Murid Asuh" and "Tanggal Masuk Asrama" are the name and the admission under words of their own
    headers = ["Nama Murid Asuh", *HEADERS[1:7], "Tanggal Masuk Asrama", HEADERS[8]]
    path = clients_file(tmp_path, [boy_row()], headers=headers)

    result = import_clients(path, world.operator, dry_run=True)

    assert result.status == "refused"
    assert result.message == (
        "Kolom wajib tidak ada: “Nama lengkap”, “Tanggal masuk”. Ubah judul “Nama Murid Asuh” menjadi “Nama "
        "lengkap”, “Tanggal Masuk Asrama” menjadi “Tanggal masuk” (lihat templat impor)."
    )
    assert (
        "Kolom yang tidak dikenal diabaikan: “Nama Murid Asuh” (maksudnya “Nama lengkap”?), “Tanggal Masuk "
        "Asrama” (maksudnya “Tanggal masuk”?)."
    ) in result.notices


def test_a_missing_column_with_no_header_like_it_is_still_to_be_added(tmp_path, world):  # noqa: F811
    headers = ["Nama Murid Asuh", *HEADERS[1:7], "Keterangan", HEADERS[8]]
    path = clients_file(tmp_path, [boy_row()], headers=headers)

    result = import_clients(path, world.operator, dry_run=True)

    assert result.message == (
        "Kolom wajib tidak ada: “Nama lengkap”, “Tanggal masuk”. Ubah judul “Nama Murid Asuh” menjadi “Nama "
        "lengkap” (lihat templat impor). Tambahkan juga kolom “Tanggal masuk”."
    )


def test_someone_elses_name_is_not_offered_as_the_missing_name(tmp_path, world):  # noqa: F811
    headers = ["Nama Ayah Tiri", *HEADERS[1:]]
    path = clients_file(tmp_path, [boy_row()], headers=headers)

    result = import_clients(path, world.operator, dry_run=True)

    assert result.message == "Kolom wajib tidak ada: “Nama lengkap”. Tambahkan kolom itu (lihat templat impor)."


# ---------------------------------------------------------------------------------------------- #7 subtotal rows


def test_subtotal_rows_of_each_group_are_skipped_like_the_total(tmp_path, world):  # noqa: F811
    # given boys and girls in two groups, each closed by its subtotal, and the grand total at the end
    rows = [
        ["A. ANAK PUTRA"],
        boy_row(),
        ["Jumlah Putra", 1],
        ["B. ANAK PUTRI"],
        girl_row(),
        ["Jumlah Putri 1"],  # the count in the same cell
        ["C. ANAK PUTRI BARU"],
        [*girl_row(**{"Nama lengkap": "Ina Contoh", "NIK": ""}), "Belum direkam"],
        ["Jml. Putri", "1 orang"],
        ["Sub Total", "L: 1, P: 2"],
        ["JUMLAH TOTAL", 3],
    ]
    path = clients_file(tmp_path, rows, headers=[*HEADERS, "Alasan NIK kosong"])

    result = import_clients(path, world.operator, dry_run=True)

    assert (result.status, result.created, problems_of(result)) == ("checked", 3, [])
    assert "Baris 4, 7, 10, 11, 12 berisi jumlah/total, bukan data, dan dilewati." in result.notices


def test_a_row_whose_name_starts_with_a_total_word_but_holds_a_record_is_data(tmp_path, world):  # noqa: F811
    rows = [boy_row(**{"Nama lengkap": "Jumlah Rahmat"}), ["Jumlah", 1]]
    path = clients_file(tmp_path, rows)

    result = import_clients(path, world.operator)

    assert (result.status, result.created, problems_of(result)) == ("succeeded", 1, [])
    assert Person.objects.get().full_name == "Jumlah Rahmat"


# ---------------------------------------------------------------------------------------------- #9 year, month and year


@pytest.mark.parametrize("raw", ["2019", 2019, 2019.0])
def test_a_year_alone_asks_for_the_day_and_offers_the_first_of_january_without_inventing_a_day(raw):
    with pytest.raises(v.CellProblem) as problem:
        v.parse_date(raw)
    assert problem.value.message == (
        "“2019” hanya tahun, bukan tanggal. Tulis tanggal lengkap dengan hari dan bulannya; bila hanya tahunnya yang "
        "diketahui, Anda boleh menulis 01-01-2019, dan tanggal itulah yang disimpan."
    )
    assert "17-08" not in problem.value.message


@pytest.mark.parametrize(
    ("raw", "first"),
    [
        ("Juli 2022", "01-07-2022"),
        ("Januari 2020", "01-01-2020"),
        ("jan. 2020", "01-01-2020"),
        ("Agustus-2021", "01-08-2021"),
        ("07/2022", "01-07-2022"),
        ("2022-07", "01-07-2022"),
    ],
)
def test_a_month_and_year_without_a_day_gets_its_own_message(raw, first):
    with pytest.raises(v.CellProblem) as problem:
        v.parse_date(raw)
    assert problem.value.message == (
        f"“{raw}” hanya bulan dan tahun, bukan tanggal. Tulis tanggal lengkap dengan harinya; bila hanya bulan dan "
        f"tahunnya yang diketahui, Anda boleh menulis {first}, dan tanggal itulah yang disimpan."
    )


@pytest.mark.parametrize("raw", ["13/2022", "Juta 2022", "2022-13"])
def test_what_is_no_month_and_year_is_still_unreadable(raw):
    with pytest.raises(v.CellProblem) as problem:
        v.parse_date(raw)
    assert "tidak dapat dibaca" in problem.value.message


def test_the_first_of_the_month_written_out_is_read_as_that_date():
    assert v.parse_date("01-07-2022") == datetime.date(2022, 7, 1)


# ---------------------------------------------------------------------------------------------- #12 PPKS category cells


@pytest.mark.parametrize("written", ["Yatim", "piatu", "YATIM PIATU", "Yatim  Piatu", "Yatim/Piatu", "Dhuafa",
                                     "Anak Yatim"])  # fmt: skip
def test_a_childs_family_status_in_the_category_column_gets_a_short_specific_message(tmp_path, world, written):  # noqa: F811
    path = clients_file(tmp_path, [boy_row(**{"Kategori PPKS": written})])

    result = import_clients(path, world.operator, dry_run=True)

    assert problems_of(result) == [
        (
            2,
            "Kategori PPKS",
            written,
            f"“{written}” adalah status keluarga anak, bukan kategori PPKS. Anak asuh di LKSA biasanya berkategori "
            "“Anak Telantar”; status anak dapat ditulis di kolom Catatan (Keterangan).",
        )
    ]


def test_a_family_status_beside_a_category_is_named_alone(tmp_path, world):  # noqa: F811
    path = clients_file(tmp_path, [boy_row(**{"Kategori PPKS": "Anak Telantar; Yatim"})])

    result = import_clients(path, world.operator, dry_run=True)

    assert [p.message for p in result.problems] == [
        "“Yatim” adalah status keluarga anak, bukan kategori PPKS. Anak asuh di LKSA biasanya berkategori “Anak "
        "Telantar”; status anak dapat ditulis di kolom Catatan (Keterangan)."
    ]


@pytest.mark.parametrize("written", ["Anak Telantar/Anak Jalanan", "Anak Telantar dan Anak Jalanan",
                                     "anak telantar / anak jalanan"])  # fmt: skip
def test_two_categories_joined_by_a_slash_or_dan_are_to_be_separated_with_a_semicolon(tmp_path, world, written):  # noqa: F811
    path = clients_file(tmp_path, [boy_row(**{"Kategori PPKS": written})])

    result = import_clients(path, world.operator, dry_run=True)

    assert [p.message for p in result.problems] == [
        f"“{written}” berisi lebih dari satu pilihan. Pisahkan pilihan dengan titik koma (;), mis. “Anak Telantar; "
        "Anak Jalanan”."
    ]


def test_categories_separated_as_the_column_reads_them_and_a_label_with_a_slash_are_read(tmp_path, world):  # noqa: F811
    path = clients_file(
        tmp_path,
        [
            boy_row(**{"Kategori PPKS": "Anak Telantar; Anak Jalanan"}),
            girl_row(**{"Kategori PPKS": "Anak Telantar; Orang dengan HIV/AIDS"}),
        ],
    )

    result = import_clients(path, world.operator, dry_run=True)

    assert (result.status, result.created, problems_of(result)) == ("checked", 2, [])


# ---------------------------------------------------------------------------------------------- #2 works with children

STAFF_HEADERS = ["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran"]


def import_staff(tmp_path, rows, actor, *, headers=STAFF_HEADERS, **kwargs):
    path = xlsx_file(tmp_path, [headers, *rows], name="staf.xlsx", sheet="Data pekerja")
    return run(path, actor, entity="workers", **kwargs)


def test_a_staff_list_without_the_works_with_children_column_says_how_many_are_stored_as_not(tmp_path, world):  # noqa: F811
    rows = [["Mariana", "P", "lks", "Pengasuh"], ["Tono", "L", "lks", "Pengurus"]]

    result = import_staff(tmp_path, rows, world.operator, dry_run=True)

    assert (result.status, result.created, problems_of(result)) == ("checked", 2, [])
    assert (
        "File ini tidak memiliki kolom “Bekerja dengan anak”, jadi 2 pekerja baru dicatat tidak bekerja dengan anak. "
        "Bila ada yang bekerja dengan anak (mis. pengasuh), tambahkan kolom itu dan isi “Ya” untuk mereka; aturan "
        "pemeriksaan latar belakang lalu berlaku."
    ) in result.notices


def test_a_staff_list_with_the_column_gets_no_such_notice(tmp_path, world):  # noqa: F811
    rows = [["Mariana", "P", "lks", "Pengasuh", "Tidak"]]

    result = import_staff(tmp_path, rows, world.operator, headers=[*STAFF_HEADERS, "Bekerja dengan anak"])

    assert (result.status, result.created) == ("succeeded", 1)
    assert not [notice for notice in result.notices if "Bekerja dengan anak" in notice]


def test_a_staff_list_without_the_column_that_only_updates_says_nothing_about_it(tmp_path, world):  # noqa: F811
    rows = [["Mariana", "P", "lks", "Pengasuh"]]
    import_staff(tmp_path, rows, world.operator)

    again = import_staff(tmp_path, rows, world.operator, dry_run=True)

    assert (again.status, again.created, again.unchanged) == ("checked", 0, 1)
    assert not [notice for notice in again.notices if "Bekerja dengan anak" in notice]


# ---------------------------------------------------------------------------------------------- #13 the user's "Status"


def test_a_users_own_status_column_is_listed_with_the_unknown_columns_not_as_an_exports(tmp_path, world):  # noqa: F811
    path = clients_file(tmp_path, [[*boy_row(), "Yatim Piatu"]], headers=[*HEADERS, "Status"])

    result = import_clients(path, world.operator, dry_run=True)

    assert (result.status, result.created) == ("checked", 1)
    assert "Kolom yang tidak dikenal diabaikan: “Status”." in result.notices
    assert not [notice for notice in result.notices if "hanya-baca" in notice]


def test_the_status_column_of_a_file_with_the_exports_id_column_is_announced_as_read_only(tmp_path, world):  # noqa: F811
    path = clients_file(tmp_path, [[*boy_row(), "Aktif", ""]], headers=[*HEADERS, "Status", "ID"])

    result = import_clients(path, world.operator, dry_run=True)

    assert (result.status, result.created) == ("checked", 1), problems_of(result)
    assert "Kolom hanya-baca (dari ekspor) diabaikan: “Status”." in result.notices
    assert not [notice for notice in result.notices if "tidak dikenal" in notice]


# ---------------------------------------------------------------------------------------------- #16 "belum ada"


@pytest.mark.parametrize("written", ["-", "belum ada", "Tidak ada"])
def test_a_nik_cell_saying_there_is_none_names_the_missing_reason_column(tmp_path, world, written):  # noqa: F811
    path = clients_file(tmp_path, [boy_row(NIK=written)])

    result = import_clients(path, world.operator, dry_run=True)

    assert [(p.column, p.message) for p in result.problems] == [
        (
            "NIK",
            "Isi NIK atau pilih alasannya bila tidak ada. Kolom “Alasan NIK kosong” tidak ada di file ini: tambahkan "
            "bila perlu.",
        )
    ]
