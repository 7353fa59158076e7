"""Files people bring from other government systems and documents (seventy-first review): a DTKS/SIKS-NG export's
upper-case headers (NOKK, JNS_KEL with 1/2), Dukcapil's JENIS_KLMIN, Dapodik's "Nama Peserta Didik", and a list
copied from a Word document (a numbered or bulleted name, a non-breaking hyphen in "Laki‑laki")."""

import datetime

import pytest

from sinergi.core.crypto import keyed_hash
from sinergi.exchange.tests.conftest import run, xlsx_file
from sinergi.people.models import Person, Worker
from sinergi.people.nik import nik_compose
from sinergi.people.tests.factories import people_world
from sinergi.people.tests.test_exchange import (
    ADMITTED,
    BOY,
    GIRL,
    NIK_BOY,
    NIK_GIRL,
    SHEET,
    import_clients,
    snapshot,
)

pytestmark = pytest.mark.django_db

KK_BOY = "6371010101100001"
KK_GIRL = "6371020202120002"
# What an operator adds to an export of another system: the placement's own columns.
OURS = ["Kategori PPKS", "Bentuk layanan", "Tanggal masuk"]
PLACEMENT = ["anak_telantar", "Dalam panti (residensial)", ADMITTED]


@pytest.fixture
def world():
    world = people_world()
    world.lks.registration_number = "TD/HARAPAN/1"
    world.lks.save()
    return world


def gov_file(tmp_path, headers, rows, name="dtks.xlsx"):
    return xlsx_file(tmp_path, [[*headers, *OURS], *[[*row, *PLACEMENT] for row in rows]], name=name, sheet=SHEET)


def read_as(result) -> list[str]:
    return [str(n) for n in result.notices if "dibaca sebagai" in str(n)]


def test_a_dtks_export_under_its_own_headers_imports_its_family_card_and_sex(tmp_path, world):
    # Given a DTKS/SIKS-NG export: NOKK, NIK, NAMA, TMP_LAHIR, TGL_LAHIR, JNS_KEL as letters
    headers = ["NOKK", "NIK", "NAMA", "TMP_LAHIR", "TGL_LAHIR", "JNS_KEL"]
    rows = [
        [KK_BOY, NIK_BOY, "BUDI CONTOH", "BANJARMASIN", BOY, "L"],
        [KK_GIRL, NIK_GIRL, "ANI CONTOH", "BANJARMASIN", GIRL, "P"],
    ]
    # When the operator imports it
    result = import_clients(gov_file(tmp_path, headers, rows), world.operator)
    # Then the family card's number and the sex are read from those columns, and nothing is left unread
    assert (result.status, result.created, result.problems) == ("succeeded", 2, [])
    assert not [n for n in result.notices if "tidak dikenal" in str(n)]
    stored = {p.full_name: (p.sex, p.kk_hash, p.birth_place) for p in Person.objects.all()}
    assert stored == {
        "BUDI CONTOH": ("L", keyed_hash(KK_BOY), "BANJARMASIN"),
        "ANI CONTOH": ("P", keyed_hash(KK_GIRL), "BANJARMASIN"),
    }


@pytest.mark.parametrize("kk_header", ["NOKK", "NKK", "No_KK"])
def test_the_family_card_headers_of_other_systems_name_the_kk_column(tmp_path, world, kk_header):
    path = gov_file(tmp_path, [kk_header, "NIK", "NAMA", "TGL_LAHIR", "JK"], [[KK_BOY, NIK_BOY, "Budi", BOY, "L"]])
    result = import_clients(path, world.operator)
    assert (result.status, result.created) == ("succeeded", 1), result.problems
    assert Person.objects.get().kk_hash == keyed_hash(KK_BOY)


@pytest.mark.parametrize("sex_header", ["JNS_KEL", "JENIS_KEL", "JNS_KELAMIN", "JENIS_KLMIN", "Jns. Kel."])
def test_the_sex_headers_of_dtks_and_dukcapil_name_the_sex_column(tmp_path, world, sex_header):
    path = gov_file(
        tmp_path, ["No KK", "NIK", "NAMA", "TGL_LAHIR", sex_header], [[KK_GIRL, NIK_GIRL, "Ani", GIRL, "P"]]
    )
    result = import_clients(path, world.operator)
    assert (result.status, result.created) == ("succeeded", 1), result.problems
    assert Person.objects.get().sex == "P"


def test_the_village_columns_of_a_dtks_export_stay_unknown_beside_its_sex_column(tmp_path, world):
    # "KEL" after "JNS" is the sex (kelamin); NAMA_KEL and KD_KEL are the village's (kelurahan), which the file of
    # clients has no column for: named among the ignored, not read as anything.
    headers = ["No KK", "NIK", "NAMA", "TGL_LAHIR", "JNS_KEL", "NAMA_KEL", "KD_KEL"]
    path = gov_file(tmp_path, headers, [[KK_BOY, NIK_BOY, "Budi", BOY, "L", "ALALAK UTARA", "1002"]])
    result = import_clients(path, world.operator, dry_run=True)
    assert result.status == "checked", result.problems
    ignored = [str(n) for n in result.notices if "tidak dikenal" in str(n)]
    assert len(ignored) == 1 and "“NAMA_KEL”" in ignored[0] and "“KD_KEL”" in ignored[0], ignored


def test_sex_coded_1_and_2_as_government_data_sets_write_it_is_read_and_said(tmp_path, world):
    # Given JNS_KEL as BPS, Dukcapil and SIKS-NG code it (1 laki-laki, 2 perempuan), as text and as number cells
    headers = ["No KK", "NIK", "NAMA", "TGL_LAHIR", "JNS_KEL"]
    rows = [[KK_BOY, NIK_BOY, "Budi", BOY, "1"], [KK_GIRL, NIK_GIRL, "Ani", GIRL, 2]]
    # When the file is tried
    trial = import_clients(gov_file(tmp_path, headers, rows), world.operator, dry_run=True)
    # Then each code is read as the sex it stands for, and the trial says so
    assert (trial.status, trial.created, trial.problems) == ("checked", 2, [])
    assert read_as(trial) == [
        "Isian ini dibaca sebagai pilihan dalam daftar: JNS_KEL: “1” → “Laki-laki”, “2” → “Perempuan”. Periksa bila "
        "maksudnya lain."
    ]
    result = import_clients(gov_file(tmp_path, headers, rows), world.operator)
    assert {p.full_name: p.sex for p in Person.objects.all()} == {"Budi": "L", "Ani": "P"}, result.problems


def test_a_sex_code_that_contradicts_the_nik_is_warned_about(tmp_path, world):
    # A girl's NIK (day of birth + 40) under JNS_KEL 1: read as written, and the NIK's sex is named beside it.
    path = gov_file(tmp_path, ["No KK", "NIK", "NAMA", "TGL_LAHIR", "JNS_KEL"], [[KK_GIRL, NIK_GIRL, "Ani", GIRL, "1"]])
    trial = import_clients(path, world.operator, dry_run=True)
    assert trial.status == "checked", trial.problems
    assert [(w.column, w.message) for w in trial.warnings if w.column == "NIK"] == [
        ("NIK", "Jenis kelamin menurut NIK (Perempuan) berbeda dengan yang diisi.")
    ]


def test_a_sex_code_other_than_1_or_2_is_refused(tmp_path, world):
    path = gov_file(tmp_path, ["No KK", "NIK", "NAMA", "TGL_LAHIR", "JNS_KEL"], [[KK_BOY, NIK_BOY, "Budi", BOY, "0"]])
    result = import_clients(path, world.operator)
    assert result.status == "refused"
    assert [p.column for p in result.problems] == ["JNS_KEL"]
    assert Person.objects.count() == 0


def test_dapodiks_student_name_header_names_the_clients_name(tmp_path, world):
    headers = ["Nama Peserta Didik", "JK", "NISN", "Tanggal Lahir", "NIK", "No KK"]
    path = gov_file(tmp_path, headers, [["Budi Contoh", "L", "0141234567", "17/08/2014", NIK_BOY, KK_BOY]])
    result = import_clients(path, world.operator)
    assert (result.status, result.created) == ("succeeded", 1), result.problems
    assert (Person.objects.get().full_name, Person.objects.get().birth_date) == ("Budi Contoh", BOY)
    assert [str(n) for n in result.notices if "tidak dikenal" in str(n)] == [
        "Kolom yang tidak dikenal diabaikan: “NISN”."
    ]


@pytest.mark.parametrize(
    ("written", "mark", "name"),
    [
        ("1. BUDI CONTOH", "1.", "BUDI CONTOH"),
        ("12) Budi Contoh", "12)", "Budi Contoh"),
        ("• Budi Contoh", "•", "Budi Contoh"),
        ("3 Budi Contoh", "3", "Budi Contoh"),
    ],
)
def test_a_name_still_carrying_the_number_or_bullet_of_a_copied_list_is_refused(tmp_path, world, written, mark, name):
    # Given a list copied from a Word document, its numbering or bullet kept in the name's cell
    headers = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "No KK"]
    before = snapshot()
    path = gov_file(tmp_path, headers, [[written, "L", BOY, NIK_BOY, KK_BOY]])
    # When it is imported
    result = import_clients(path, world.operator)
    # Then the row is refused naming the mark and the name to write, and nothing is saved
    assert result.status == "refused"
    assert [(p.column, p.message) for p in result.problems] == [
        (
            "Nama lengkap",
            f"Nama ini diawali nomor urut atau tanda butir dari daftar yang disalin (“{mark}”). Hapus tanda itu dan "
            f"tulis namanya saja (“{name}”), lalu unggah lagi.",
        )
    ]
    assert snapshot() == before


@pytest.mark.parametrize("written", ["H. Abdul Hadi", "M. Rizki", "'Aisyah", "Nur-Aini"])
def test_a_name_beginning_with_an_initial_or_a_title_is_no_list_mark(tmp_path, world, written):
    headers = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "No KK"]
    result = import_clients(gov_file(tmp_path, headers, [[written, "L", BOY, NIK_BOY, KK_BOY]]), world.operator)
    assert (result.status, result.created) == ("succeeded", 1), result.problems


@pytest.mark.parametrize("dash", ["\u2011", "\u2010", "\u2013"])
def test_laki_laki_with_a_word_processors_hyphen_is_read_as_male(tmp_path, world, dash):
    # Word puts a non-breaking hyphen (U+2011) or, after autocorrect, an en dash between the doubled word: it looks
    # like "Laki-laki" and was refused as a word not in the list, with "Laki-laki" offered as a correction.
    headers = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "No KK"]
    path = gov_file(tmp_path, headers, [["Budi", f"Laki{dash}laki", BOY, NIK_BOY, KK_BOY]])
    result = import_clients(path, world.operator)
    assert (result.status, result.created) == ("succeeded", 1), result.problems
    assert Person.objects.get().sex == "L"


def test_a_staff_list_under_dtks_headers_reads_the_sex_coded_1_and_2(tmp_path, world):
    # Given a list of workers with DTKS headers (NAMA_LENGKAP, JNS_KEL 1/2, TGL_LAHIR)
    rina_born = datetime.date(1985, 5, 17)
    rina_nik = nik_compose(district_code="63.71.01", birth_date=rina_born, sex="P", serial=11)
    rows = [
        ["NIK", "NAMA_LENGKAP", "JNS_KEL", "TGL_LAHIR", "Kategori PSKS", "Peran"],
        [rina_nik, "RINA CONTOH", "2", rina_born, "lks", "Pengasuh"],
        ["", "BUDI CONTOH", 1, datetime.date(1979, 1, 3), "lks", "Pengasuh"],
    ]
    # When the operator imports it
    result = run(xlsx_file(tmp_path, rows, name="pekerja.xlsx"), world.operator, entity="workers")
    # Then both are registered with the sex their code stands for
    assert (result.status, result.created, result.problems) == ("succeeded", 2, [])
    assert dict(Worker.objects.values_list("full_name", "sex")) == {"RINA CONTOH": "P", "BUDI CONTOH": "L"}


@pytest.mark.parametrize(
    ("written", "mark", "name"), [("1. RINA CONTOH", "1.", "RINA CONTOH"), ("• Rina", "•", "Rina")]
)
def test_a_workers_name_still_carrying_a_copied_lists_number_is_refused_as_a_clients_is(tmp_path, world, written,
                                                                                         mark, name):  # fmt: skip
    # Given a staff list copied from a decision letter's annex, its numbering kept in the name's cell
    rows = [["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran"], [written, "P", "lks", "Pengasuh"]]
    # When the operator imports it
    result = run(xlsx_file(tmp_path, rows, name="pekerja.xlsx"), world.operator, entity="workers")
    # Then the row is refused as a client's would be, and no worker is registered
    assert result.status == "refused"
    assert [(p.column, p.message) for p in result.problems] == [
        (
            "Nama lengkap",
            f"Nama ini diawali nomor urut atau tanda butir dari daftar yang disalin (“{mark}”). Hapus tanda itu dan "
            f"tulis namanya saja (“{name}”), lalu unggah lagi.",
        )
    ]
    assert not Worker.objects.exists()
