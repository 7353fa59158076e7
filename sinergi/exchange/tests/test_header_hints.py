"""Headers as people write them: a bracket listing the column's own choices ("Jenis Kelamin (L/P)") is a hint on
how to fill it, while a bracket saying whose the column is stays part of the name; the LKS sheet reads the common
names of its name and phone columns."""

import pytest

from sinergi.exchange.columns import get_entity
from sinergi.exchange.pipeline import header_column, header_index


def key_of(entity: str, header: str) -> str | None:
    column = header_column(header, header_index(get_entity(entity)))
    return column.key if column is not None else None


@pytest.mark.parametrize(
    "header", ["Jenis Kelamin (L/P)", "Jenis kelamin (L / P)", "Jenis kelamin (Laki-laki/Perempuan)", "JK (P/L)"]
)
def test_a_bracket_listing_the_columns_choices_is_a_hint(header):
    assert key_of("workers", header) == "sex"
    assert key_of("clients", header) == "sex"


@pytest.mark.parametrize("header", ["Nama (Orang Tua/Wali)", "NIK (Ayah)", "Jenis kelamin (Ayah/Ibu)", "Nama (L/P)"])
def test_a_bracket_that_is_no_choice_of_the_column_keeps_the_header_unknown(header):
    assert key_of("clients", header) is None


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Nama Lembaga", "name"),
        ("No. HP", "phone"),
        ("No HP", "phone"),
        ("Nomor HP", "phone"),
        ("Telp", "phone"),
        ("No. Telp", "phone"),
        ("No. HP Pimpinan", "head_phone"),
        ("No. NPWP", "npwp"),
    ],
)
def test_the_lks_sheet_reads_the_common_names_of_its_columns(header, key):
    assert key_of("lks", header) == key


@pytest.mark.parametrize(
    ("entity", "header", "key"),
    [
        ("workers", "NIK KTP", "nik"),
        ("workers", "No. HP", "phone"),
        ("workers", "Nomor HP", "phone"),
        ("workers", "Telp", "phone"),
        ("workers", "Nama Lembaga", "lks"),
        ("workers", "Tgl Mulai", "started_on"),
        ("clients", "No. KTP", "nik"),
        ("clients", "No. HP Wali", "guardian_phone"),
        ("clients", "Nama Lembaga", "lks"),
        ("clients", "Tanggal mulai layanan", "admitted_on"),
    ],
)
def test_the_people_sheets_read_the_common_names_of_their_columns(entity, header, key):
    assert key_of(entity, header) == key
