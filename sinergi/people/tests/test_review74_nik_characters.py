"""A NIK pasted from a chat or a document carries what no one sees or means (a variation selector, a direction mark,
an en dash between its groups, quote marks around it): read as the number it shows. Anything else is refused
naming the character, so the operator can find it (seventy-fourth review)."""

import pytest

from sinergi.core.crypto import decrypt
from sinergi.exchange.tests.conftest import csv_file, problems_of, run
from sinergi.people.models import Person
from sinergi.people.tests.test_exchange import world  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

HEADERS = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "Alasan KK kosong", "Kategori PPKS",
           "Bentuk layanan", "Tanggal masuk"]  # fmt: skip


def _row(name: str, nik: str) -> list[str]:
    return [name, "L", "03-04-2012", nik, "unknown", "anak_telantar", "Dalam panti", "05-01-2024"]


def test_a_nik_pasted_with_invisible_marks_and_dashes_is_imported_as_its_digits(tmp_path, world):  # noqa: F811
    path = csv_file(
        tmp_path,
        [
            HEADERS,
            _row("Tempel Satu", "6371010304120077\ufe0f"),
            _row("Tempel Dua", "\u061c6371–010304–120078"),
            _row("Tempel Tiga", "“6371010304120079”"),
        ],
    )
    result = run(path, world.operator, entity="clients")
    assert (result.status, result.created) == ("succeeded", 3), result.problems
    stored = {p.full_name: decrypt(p.nik_encrypted) for p in Person.objects.filter(full_name__startswith="Tempel")}
    assert stored == {
        "Tempel Satu": "6371010304120077",
        "Tempel Dua": "6371010304120078",
        "Tempel Tiga": "6371010304120079",
    }


def test_a_nik_with_a_letter_is_refused_naming_the_letter(tmp_path, world):  # noqa: F811
    path = csv_file(tmp_path, [HEADERS, _row("Huruf O", "6371O10304120077")])
    result = run(path, world.operator, entity="clients")
    assert result.status == "refused"
    assert (2, "NIK", "6371O10304120077", "NIK hanya boleh berisi angka 0–9, bukan “O”.") in problems_of(result)
    assert not Person.objects.filter(full_name="Huruf O").exists()
