"""The seventy-first review: a NIK or KK written as pandas writes a number column it read as floats,
"6371011708140001.0", was refused as if "its last digit was lost", though all sixteen digits are there. It is now
read as the same number in a number cell is (its last digit not 0, below 2**53, which a double holds exactly); one
that ends in 0 is refused as before (Excel may have made that 0), and one of Papua (91–96), too large for a double
to hold exactly, with the reason that is true of it."""

import pytest

from sinergi.core.crypto import decrypt
from sinergi.exchange.tests.conftest import csv_file, problems_of, run, xlsx_file
from sinergi.people.models import Person
from sinergi.people.nik import kk_check, nik_check, nik_compose
from sinergi.people.tests.factories import people_world

from .test_exchange import BOY, HEADERS, NIK_BOY, SHEET, boy_row

pytestmark = pytest.mark.django_db

EXCEL = (
    "Nomor ini tampaknya sudah diubah menjadi angka oleh Excel atau LibreOffice (misalnya 6.37101E+15) sehingga "
    "angka terakhirnya hilang. Format kolom sebagai Teks, lalu ketik ulang nomor dari dokumen aslinya."
)
PAPUA = (
    "ini tertulis sebagai angka desimal (diakhiri “.0”), seperti yang ditulis program yang membacanya sebagai angka "
    "(misalnya pandas). Nomor yang diawali 91–96 (Papua) terlalu besar untuk tersimpan utuh sebagai angka, sehingga "
    "angka terakhirnya bisa berubah. Ketik ulang nomor dari dokumen aslinya sebagai teks."
)


def test_a_nik_or_kk_written_as_a_whole_float_keeps_its_sixteen_digits():
    assert (nik_check("6371011708140001.0").normalized, nik_check("6371011708140001.0").errors) == (NIK_BOY, [])
    assert (kk_check("6371011203200011.0").normalized, kk_check("6371011203200011.0").errors) == (
        "6371011203200011",
        [],
    )
    # The review's example: read as its digits, then told only what is wrong with them (no month 34)
    assert nik_check("6371011234560401.0").errors == [
        "Tanggal lahir di dalam NIK (angka ke-7 sampai ke-12) tidak mungkin ada."
    ]


def test_a_whole_float_ending_in_0_is_refused_as_excel_may_have_rounded_it():
    assert nik_check("6371011708140000.0").errors == [EXCEL]
    assert kk_check("6371011203200010.0").errors == [EXCEL]


def test_a_whole_float_of_papua_is_refused_saying_a_float_cannot_hold_it():
    # 9171011708140001 as a double is 9171011708140000: past 2**53 not every whole number is one
    assert nik_check("9171011708140001.0").errors == [f"NIK {PAPUA}"]
    assert kk_check("9171011203200012.0").errors == [f"Nomor KK {PAPUA}"]


@pytest.fixture
def world():
    return people_world()


def test_a_csv_nik_written_as_a_float_imports_as_the_same_number_cell_does(tmp_path, world):
    # Given the same child in a CSV whose NIK pandas wrote as "….0", and in an .xlsx whose NIK is a number cell
    as_text = csv_file(tmp_path, [HEADERS, boy_row(NIK=f"{NIK_BOY}.0", **{"Tanggal masuk": "15-01-2024"})])
    as_number = xlsx_file(tmp_path, [HEADERS, boy_row(NIK=int(NIK_BOY))], name="klien.xlsx", sheet=SHEET)

    # When each is tried
    text_result = run(as_text, world.operator, entity="clients", dry_run=True)
    number_result = run(as_number, world.operator, entity="clients", dry_run=True)

    # Then both read the NIK, with the same (no) word about it
    assert (text_result.status, text_result.created) == ("checked", 1), problems_of(text_result)
    assert (number_result.status, number_result.created) == ("checked", 1), problems_of(number_result)
    assert [w for w in text_result.warnings if w.column == "NIK"] == [
        w for w in number_result.warnings if w.column == "NIK"
    ]

    # And imported, the stored NIK is its sixteen digits
    assert run(as_text, world.operator, entity="clients").status == "succeeded"
    assert decrypt(Person.objects.get().nik_encrypted) == NIK_BOY


def test_a_csv_column_of_niks_written_as_floats_is_not_taken_for_one_excel_rounded(tmp_path, world):
    # Given four children whose NIKs pandas wrote as "….0": each cell's last character is a 0, none of the NIKs' is
    rows = []
    for serial in (1, 2, 3, 4):
        nik = nik_compose(district_code="63.71.01", birth_date=BOY, sex="L", serial=serial)
        changes = {"Nama lengkap": f"Budi Nomor {serial}", "NIK": f"{nik}.0", "Tanggal masuk": "15-01-2024"}
        rows.append(boy_row(**changes))

    result = run(csv_file(tmp_path, [HEADERS, *rows]), world.operator, entity="clients")

    assert (result.status, result.created) == ("succeeded", 4), problems_of(result)


def test_a_csv_nik_of_papua_written_as_a_float_is_refused_with_the_reason(tmp_path, world):
    path = csv_file(tmp_path, [HEADERS, boy_row(NIK="9171011708140001.0", **{"Tanggal masuk": "15-01-2024"})])

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert problems_of(result) == [(2, "NIK", "9171011708140001.0", f"NIK {PAPUA}")]
