import datetime

import pytest

from sinergi.people.nik import kk_check, nik_check, nik_compose

pytestmark = pytest.mark.django_db

VALID = "6371010101900001"  # Banjarmasin Selatan, born 1 Jan 1990, male, serial 0001


def test_a_valid_nik_passes_without_warnings():
    # given a structurally valid NIK from a known kecamatan, with matching birth date and sex
    # when checked
    check = nik_check(VALID, birth_date=datetime.date(1990, 1, 1), sex="L")
    # then
    assert check.normalized == VALID
    assert check.errors == []
    assert check.warnings == []
    assert check.valid is True


def test_spaces_dots_and_dashes_are_stripped():
    check = nik_check(" 6371.0101.0190-0001 ")
    assert check.normalized == VALID
    assert check.errors == []


def test_full_width_digits_are_read_as_the_same_digits_and_other_scripts_refused():
    check = nik_check("６３７１０１０１０１９００００１")
    assert (check.normalized, check.errors) == (VALID, [])
    assert kk_check("６３７１０１０１０１９００００１").normalized == VALID
    assert nik_check("٦٣٧١٠١٠١٠١٩٠٠٠٠١").errors == ["NIK hanya boleh berisi angka 0–9, bukan “٦”, “٣”, “٧” …."]


@pytest.mark.parametrize("value", ["6.37101E+15", "6,37101e+15", "6.371010101900001E15", "6371010101900000.0"])
def test_spreadsheet_mangled_numbers_are_refused_with_a_hint(value):
    check = nik_check(value)
    assert check.normalized == ""
    assert len(check.errors) == 1
    assert "Excel" in check.errors[0]
    assert "Teks" in check.errors[0]


def test_fifteen_digits_hint_at_a_truncated_number():
    check = nik_check("637101010190001")
    assert check.errors == [
        "NIK harus terdiri atas 16 angka (yang diisi 15 angka). Periksa apakah nomor terpotong saat diolah di Excel "
        "atau LibreOffice."
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("63710101019000012", "NIK harus terdiri atas 16 angka (yang diisi 17 angka)."),
        ("6371O10101900001", "NIK hanya boleh berisi angka 0–9, bukan “O”."),
        ("", "NIK belum diisi."),
    ],
)
def test_wrong_length_or_letters_are_refused(value, message):
    assert nik_check(value).errors == [message]


def test_serial_0000_is_refused():
    assert nik_check("6371010101900000").errors == [
        (
            "Nomor urut NIK (4 angka terakhir) tidak boleh 0000. Bila NIK diketik sebagai angka di Excel atau "
            "LibreOffice, angka terakhirnya dibulatkan menjadi 0: format kolom sebagai Teks lalu ketik ulang."
        )
    ]


@pytest.mark.parametrize("value", ["6371013102900001", "6371010013900001", "6371017201900001", "6371010001900001"])
def test_an_impossible_birth_date_is_refused(value):
    # 31 Feb, month 13, day 32 for a woman (72-40), day 00
    assert nik_check(value).errors == ["Tanggal lahir di dalam NIK (angka ke-7 sampai ke-12) tidak mungkin ada."]


def test_zero_regency_is_refused():
    assert "Kode kabupaten/kota dan kecamatan di NIK tidak boleh 00." in nik_check("6300010101900001").errors


def test_unknown_kecamatan_is_only_a_warning():
    # given a code that is not in the region tree (kept after a split, domain.md)
    check = nik_check("6371990101900001")
    assert check.errors == []
    assert check.warnings == [
        "Kode wilayah 63.71.99 di NIK tidak ada di data wilayah Kemendagri terbaru "
        "(bisa jadi kode lama sebelum pemekaran)."
    ]


def test_unknown_province_is_only_a_warning():
    check = nik_check("9971010101900001")
    assert check.errors == []
    assert check.warnings == ["Kode provinsi 99 di NIK tidak dikenal. Periksa kembali NIK-nya."]


def test_birth_date_differing_from_the_record_is_a_warning():
    check = nik_check(VALID, birth_date=datetime.date(1990, 1, 2), sex="L")
    assert check.errors == []
    assert check.warnings == ["Tanggal lahir di NIK (01-01-1990) berbeda dengan tanggal lahir yang diisi (02-01-1990)."]


def test_the_nik_date_is_shown_in_the_century_nearest_the_date_given():
    # "0109" in a NIK is 2009 beside a child born in 2010, and 1909 beside a record of 1910: never "01-01-09"
    nik = nik_compose(district_code="63.71.01", birth_date=datetime.date(2009, 1, 1), sex="L", serial=1)
    assert "(01-01-2009)" in nik_check(nik, birth_date=datetime.date(2010, 1, 1)).warnings[0]
    assert "(01-01-1909)" in nik_check(nik, birth_date=datetime.date(1910, 1, 1)).warnings[0]
    assert "(01-01-2009)" in nik_check(nik, birth_date=datetime.date(2000, 1, 2)).warnings[0]


def test_the_century_is_not_held_against_the_record():
    # the NIK has only YY; a record born 1890 vs a NIK read as 1990 is not a mismatch the NIK can prove
    assert nik_check(VALID, birth_date=datetime.date(2090, 1, 1)).warnings == []


def test_sex_differing_from_the_record_is_a_warning():
    # women have day + 40: 41 means the 1st, female
    check = nik_check("6371014101900001", birth_date=datetime.date(1990, 1, 1), sex="L")
    assert check.errors == []
    assert check.warnings == ["Jenis kelamin menurut NIK (Perempuan) berbeda dengan yang diisi."]


def test_kk_needs_sixteen_digits_and_refuses_excel_numbers_but_not_its_date_part():
    assert kk_check("6371019912990000").errors == []  # "99.12.99" is no date: a KK's middle is not checked
    assert kk_check("6371019912990000").normalized == "6371019912990000"
    assert kk_check("63710199").errors == ["Nomor KK harus terdiri atas 16 angka (yang diisi 8 angka)."]
    assert "Excel" in kk_check("6.37101E+15").errors[0]


def test_composed_niks_are_valid_and_encode_sex():
    male = nik_compose(district_code="63.71.01", birth_date=datetime.date(2015, 3, 9), sex="L", serial=12)
    female = nik_compose(district_code="63.71.01", birth_date=datetime.date(2015, 3, 9), sex="P", serial=12)
    assert male == "6371010903150012"
    assert female == "6371014903150012"
    assert nik_check(female, birth_date=datetime.date(2015, 3, 9), sex="P").warnings == []
    with pytest.raises(ValueError):
        nik_compose(district_code="63.71.01", birth_date=datetime.date(2015, 3, 9), sex="L", serial=0)


@pytest.mark.parametrize("value", ["0000000000000000", "1111111111111111", "9999 9999 9999 9999"])
def test_a_placeholder_of_one_digit_repeated_is_refused_once(value):
    digits = value.replace(" ", "")
    assert nik_check(value).errors == [
        f"“{digits}” bukan NIK, hanya angka {digits[0]} yang diulang. Kosongkan bila NIK belum diketahui, lalu isi "
        "alasannya."
    ]


@pytest.mark.parametrize(
    "value",
    [
        "6371010101900001\ufe0f",  # an emoji keyboard's variation selector
        "\u061c6371010101900001",  # an Arabic letter mark pasted from a chat
        "6371\u200b0101\u200b0190\u200b0001",  # zero-width spaces from a web page
        "\u200e6371010101900001\u200f",  # direction marks
        "6371–010101–900001",  # groups split by en dashes, as a word processor writes a hyphen
        "6371\u2011010101\u20119000\u221201",  # a non-breaking hyphen, a minus sign
        "“6371010101900001”",  # curly quotes around a number pasted from a message
        "‘6371010101900001’",
    ],
)
def test_what_no_one_sees_or_means_around_a_nik_is_not_part_of_it(value):
    check = nik_check(value)
    assert (check.normalized, check.errors) == (VALID, [])


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ("6371O10101900001", "“O”"),
        ("637101010190000l", "“l”"),
        ("6371/0101/0190/0001", "“/”"),
        ("6371,010101900001", "“,”"),
        ("63710101Ol900OO1", "“O”, “l”"),
    ],
)
def test_a_nik_with_something_else_than_digits_is_refused_naming_it(value, named):
    assert nik_check(value).errors == [f"NIK hanya boleh berisi angka 0–9, bukan {named}."]
