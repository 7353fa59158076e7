"""Numbers a spreadsheet damaged before the import saw them. A phone number that lost its leading 0 is refused
whether it arrives as a number cell or as the digits Excel wrote into a CSV; an NPWP in a number cell (Excel keeps
15 significant digits) is refused with the advice to format the column as text, as a NIK is."""

import pytest

from sinergi.exchange import values as v
from sinergi.exchange.columns import ImportContext, PhoneColumn, get_entity
from sinergi.organisations.models import Organisation

from .conftest import csv_file, problems_of, run, xlsx_file

pytestmark = pytest.mark.django_db

LOST_ZERO_TEXT = (
    "Nomor telepon 81234567890 tidak diawali 0, +62 atau 62: angka 0 di depannya tampaknya hilang (Excel dan "
    "LibreOffice menghapusnya bila nomor terbaca sebagai angka). Format kolom ini sebagai Teks lalu ketik ulang "
    "nomornya, misalnya 0812-3456-7890."
)
LOST_ZERO_NUMBER = (
    "Nomor telepon 81234567890 terbaca sebagai angka, sehingga angka 0 di depannya hilang. Format kolom ini sebagai "
    "Teks lalu ketik ulang nomornya, misalnya 0811-2345-6789."
)


def test_a_phone_of_digits_beginning_with_8_is_refused_as_text_as_it_is_as_a_number():
    column = PhoneColumn("phone", "Telepon", max_length=30)
    ctx = ImportContext(actor=None, entity=get_entity("workers"))
    cells = ["81234567890", 81234567890, 81234567890.0, "0812-3456-7890", "+6281234567890", "6281234567890", "", None]

    cleaned = column.clean_column(cells, ctx)

    assert [value.message if isinstance(value, v.CellProblem) else value for value in cleaned] == [
        LOST_ZERO_TEXT,
        LOST_ZERO_NUMBER,
        LOST_ZERO_NUMBER,
        "0812-3456-7890",
        "+6281234567890",
        "6281234567890",
        "",
        "",
    ]
    assert [_problem(column, cell, ctx) for cell in cells[:3]] == [
        LOST_ZERO_TEXT,
        LOST_ZERO_NUMBER,
        LOST_ZERO_NUMBER,
    ]  # clean() of one cell says the same as the column-wise read


def _problem(column, cell, ctx) -> str:
    with pytest.raises(v.CellProblem) as refused:
        column.clean(cell, ctx)
    return refused.value.message


def test_an_lks_phone_from_a_csv_that_lost_its_zero_is_refused_naming_row_column_and_value(tmp_path, board_member):
    path = csv_file(
        tmp_path,
        [
            ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "Telepon", "Telepon pimpinan"],
            ["LKSA Telepon", "anak", "63.71.01.1001", "81234567890", "0812-1111-2222"],
        ],
    )

    result = run(path, board_member)

    assert problems_of(result) == [(2, "Telepon", "81234567890", LOST_ZERO_TEXT)]
    assert not Organisation.objects.exists()


@pytest.mark.parametrize("written", ["6.28123E+11", "8,12346E+11", "8.12346e+10", " 6.28E+11 "])
def test_a_phone_in_excels_scientific_notation_from_a_csv_is_refused(written):
    # 0812345678901 opened from a CSV became a number shown as 8.12346E+11, and was saved so.
    column = PhoneColumn("phone", "Telepon", max_length=30)
    ctx = ImportContext(actor=None, entity=get_entity("workers"))

    [cleaned] = column.clean_column([written], ctx)

    assert isinstance(cleaned, v.CellProblem)
    assert cleaned.message.startswith(f"Nomor telepon “{written.strip()}” tertulis dalam notasi ilmiah Excel")


def test_an_npwp_in_a_number_cell_is_refused_with_the_advice_to_format_the_column_as_text(tmp_path, board_member):
    headers = ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "Nomor tanda daftar", "NPWP"]
    path = xlsx_file(
        tmp_path,
        [
            headers,
            # 6371010501900001 typed into a number cell: Excel keeps 15 significant digits
            ["LKSA Satu", "anak", "63.71.01.1001", "TD/1", 6371010501900000],
            # 012345678901000 (15 digits): the leading 0 is gone
            ["LKSA Dua", "anak", "63.71.01.1001", "TD/2", 12345678901000],
            ["LKSA Tiga", "anak", "63.71.01.1001", "TD/3", "01.234.567.8-901.000"],
        ],
    )

    result = run(path, board_member)

    advice = (
        "NPWP %s terbaca sebagai angka oleh Excel atau LibreOffice, sehingga angka 0 di depannya atau angka "
        "terakhirnya dapat hilang. Format kolom sebagai Teks, lalu ketik ulang nomor dari dokumen aslinya."
    )
    assert problems_of(result) == [
        (2, "NPWP", "6371010501900000", advice % "6371010501900000"),
        (3, "NPWP", "12345678901000", advice % "12345678901000"),
    ]


def test_an_npwp_written_as_text_imports_as_written(tmp_path, board_member):
    path = csv_file(
        tmp_path,
        [
            ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "NPWP"],
            ["LKSA Tiga", "anak", "63.71.01.1001", "6371010501900001"],
        ],
    )

    result = run(path, board_member)

    assert result.status == "succeeded", problems_of(result)
    assert Organisation.objects.get().npwp == "6371010501900001"


def test_a_huge_number_in_a_decimal_column_is_a_cell_problem_not_a_crash():
    with pytest.raises(v.CellProblem, match="terlalu besar"):
        v.parse_decimal("1e30", places=6)
    assert v.parse_decimal("-3,3194123", places=6) == v.Decimal("-3.319412")


@pytest.mark.parametrize(
    ("cell", "refused"),
    [
        ("5113301234", True),  # 0511-3301234, a landline whose 0 Excel dropped
        ("812-3456-7890", True),
        ("0812-3456-7890 / 813 4567 8901", True),
        ("3301234", False),  # a local landline without its area code lost nothing
        ("(0511) 3301234", False),
        ("+62 812-3456-7890", False),
        ("0511-3301234 ext 12", False),
        ("0812-3456-7890 / 0813-4567-8901", False),
    ],
)
def test_a_number_that_lost_its_zero_is_told_apart_from_the_ways_people_write_numbers(cell, refused):
    from sinergi.core.phones import phone_lost_zero

    assert phone_lost_zero(cell) is refused


def test_a_value_outside_a_long_list_says_how_many_choices_were_left_out():
    from sinergi.exchange.values import Choices

    words = ["alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo",
             "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango"]  # fmt: skip
    message = Choices([(word, word.title()) for word in words]).unknown_message("zzz")
    assert message.endswith(
        "kilo, lima, dan 8 lainnya (lihat lembar Petunjuk di templat impor)."
    )  # the list sheet is hidden


@pytest.mark.parametrize("shown", ["Des-15", "1-Feb", "12-Des-2015", "Dec-2015"])
def test_a_number_excel_made_a_date_and_saved_as_shown_in_a_csv_is_refused(tmp_path, board_member, shown):
    # "12/2015" (the template's own example of a deed number) opened from a CSV in Excel became December 2015,
    # shown and saved again as "Des-15".
    headers = ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "Nomor tanda daftar", "Nomor akta notaris"]
    path = csv_file(tmp_path, [headers, ["LKSA Akta", "anak", "63.71.01.1001", "TD/AKTA/1", shown]])

    result = run(path, board_member)

    [(row, column, value, message)] = problems_of(result)
    assert (row, column, value) == (2, "Nomor akta notaris", shown)
    assert message.startswith(f"“{shown}” tampaknya isian yang diubah Excel menjadi tanggal")


def test_names_and_numbers_that_only_contain_a_month_are_kept(tmp_path, board_member):
    headers = ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "Nomor tanda daftar", "Nama pimpinan"]
    path = csv_file(tmp_path, [headers, ["LKSA Mei-Ling", "anak", "63.71.01.1001", "TD/DES/15", "Mei"]])

    result = run(path, board_member)

    assert problems_of(result) == []
    assert Organisation.objects.get().head_name == "Mei"


def test_two_phone_numbers_too_long_for_the_column_are_told_to_be_one_and_full_width_digits_are_digits():
    column = PhoneColumn("phone", "Telepon", max_length=30)
    ctx = ImportContext(actor=None, entity=get_entity("workers"))
    cells = ["0812-3456-7023 / 0813-9876-5432", "0812-3456-7023/0813-9876-5432", "０８１２３４５６７０２４", "x" * 31]

    cleaned = column.clean_column(cells, ctx)

    assert [value.message if isinstance(value, v.CellProblem) else value for value in cleaned] == [
        "Sel ini berisi lebih dari satu nomor (31 karakter, paling banyak 30). Isi satu nomor saja, atau tulis "
        "keduanya tanpa spasi di antaranya (mis. 0812-3456-7890/0813-1234-5678).",
        "0812-3456-7023/0813-9876-5432",
        "081234567024",
        "Terlalu panjang: 31 karakter, paling banyak 30.",
    ]


def test_a_phone_cell_without_a_number_is_refused():
    column = PhoneColumn("phone", "Telepon", max_length=30)
    ctx = ImportContext(actor=None, entity=get_entity("workers"))
    cleaned = column.clean_column(["rumah", "@SUM(A1)", "0511-330123", "(0511) 325-2525"], ctx)
    assert [value.message if isinstance(value, v.CellProblem) else value for value in cleaned] == [
        "“rumah” bukan nomor telepon: tulis nomornya, mis. 0812-3456-7890, atau kosongkan.",
        "“@SUM(A1)” bukan nomor telepon: tulis nomornya, mis. 0812-3456-7890, atau kosongkan.",
        "0511-330123",
        "(0511) 325-2525",
    ]


def test_a_phone_cell_with_markup_or_a_pipe_is_refused_though_it_has_a_digit():
    # A security review stored "<script>alert(1)</script>" and "+cmd|' /C calc'!A0" as a guardian's phone from a file.
    column = PhoneColumn("phone", "Telepon", max_length=30)
    ctx = ImportContext(actor=None, entity=get_entity("workers"))

    cleaned = column.clean_column(["<script>alert(1)</script>", "+cmd|' /C calc'!A0", "0812-3456-7890 (WA)"], ctx)

    assert [value.message if isinstance(value, v.CellProblem) else value for value in cleaned] == [
        "“<script>alert(1)</script>” bukan nomor telepon: tulis nomornya, mis. 0812-3456-7890, atau kosongkan.",
        "“+cmd|' /C calc'!A0” bukan nomor telepon: tulis nomornya, mis. 0812-3456-7890, atau kosongkan.",
        "0812-3456-7890 (WA)",
    ]


def test_a_new_lks_phone_of_five_digits_is_refused_as_the_form_refuses_it(tmp_path, board_member):
    path = csv_file(
        tmp_path,
        [
            ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "Telepon"],
            ["LKSA Telepon", "anak", "63.71.01.1001", "12345"],
        ],
    )

    result = run(path, board_member)

    assert problems_of(result) == [
        (2, "Telepon", "12345", "“12345” bukan nomor telepon: tulis nomornya, mis. 0812-3456-7890, atau kosongkan.")
    ]
    assert not Organisation.objects.exists()
