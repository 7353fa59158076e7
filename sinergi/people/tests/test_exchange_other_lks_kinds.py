"""The lists of elderly homes, disability LKS and rehabilitation centres, in their own words: the short names of
their PPKS categories, the older words for each ragam disabilitas, the kinds of LKS as signboards name them, and what
they call their residents. Each word read is said in the run's notice. Every name and NIK here is made up."""

import csv

import pytest
from django.core.management import call_command
from python_calamine import CalamineWorkbook

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.exchange.tests.conftest import HEADERS as LKS_HEADERS
from sinergi.exchange.tests.conftest import csv_file, problems_of, run
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory, lks_kind
from sinergi.people.models import Person

pytestmark = pytest.mark.django_db

HEADERS = ["Nama WBS", "Jenis kelamin", "Tanggal lahir", "Alasan NIK kosong", "Alasan KK kosong", "Kategori PPKS",
           "Ragam disabilitas", "Bentuk layanan", "Tanggal masuk"]  # fmt: skip


def resident(name: str, born: str, category: str, disability: str) -> list[str]:
    return [name, "P", born, "Tidak diketahui", "Tidak diketahui", category, disability, "Dalam panti", "02-01-2024"]


@pytest.fixture
def board_member():
    return user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.uji")


def operator_of(kind: str):
    lks = OrganisationFactory(name=f"LKS {kind} Contoh", primary_service_kind=lks_kind(kind))
    return user_with_role(Role.LKS_OPERATOR, organisation=lks, username=f"operator.{kind}")


def test_an_elderly_home_writes_lansia_and_tunanetra_and_calls_its_residents_wbs(tmp_path):
    rows = [HEADERS, resident("Siti Contoh", "17-08-1945", "Lansia", "Tunanetra")]

    result = run(csv_file(tmp_path, rows), operator_of("lanjut_usia"), entity="clients")

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    person = Person.objects.get()
    assert (person.full_name, person.disability_type) == ("Siti Contoh", "sensorik")
    assert person.placements.get().ppks_category.code == "lansia_telantar"
    assert person.ppks_categories.get().code == "lansia_telantar"
    said = " ".join(result.notices)
    assert "“Lansia”" in said and "“Tunanetra”" in said


@pytest.mark.parametrize(
    ("written", "stored"),
    [("Tunadaksa", "fisik"), ("Down syndrome", "intelektual"), ("Autis", "mental"), ("Tuli", "sensorik"),
     ("Tunaganda", "ganda"), ("Normal", "")],
)  # fmt: skip
def test_a_disability_lks_writes_the_older_words_for_each_ragam(tmp_path, written, stored):
    rows = [HEADERS, resident("Rina Contoh", "17-08-2012", "Anak Disabilitas", written)]

    result = run(csv_file(tmp_path, rows), operator_of("disabilitas"), entity="clients")

    assert result.created == 1, problems_of(result)
    person = Person.objects.get()
    assert person.disability_type == stored
    # "Anak Disabilitas" is the child's category, not the adult one a suggestion by letters used to offer.
    assert person.placements.get().ppks_category.code == "anak_dengan_kedisabilitasan"


def test_a_rehabilitation_centre_writes_narkoba_and_calls_its_clients_residen(tmp_path):
    rows = [["Nama residen", *HEADERS[1:]], resident("Dewi Contoh", "17-08-1999", "Narkoba", "")]

    result = run(csv_file(tmp_path, rows), operator_of("napza"), entity="clients")

    assert result.created == 1, problems_of(result)
    assert Person.objects.get().placements.get().ppks_category.code == "korban_napza"


@pytest.mark.parametrize(
    ("written", "kind"),
    [("Panti Werdha", "lanjut_usia"), ("PSTW", "lanjut_usia"), ("Panti Jompo", "lanjut_usia"), ("IPWL", "napza"),
     ("Rehabilitasi NAPZA", "napza"), ("Panti Asuhan", "anak"), ("Panti Disabilitas", "disabilitas")],
)  # fmt: skip
def test_the_registry_reads_the_kinds_of_lks_as_signboards_name_them(tmp_path, board_member, written, kind):
    rows = [LKS_HEADERS, ["LKS Contoh Kind", written, "63.71.01.1001", "TD/KIND/1", 20]]

    result = run(csv_file(tmp_path, rows), board_member)

    assert result.created == 1, problems_of(result)
    assert Organisation.objects.get(name="LKS Contoh Kind").primary_service_kind.code == kind


def test_a_rehabilitation_centre_alone_is_not_read_as_one_kind(tmp_path, board_member):
    """Disability homes rehabilitate too: "Panti Rehabilitasi" says no kind, and is refused with the choices."""
    rows = [LKS_HEADERS, ["LKS Contoh Kind", "Panti Rehabilitasi", "63.71.01.1001", "TD/KIND/1", 20]]

    result = run(csv_file(tmp_path, rows), board_member)

    assert result.created == 0
    assert [problem[1] for problem in problems_of(result)] == ["Jenis layanan utama"]


def test_an_estimated_birth_date_is_imported_exported_and_corrected_as_the_form_records_it(tmp_path):
    operator = operator_of("lanjut_usia")
    rows = [[*HEADERS, "Tanggal lahir perkiraan"], [*resident("Siti Contoh", "01-01-1945", "Lansia", ""), "Ya"]]

    result = run(csv_file(tmp_path, rows), operator, entity="clients")

    assert result.created == 1, problems_of(result)
    person = Person.objects.get()
    assert person.birth_date_estimated is True
    for file_format in ("csv", "xlsx"):
        out = tmp_path / f"klien.{file_format}"
        call_command("export_data", "clients", str(out), "--as", operator.username, "--purpose", "reporting")
        table = (
            CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
            if file_format == "xlsx"
            else (list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines())))
        )
        assert table[1][table[0].index("Tanggal lahir perkiraan")] == "Ya"
        # the export read back: nothing to change
        again = run(out, operator, entity="clients")
        assert (again.unchanged, again.updated, again.created) == (1, 0, 0), problems_of(again)

    correction = [["ID", "Tanggal masuk", "Tanggal lahir perkiraan"], [person.pk, "02-01-2024", "Tidak"]]
    corrected = run(csv_file(tmp_path, correction, name="koreksi.csv"), operator, entity="clients")

    assert corrected.updated == 1, problems_of(corrected)
    person.refresh_from_db()
    assert person.birth_date_estimated is False


def test_a_first_category_the_home_does_not_serve_says_it_was_taken_as_the_main_one(tmp_path):
    rows = [HEADERS, resident("Siti Contoh", "17-08-1945", "Penyandang Disabilitas; Lanjut Usia Telantar", "")]

    result = run(csv_file(tmp_path, rows), operator_of("lanjut_usia"), entity="clients")

    assert result.created == 0
    (message,) = [message for _row, column, _value, message in problems_of(result) if column == "Kategori PPKS"]
    assert message.endswith(
        "Kategori pertama dipakai sebagai kategori utama: tulis “Lanjut Usia Telantar” lebih dulu, atau isi kolom "
        "Kategori PPKS utama."
    )


def test_a_child_at_an_elderly_home_is_refused_for_the_row_not_for_a_missing_lks_column(tmp_path):
    operator = operator_of("lanjut_usia")
    run(csv_file(tmp_path, [HEADERS, resident("Siti Contoh", "17-08-1950", "Lansia", "")]), operator, entity="clients")
    person = Person.objects.get()
    correction = [["ID", "Tanggal masuk", "Tanggal lahir"], [person.pk, "02-01-2024", "17-08-2012"]]

    result = run(csv_file(tmp_path, correction, name="koreksi.csv"), operator, entity="clients")

    assert result.updated == 0
    assert [(column, message) for _row, column, _value, message in problems_of(result)] == [
        ("", "Anak tidak dapat ditempatkan di LKS lanjut usia.")
    ]


def test_the_staff_of_an_elderly_home_are_not_asked_whether_they_work_with_children(tmp_path):
    staff = [["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran"], ["Mariana Contoh", "P", "lks", "Pengasuh"]]
    home = run(csv_file(tmp_path, staff), operator_of("lanjut_usia"), entity="workers", dry_run=True)
    children = run(csv_file(tmp_path, staff, name="lksa.csv"), operator_of("anak"), entity="workers", dry_run=True)

    assert home.created == children.created == 1, problems_of(home)
    assert not any("bekerja dengan anak" in notice for notice in home.notices)
    assert any("dicatat tidak bekerja dengan anak" in notice for notice in children.notices)
