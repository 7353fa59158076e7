"""Headers written as a form's questions (Google Forms, a children's home's own sheet): a bracket on an optional
answer ("(jika ada)"), a hint of several parts ("(16 digit, lihat KK)") and the child named after the column ("Jenis
kelamin anak") name the client's column, so that its answers are read rather than dropped with a notice; a header
about someone else stays unknown (seventy-fourth review)."""

import pytest

from sinergi.exchange.columns import get_entity
from sinergi.exchange.pipeline import header_column, header_index
from sinergi.exchange.tests.conftest import csv_file, run
from sinergi.people.models import Person
from sinergi.people.tests.test_exchange import world  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def key_of(entity: str, header: str) -> str | None:
    column = header_column(header, header_index(get_entity(entity)))
    return column.key if column is not None else None


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Nama wali (jika ada)", "guardian_name"),
        ("Nama Wali (bila ada)", "guardian_name"),
        ("Nomor HP wali (kalau ada)", "guardian_phone"),
        ("NIK anak (16 digit, lihat KK)", "nik"),
        ("Nomor KK (16 angka; sesuai kartu keluarga)", "kk"),
        ("Jenis kelamin anak", "sex"),
        ("Tanggal lahir anak", "birth_date"),
        ("Tgl Lahir Anak (dd/mm/yyyy)", "birth_date"),
        ("Tempat lahir anak", "birth_place"),
        ("Nama ibu kandung anak", "mother_name"),
        ("Nama Ayah Kandung Anak", "father_name"),
        ("Hubungan wali dengan anak", "guardian_relation"),
    ],
)
def test_a_forms_question_names_the_clients_column(header, key):
    assert key_of("clients", header) == key


@pytest.mark.parametrize(
    "header",
    [
        "NIK (16 digit, ayah)",  # one part of the bracket says whose: the father's
        "Nama (Ayah, jika ada)",
        "Jumlah anak",
        "Nama anak (jika ada), ayah",
    ],
)
def test_a_question_about_someone_else_stays_unknown(header):
    assert key_of("clients", header) is None


def test_a_forms_answers_to_optional_questions_are_imported_not_dropped(tmp_path, world):  # noqa: F811
    path = csv_file(
        tmp_path,
        [
            [
                "Stempel waktu",
                "Nama lengkap anak (sesuai KK)",
                "Jenis kelamin anak",
                "Tanggal lahir anak",
                "NIK anak (16 digit, lihat KK)",
                "Nama ibu kandung anak",
                "Nama wali (jika ada)",
                "Hubungan wali dengan anak",
                "Alasan KK kosong",
                "Kategori PPKS",
                "Bentuk layanan",
                "Tanggal masuk",
            ],
            [
                "2024/01/05 10:11:12",
                "Anak Formulir Satu",
                "Laki-laki",
                "03-04-2012",
                "6371010304120077",
                "Ibu Formulir",
                "Wali Formulir",
                "Paman",
                "unknown",
                "anak_telantar",
                "Dalam panti",
                "05-01-2024",
            ],
        ],  # fmt: skip
    )
    result = run(path, world.operator, entity="clients")
    assert (result.status, result.created) == ("succeeded", 1), result.problems
    person = Person.objects.get(full_name="Anak Formulir Satu")
    assert (person.sex, person.mother_name, person.guardian_name, person.guardian_relation) == (
        "L",
        "Ibu Formulir",
        "Wali Formulir",
        "Paman",
    )
    assert str(person.birth_date) == "2012-04-03"
