"""Headers of the lists a Dinas Sosial office works from (seventy-first review): the annex of a decision letter (SK)
heads its people "NAMA / NIP", a name and a civil servant's number in one cell."""

import pytest

from sinergi.exchange.tests.conftest import run, xlsx_file
from sinergi.people.models import Worker

pytestmark = pytest.mark.django_db

ANNEX = [
    ["LAMPIRAN KEPUTUSAN KEPALA DINAS SOSIAL PROVINSI KALIMANTAN SELATAN"],
    ["NOMOR : 460/123/DINSOS/2024"],
    [],
    ["NO", "NAMA / NIP", "JENIS KELAMIN", "PANGKAT/GOL", "JABATAN", "Kategori PSKS", "Peran"],
    [
        1,
        "RINA CONTOH, S.Sos\nNIP. 19850517 201001 2 003",
        "P",
        "Penata / III.c",
        "Pekerja Sosial Ahli Muda",
        "peksos_profesional",
        "Pekerja sosial profesional",
    ],
]


def test_a_name_written_with_the_nip_in_one_column_is_refused_saying_to_give_the_name_its_own(tmp_path, operator):
    # Given an SK annex whose names are under "NAMA / NIP"
    path = xlsx_file(tmp_path, ANNEX, name="lampiran-sk.xlsx", sheet="Lampiran")
    # When it is imported as workers
    result = run(path, operator, entity="workers")
    # Then the refusal names that column as the name's, to be parted (not "add the column", which the file seems
    # to have, nor a rename, which would store the NIP in the name), and nothing is saved
    assert result.status == "refused"
    assert result.message == (
        "Kolom wajib tidak ada: “Nama lengkap”. Kolom “NAMA / NIP” menggabungkan “Nama lengkap” dengan isian lain "
        "dalam satu sel, jadi tidak dibaca: buat kolom “Nama lengkap” yang berisi bagian itu saja, lalu unggah lagi."
    )
    assert Worker.objects.count() == 0


def test_the_other_missing_columns_are_still_asked_for_beside_the_combined_one(tmp_path, operator):
    rows = [row[:3] if len(row) > 3 else row for row in ANNEX]  # no sex column, no PSKS category
    rows[3], rows[4] = ["NO", "NAMA / NIP", "JABATAN"], [1, "RINA CONTOH\nNIP. 19850517 201001 2 003", "Peksos"]
    result = run(xlsx_file(tmp_path, rows, name="lampiran.xlsx"), operator, entity="workers")
    assert result.status == "refused"
    assert result.message == (
        "Kolom wajib tidak ada: “Nama lengkap”, “Jenis kelamin”, “Kategori PSKS”. Kolom “NAMA / NIP” menggabungkan "
        "“Nama lengkap” dengan isian lain dalam satu sel, jadi tidak dibaca: buat kolom “Nama lengkap” yang berisi "
        "bagian itu saja, lalu unggah lagi. Tambahkan juga kolom “Jenis kelamin”, “Kategori PSKS”."
    )


def test_a_missing_column_with_no_header_holding_it_is_still_asked_to_be_added(tmp_path, operator):
    rows = [["NO", "NAMA", "NIP", "JABATAN"], [1, "RINA CONTOH", "198505172010012003", "Peksos"]]
    result = run(xlsx_file(tmp_path, rows, name="daftar.xlsx"), operator, entity="workers")
    assert result.message == (
        "Kolom wajib tidak ada: “Jenis kelamin”, “Kategori PSKS”. Tambahkan kolom itu (lihat templat impor)."
    )
