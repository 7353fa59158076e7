"""Clients and workers through the spreadsheet import: the services' rules on every row, all or nothing,
idempotent re-imports, scope, and summaries equal to a rebuild."""

import csv
import datetime
import io

import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import MembershipFactory, UserFactory
from sinergi.audit.models import AuditEvent
from sinergi.core.crypto import decrypt, keyed_hash
from sinergi.core.errors import ValidationError
from sinergi.exchange.columns import get_entity
from sinergi.exchange.pipeline import ImportCancelled
from sinergi.exchange.services import import_job_create, import_job_run
from sinergi.exchange.tests.conftest import csv_file, problems_of, run, xlsx_file
from sinergi.exchange.values import text
from sinergi.exchange.workbook import template_bytes
from sinergi.organisations.models import Organisation
from sinergi.people.choices import AccessPurpose, CaseStage, DuplicateReason, PlacementStatus, ServiceSetting
from sinergi.people.exchange.clients import RESTRICTED_ROW
from sinergi.people.exchange.common import Hasher, NikChecker, encrypt_many
from sinergi.people.exchange.workers import WorkersEntity
from sinergi.people.models import (
    Consent,
    DuplicateCandidate,
    Person,
    PersonAccess,
    Placement,
    PlacementActive,
    PlacementMonthly,
    Worker,
    WorkerAccess,
    WorkerCount,
)
from sinergi.people.nik import nik_check, nik_compose
from sinergi.people.summaries import summaries_rebuild
from sinergi.people.tests.factories import PersonFactory, PlacementFactory, WorkerFactory, people_world
from sinergi.people.tests.test_concurrency_stress_imports import WORKER_HEADERS as STRESS_WORKER_HEADERS
from sinergi.people.tests.test_concurrency_stress_imports import worker
from sinergi.vocabularies.models import Term

pytestmark = pytest.mark.django_db

SHEET = "Data penerima layanan"
HEADERS = [
    "Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "Alasan KK kosong", "Kategori PPKS", "Bentuk layanan",
    "Tanggal masuk", "Nama ibu kandung",
]  # fmt: skip
BOY = datetime.date(2014, 8, 17)
NIK_BOY = nik_compose(district_code="63.71.01", birth_date=BOY, sex="L", serial=1)  # 6371011708140001
GIRL = datetime.date(2012, 3, 5)
NIK_GIRL = nik_compose(district_code="63.71.02", birth_date=GIRL, sex="P", serial=2)
ADMITTED = datetime.date(2024, 1, 15)


@pytest.fixture
def world():
    world = people_world()
    world.lks.registration_number = "TD/HARAPAN/1"
    world.lks.save()
    return world


def boy_row(**changes) -> list:
    row = {
        "Nama lengkap": "Budi Contoh",
        "Jenis kelamin": "L",
        "Tanggal lahir": BOY,
        "NIK": NIK_BOY,
        "Alasan KK kosong": "unknown",
        "Kategori PPKS": "anak_telantar",
        "Bentuk layanan": "Dalam panti (residensial)",
        "Tanggal masuk": ADMITTED,
        "Nama ibu kandung": "Siti Contoh",
    }
    row.update(changes)
    return [row[h] for h in HEADERS]


def girl_row(**changes) -> list:
    return boy_row(
        **{
            "Nama lengkap": "Ani Contoh",
            "Jenis kelamin": "P",
            "Tanggal lahir": GIRL,
            "NIK": NIK_GIRL,
            "Nama ibu kandung": "Rina Contoh",
            **changes,
        }
    )


def clients_file(tmp_path, rows, *, headers=HEADERS, name="klien.xlsx"):
    return xlsx_file(tmp_path, [headers, *rows], name=name, sheet=SHEET)


def import_clients(path, actor, **kwargs):
    return run(path, actor, entity="clients", **kwargs)


def snapshot():
    """Every row an import may write, for asserting that a refusal or a re-import changed nothing (a refusal's
    access-log lines of the stored records it shows are records of a view, not changes: they are left out)."""
    return (
        list(Person.objects.order_by("pk").values()),
        list(Placement.objects.order_by("pk").values()),
        list(Consent.objects.order_by("pk").values()),
        list(Person.ppks_categories.through.objects.order_by("pk").values_list("person_id", "term_id")),
        list(DuplicateCandidate.objects.order_by("pk").values()),
        PersonAccess.objects.exclude(what="import_refused_checked").count(),
        summary_rows(),
    )


def summary_rows():
    return (
        sorted(PlacementActive.objects.values_list("area_code", "ppks_code", "setting", "active")),
        sorted(PlacementMonthly.objects.values_list(
            "area_code", "month", "ppks_code", "setting", "admissions", "discharges"
        )),
        sorted(WorkerCount.objects.values_list("area_code", "psks_code", "role", "active")),
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------- creating


def test_an_operator_imports_clients_into_their_own_lks_with_encrypted_numbers_and_counts(tmp_path, world):
    # Given a file of two children without an LKS column (the operator has one LKS)
    path = clients_file(tmp_path, [boy_row(), girl_row(**{"Kategori PPKS": "anak_telantar; anak_jalanan"})])
    # When the operator imports it
    result = import_clients(path, world.operator)
    # Then both are admitted at the operator's LKS, as person_admit would admit them
    assert (result.status, result.created, result.updated, result.unchanged) == ("succeeded", 2, 0, 0)
    boy = Person.objects.get(full_name="Budi Contoh")
    assert (boy.organisation_id, boy.regency_code, boy.nik_masked, boy.nik_hash, decrypt(boy.nik_encrypted)) == (
        world.lks.pk,
        "63.71",
        "6371********0001",
        keyed_hash(NIK_BOY),
        NIK_BOY,
    )
    assert (boy.kk_hash, boy.kk_missing_reason, boy.match_key != "") == ("", "unknown", True)
    girl = Person.objects.get(full_name="Ani Contoh")
    assert sorted(girl.ppks_categories.values_list("code", flat=True)) == ["anak_jalanan", "anak_telantar"]
    placement = Placement.objects.get(person=boy)
    assert (placement.ppks_category.code, placement.setting, placement.admitted_on, placement.status) == (
        "anak_telantar",
        "residential",
        ADMITTED,
        PlacementStatus.ACTIVE,
    )
    # A child's case starts at "rujukan" with a review due six months later.
    assert (placement.stage, placement.next_review_on) == (CaseStage.REFERRAL, datetime.date(2024, 7, 15))
    assert PersonAccess.objects.filter(what="created", actor=world.operator).count() == 2
    # And the statistics count them (and equal a rebuild)
    assert PlacementActive.objects.get(area_code="63.71", ppks_code="anak_telantar", setting="residential").active == 2
    imported = summary_rows()
    summaries_rebuild()
    assert summary_rows() == imported


def test_reimporting_the_same_file_changes_nothing(tmp_path, world):
    # Given a file imported once (one person with NIK, one without, matched by name + birth date + mother)
    headers = [*HEADERS, "Alasan NIK kosong"]
    path = clients_file(tmp_path, [[*boy_row(), ""], [*girl_row(**{"NIK": ""}), "street"]], headers=headers)
    assert import_clients(path, world.operator).created == 2
    before = snapshot()
    # When the same file is imported again
    again = import_clients(path, world.operator)
    # Then nothing is written: not a row, not a count, not an access-log line
    assert (again.status, again.created, again.updated, again.unchanged) == ("succeeded", 0, 0, 2)
    assert snapshot() == before


def test_a_client_imported_with_a_discharge_keeps_its_reason_and_a_reimport_changes_nothing(tmp_path, world):
    headers = [*HEADERS, "Tanggal keluar", "Alasan keluar"]
    path = clients_file(tmp_path, [[*boy_row(), datetime.date(2024, 6, 20), "Kembali ke keluarga"]], headers=headers)
    assert import_clients(path, world.operator).created == 1
    placement = Placement.objects.get()
    assert (placement.status, placement.discharged_on, placement.discharge_reason) == (
        "discharged",
        datetime.date(2024, 6, 20),
        "reunified",
    )
    again = import_clients(path, world.operator)
    assert (again.status, again.unchanged) == ("succeeded", 1), problems_of(again)


def test_a_dry_run_reports_and_writes_nothing(tmp_path, world):
    before = snapshot()
    result = import_clients(clients_file(tmp_path, [boy_row()]), world.operator, dry_run=True)
    assert (result.status, result.created) == ("checked", 1)
    # A new person shows the cells as they were read (dates as dates, codes as labels), the NIK masked
    assert result.preview["create"] == [
        {
            "row": 2,
            "key": "Budi Contoh (6371********0001)",
            "values": [
                ["Nama lengkap", "Budi Contoh"],
                ["Jenis kelamin", "Laki-laki"],
                ["Tanggal lahir", "17-08-2014"],
                ["NIK", "6371********0001"],
                ["Alasan KK kosong", "Tidak diketahui / belum diperoleh"],
                ["Kategori PPKS", "Anak Telantar"],
                ["Bentuk layanan", "Dalam panti (residensial)"],
                ["Tanggal masuk", "15-01-2024"],
                ["Nama ibu kandung", "Siti Contoh"],
            ],
        }
    ]
    assert snapshot() == before


def test_one_bad_row_refuses_the_whole_file(tmp_path, world):
    before = snapshot()
    path = clients_file(tmp_path, [boy_row(), girl_row(**{"Jenis kelamin": "X"})])
    result = import_clients(path, world.operator)
    assert result.status == "refused"
    assert problems_of(result) == [
        (3, "Jenis kelamin", "X", "“X” tidak ada dalam daftar. Pilihan: Laki-laki, Perempuan."),
    ]
    assert snapshot() == before


def test_an_empty_dropdown_cell_is_worded_like_every_other_required_cell(tmp_path, world):
    path = clients_file(tmp_path, [boy_row(**{"Jenis kelamin": "", "Bentuk layanan": ""})])
    result = import_clients(path, world.operator)
    assert result.status == "refused"
    assert [(p.column, p.message) for p in result.problems] == [
        ("Jenis kelamin", "Jenis kelamin wajib diisi: pilih salah satu dari daftar."),
        ("Bentuk layanan", "Bentuk layanan wajib diisi: pilih salah satu dari daftar."),
    ]


# ---------------------------------------------------------------------------------------------- bad input


def test_niks_that_excel_turned_into_numbers_are_refused_with_advice(tmp_path, world):
    before = snapshot()
    number_cell = (
        "Sel ini berformat angka, bukan teks, sehingga angka terakhir nomor ini mungkin sudah dibulatkan menjadi 0 "
        "(Excel menyimpan paling banyak 15 angka, misalnya 6.37101E+15). Format kolom sebagai Teks, lalu ketik ulang "
        "nomor dari dokumen aslinya."
    )
    scientific = (
        "Nomor ini tampaknya sudah diubah menjadi angka oleh Excel atau LibreOffice (misalnya 6.37101E+15) sehingga "
        "angka terakhirnya hilang. Format kolom sebagai Teks, lalu ketik ulang nomor dari dokumen aslinya."
    )
    # A number cell whose 16th digit Excel turned into 0, one too large to be kept exactly (Papua's NIKs), and
    # scientific notation as text.
    path = clients_file(
        tmp_path,
        [
            boy_row(**{"NIK": 6371020503120000}),
            girl_row(**{"NIK": 9171020503120001}),
            boy_row(**{"Nama lengkap": "Cahya Contoh", "NIK": "6.37101E+15"}),
        ],
    )
    result = import_clients(path, world.operator)
    assert problems_of(result) == [
        (2, "NIK", "6371020503120000", number_cell),
        (3, "NIK", text(float(9171020503120001)), number_cell),
        (4, "NIK", "6.37101E+15", scientific),
    ]
    assert snapshot() == before


def test_a_nik_in_a_number_cell_with_all_16_digits_kept_is_read(tmp_path, world):
    # LibreOffice keeps every digit of a number cell; Excel would have turned the last one into 0.
    path = clients_file(tmp_path, [boy_row(**{"NIK": 6371011708140001})])
    result = import_clients(path, world.operator)
    assert result.status == "succeeded", problems_of(result)
    assert decrypt(Person.objects.get().nik_encrypted) == "6371011708140001"


def test_a_region_code_excel_turned_into_a_number_is_refused(tmp_path, world):
    path = clients_file(tmp_path, [[*boy_row(), 63.1]], headers=[*HEADERS, "Kode desa asal"])
    result = import_clients(path, world.operator)
    assert problems_of(result) == [
        (
            2,
            "Kode desa asal",
            "63.1",
            "Kode wilayah “63.1” terbaca sebagai angka oleh Excel atau LibreOffice sehingga angka nolnya hilang (63.1 "
            "bisa berarti 63.01 atau 63.10). Format kolom ini sebagai Teks lalu ketik ulang kodenya, mis. 63.71.",
        )
    ]


def test_vocabulary_cells_take_the_labels_the_template_dropdown_offers_in_either_language(tmp_path, world):
    path = clients_file(
        tmp_path,
        [
            [*boy_row(**{"Kategori PPKS": "Anak Telantar; Anak Jalanan, anak_dengan_kedisabilitasan"}), "Anak Jalanan"],
            [*girl_row(**{"Kategori PPKS": "Neglected toddler"}), ""],
        ],
        headers=[*HEADERS, "Kategori PPKS utama"],
    )
    result = import_clients(path, world.operator)
    assert problems_of(result) == []
    boy = Person.objects.get(full_name="Budi Contoh")
    assert sorted(boy.ppks_categories.values_list("code", flat=True)) == [
        "anak_dengan_kedisabilitasan", "anak_jalanan", "anak_telantar",
    ]  # fmt: skip
    assert boy.placements.get().ppks_category.code == "anak_jalanan"
    assert list(Person.objects.get(full_name="Ani Contoh").ppks_categories.values_list("code", flat=True)) == [
        "anak_balita_telantar"
    ]


def test_a_label_with_a_comma_is_one_item_of_a_many_valued_cell(tmp_path, world):
    Term.objects.filter(vocabulary="ppks", code="anak_jalanan").update(label_id="Anak Jalanan, Anak Pinggiran")
    path = clients_file(tmp_path, [boy_row(**{"Kategori PPKS": "Anak Jalanan, Anak Pinggiran; Anak Telantar"})])
    result = import_clients(path, world.operator)
    assert problems_of(result) == []
    boy = Person.objects.get(full_name="Budi Contoh")
    assert sorted(boy.ppks_categories.values_list("code", flat=True)) == ["anak_jalanan", "anak_telantar"]


def test_unknown_vocabulary_values_get_the_closest_suggestion(tmp_path, world):
    path = clients_file(
        tmp_path,
        [boy_row(**{"Kategori PPKS": "anak telantr"}), girl_row(**{"Bentuk layanan": "dalam pnti"})],
    )
    result = import_clients(path, world.operator)
    assert problems_of(result) == [
        (2, "Kategori PPKS", "anak telantr",
         "“anak telantr” tidak ada dalam daftar. Mungkin maksud Anda “Anak Telantar”?"),
        (3, "Bentuk layanan", "dalam pnti",
         "“dalam pnti” tidak ada dalam daftar. Mungkin maksud Anda “Dalam panti (residensial)”?"),
    ]  # fmt: skip


def test_the_words_people_write_for_vocabulary_values_are_read(tmp_path, world):
    # given the spellings and short forms of a real spreadsheet
    path = clients_file(
        tmp_path,
        [
            boy_row(**{"Kategori PPKS": "Anak Terlantar", "Jenis kelamin": "Pria", "Bentuk layanan": "Dalam Panti"}),
            girl_row(**{"Jenis kelamin": "Wanita", "Bentuk layanan": "Luar panti"}),
            # "Laki2": the Indonesian way of writing a doubled word short (the sixty-seventh review)
            boy_row(
                **{
                    "Nama lengkap": "Cahyo Contoh",
                    "Nama ibu kandung": "Sri Contoh",
                    "Jenis kelamin": "Laki2",
                    "NIK": nik_compose(district_code="63.71.01", birth_date=BOY, sex="L", serial=3),
                }
            ),
        ],
    )
    # when
    result = import_clients(path, world.operator)
    # then
    assert (result.status, result.created, result.problems) == ("succeeded", 3, [])
    stored = Placement.objects.order_by("person__full_name").values_list(
        "person__sex", "setting", "ppks_category__code"
    )
    assert list(stored) == [
        ("P", "community", "anak_telantar"),
        ("L", "residential", "anak_telantar"),
        ("L", "residential", "anak_telantar"),
    ]


@pytest.mark.parametrize("total_row", [["JUMLAH", 1], ["JUMLAH"]], ids=["with-its-sum", "sum-not-computed"])
def test_a_sheet_as_people_keep_it_imports_title_numbering_and_total_row_aside(tmp_path, world, total_row):
    # given a title above the header, a "No" column, the usual words and a total row under the data
    headers = ["No", "Nama Lengkap", "JK", "Tgl Lahir", "NIK", "Alasan KK kosong", "Kategori PPKS", "Bentuk Layanan",
               "Tgl Masuk", "Nama Ibu Kandung"]  # fmt: skip
    path = xlsx_file(
        tmp_path,
        [
            ["DATA PENERIMA LAYANAN LKSA HARAPAN"],
            headers,
            [
                1,
                "Budi Contoh",
                "Lk",
                "17/08/2014",
                NIK_BOY,
                "Belum dibuat",
                "Anak Terlantar",
                "Dalam Panti",
                "Jumat, 5 Januari 2024",
                "Siti Contoh",
            ],
            [],
            total_row,  # in the "No" column (not read); its sum may be a formula LibreOffice left without a result
            [],
            # and the sheet's foot: place and date, the signatory's title and name, under the "Tgl Masuk" column
            ["", "", "", "", "", "", "", "", "Banjarmasin, 30 November 2026"],
            ["", "", "", "", "", "", "", "", "Ketua LKSA"],
            [],
            ["", "", "", "", "", "", "", "", "( H. Contoh )"],
        ],  # fmt: skip
        sheet=SHEET,
    )
    # when
    result = import_clients(path, world.operator)
    # then
    assert (result.status, result.created, result.problems) == ("succeeded", 1, [])
    assert "Baris 5 berisi jumlah/total, bukan data, dan dilewati." in result.notices
    assert (
        "Baris 7, 8, 10 di bawah baris jumlah hanya berisi satu isian (mis. tempat dan tanggal, atau tanda tangan), "
        "bukan data, dan dilewati."
    ) in result.notices
    person = Person.objects.get()
    assert (person.kk_missing_reason, person.sex) == ("not_yet_recorded", "L")


def test_an_unreadable_reason_is_reported_once_not_again_as_a_missing_number(tmp_path, world):
    path = clients_file(tmp_path, [boy_row(**{"Alasan KK kosong": "karena hilang"})])
    result = import_clients(path, world.operator)
    assert [(p.column, p.value) for p in result.problems] == [("Alasan KK kosong", "karena hilang")]


def test_origin_regions_by_code_or_by_name_and_unknown_ones_refused(tmp_path, world):
    headers = [*HEADERS, "Kode desa asal", "Kabupaten/Kota asal", "Kecamatan asal"]
    path = clients_file(
        tmp_path,
        [
            [*boy_row(), "63.71.01.1001", "", ""],
            [*girl_row(), "", "Kota Banjarmasin", "Banjarmasin Selatan"],
            [*boy_row(**{"Nama lengkap": "Dodi Contoh", "NIK": nik_compose(district_code="63.71.01", birth_date=BOY,
                                                                              sex="L", serial=9)}), "63.71.99", "", ""],
        ],
        headers=headers,
    )  # fmt: skip
    result = import_clients(path, world.operator, dry_run=True)
    assert problems_of(result) == [
        (4, "Kode desa asal", "63.71.99", "Kode wilayah 63.71.99 tidak ada dalam daftar wilayah Kemendagri.")
    ]
    good = [[*boy_row(), "63.71.01.1001", "", ""], [*girl_row(), "", "Kota Banjarmasin", "Banjarmasin Selatan"]]
    path = clients_file(tmp_path, good, headers=headers, name="ok.xlsx")
    assert import_clients(path, world.operator).created == 2
    assert Person.objects.get(full_name="Budi Contoh").origin_region_id == "63.71.01.1001"
    assert Person.objects.get(full_name="Ani Contoh").origin_region_id == "63.71.01"


def test_dates_are_read_in_every_accepted_shape(tmp_path, world):
    shapes = [ADMITTED, 45306, "2024-01-15", "15-01-2024", "15/01/2024", "15 Januari 2024", "'15-01-2024"]
    rows = [
        boy_row(**{
            "Nama lengkap": f"Anak {i}",
            "NIK": nik_compose(district_code="63.71.01", birth_date=BOY, sex="L", serial=100 + i),
            "Tanggal masuk": shape,
        })
        for i, shape in enumerate(shapes)
    ]  # fmt: skip
    result = import_clients(clients_file(tmp_path, rows), world.operator)
    assert (result.status, result.created) == ("succeeded", len(shapes))
    assert set(Placement.objects.values_list("admitted_on", flat=True)) == {ADMITTED}


def test_dates_that_cannot_be_read_or_lie_in_the_future_are_refused(tmp_path, world):
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    path = clients_file(tmp_path, [boy_row(**{"Tanggal masuk": "31-02-2024"}), girl_row(**{"Tanggal masuk": tomorrow})])
    result = import_clients(path, world.operator)
    assert problems_of(result) == [
        (2, "Tanggal masuk", "31-02-2024", "Tanggal “31-02-2024” tidak ada di kalender."),
        (3, "Tanggal masuk", tomorrow.strftime("%d-%m-%Y"), "Tanggal tidak boleh di masa depan."),
    ]


def test_duplicate_rows_in_the_file_are_refused(tmp_path, world):
    path = clients_file(tmp_path, [boy_row(), girl_row(), boy_row(**{"Nama lengkap": "Budi C."})])
    result = import_clients(path, world.operator)
    assert problems_of(result) == [
        (4, "", "", "Baris ini duplikat baris 2 (NIK 6371********0001 di LKS ini sama)."),
    ]
    assert Person.objects.count() == 0


def test_a_nik_already_active_at_the_same_lks_is_refused(tmp_path, world):
    person = PersonFactory(organisation=world.lks, nik=NIK_BOY, full_name="Budi Contoh", birth_date=BOY)
    PlacementFactory(person=person, admitted_on=datetime.date(2023, 5, 1))
    before = snapshot()
    result = import_clients(clients_file(tmp_path, [boy_row()]), world.operator)
    assert problems_of(result) == [
        (
            2,
            "Tanggal masuk",
            "15-01-2024",
            "Penerima layanan dengan NIK ini sudah terdaftar aktif di LKS ini dengan Tanggal masuk berbeda (tersimpan "
            "01-05-2023, di file 15-01-2024). Bila baris ini tentang penempatan yang sama, samakan Tanggal masuk "
            "dengan yang tersimpan; bila yang tersimpan salah, ubah di halaman penerima layanan. Bila ia sudah keluar "
            "lalu masuk lagi, catat dulu Tanggal keluar penempatan yang tersimpan.",
        )
    ]
    assert snapshot() == before


def test_a_nik_admitted_at_the_lks_by_someone_else_while_the_file_was_checked_refuses_the_import(tmp_path, world):
    # given an import whose check passed, and a colleague who admits the same child on the page before it writes
    def admit_meanwhile(phase, done, total):
        if phase == "saving" and done == 0:
            person = PersonFactory(organisation=world.lks, nik=NIK_BOY, full_name="Budi Contoh", birth_date=BOY)
            PlacementFactory(person=person, organisation=world.lks, admitted_on=datetime.date(2023, 5, 1))
        return False

    path = clients_file(tmp_path, [girl_row(), boy_row()])
    # when
    result = import_clients(path, world.operator, progress=admit_meanwhile)
    # then the import is refused as a whole, naming the row, and only the colleague's admission exists
    assert result.status == "refused"
    assert result.message == (
        "Baris 3: NIK ini didaftarkan di LKS yang sama selama impor berjalan (lewat formulir atau impor lain). Tidak "
        "ada yang disimpan; ulangi impor."
    )
    assert list(Person.objects.values_list("full_name", flat=True)) == ["Budi Contoh"]


def test_a_child_in_an_elderly_home_is_refused(tmp_path, world):
    headers = [*HEADERS, "LKS"]
    path = clients_file(tmp_path, [[*boy_row(), "Panti Werdha Contoh"]], headers=headers)
    result = import_clients(path, world.province_admin)
    assert problems_of(result) == [
        # of the row: the birth date may be what is wrong as much as the LKS
        (2, "", "", "Anak tidak dapat ditempatkan di LKS lanjut usia."),
        (2, "Kategori PPKS", "anak_telantar",
         "Panti Werdha Contoh tidak melayani kategori “Anak Telantar” menurut jenis layanannya."),
    ]  # fmt: skip


def test_every_stored_text_column_has_the_length_limit_of_its_field():
    from sinergi.people.exchange.clients import HEADERS as CLIENT_COLUMNS

    stored = {
        "full_name": Person, "birth_place": Person, "mother_name": Person, "father_name": Person,
        "guardian_name": Person, "guardian_relation": Person, "guardian_phone": Person,
        "consent_giver_name": (Consent, "giver_name"), "consent_scope": (Consent, "scope"),
    }  # fmt: skip
    for key, target in stored.items():
        model, field = target if isinstance(target, tuple) else (target, key)
        assert CLIENT_COLUMNS[key].max_length == model._meta.get_field(field).max_length, key


def test_no_client_or_worker_is_registered_at_an_lks_that_is_not_active_yet(tmp_path, world):
    # As the forms, which offer only active LKS: a draft LKS has not been verified and opened by its board.
    Organisation.objects.filter(pk=world.lks.pk).update(status="draft")
    message = "LKS ini belum aktif (masih draf); penerima layanan dapat didaftarkan setelah pengurus mengaktifkannya."
    assert problems_of(import_clients(clients_file(tmp_path, [boy_row()]), world.operator)) == [(2, "LKS", "", message)]
    refused = import_workers(tmp_path, [worker_row()], world.operator)
    assert [problem[3] for problem in problems_of(refused)] == [
        "LKS ini belum aktif (masih draf); pekerja dapat didaftarkan setelah pengurus mengaktifkannya."
    ]
    assert not Person.objects.exists() and not Worker.objects.exists()


def test_age_outside_a_category_rule_is_a_warning_and_the_row_imports(tmp_path, world):
    adult = datetime.date(1990, 4, 2)
    nik = nik_compose(district_code="63.71.01", birth_date=adult, sex="L", serial=3)
    result = import_clients(clients_file(tmp_path, [boy_row(**{"Tanggal lahir": adult, "NIK": nik})]), world.operator)
    assert (result.status, result.created) == ("succeeded", 1)
    assert [(w.row, w.column, w.message) for w in result.warnings] == [
        (
            2,
            "Tanggal lahir",
            "Usia 33 tahun saat masuk (15-01-2024) di luar batas usia kategori “Anak Telantar” (6–18 tahun).",
        ),
        (2, "", "Dasar pemrosesan data (persetujuan) belum dicatat; catat segera."),
    ]


def test_nik_or_a_reason_is_required_and_a_nik_disagreeing_with_the_record_warns(tmp_path, world):
    path = clients_file(tmp_path, [boy_row(**{"NIK": ""}), girl_row(**{"Tanggal lahir": datetime.date(2012, 3, 6)})])
    result = import_clients(path, world.operator)
    # (this file has no "Alasan NIK kosong" column: the message says so)
    assert problems_of(result) == [
        (2, "NIK", "", "Isi NIK atau pilih alasannya bila tidak ada. Kolom “Alasan NIK kosong” tidak ada di file ini: "
         "tambahkan bila perlu."),
    ]  # fmt: skip
    fixed = import_clients(
        clients_file(tmp_path, [girl_row(**{"Tanggal lahir": datetime.date(2012, 3, 6)})], name="b.xlsx"),
        world.operator,
    )
    assert [w.message for w in fixed.warnings if w.column == "NIK"] == [
        "Tanggal lahir di NIK (05-03-2012) berbeda dengan tanggal lahir yang diisi (06-03-2012)."
    ]


def test_a_childs_consent_must_come_from_a_parent_or_guardian(tmp_path, world):
    headers = [*HEADERS, "Persetujuan oleh", "Nama pemberi persetujuan", "Tanggal persetujuan", "Dasar pemrosesan",
               "Cakupan persetujuan"]  # fmt: skip
    consent = ["Yang bersangkutan", "Budi Contoh", ADMITTED, "Persetujuan yang sah", "Pelayanan"]
    result = import_clients(clients_file(tmp_path, [[*boy_row(), *consent]], headers=headers), world.operator)
    assert problems_of(result) == [
        (2, "Persetujuan oleh", "Yang bersangkutan",
         "Persetujuan untuk data anak diberikan oleh orang tua atau wali, bukan anak itu sendiri."),
    ]  # fmt: skip
    consent[0:2] = ["Orang tua", "Siti Contoh"]
    ok = import_clients(
        clients_file(tmp_path, [[*boy_row(), *consent]], headers=headers, name="b.xlsx"), world.operator
    )
    assert ok.created == 1
    stored = Consent.objects.get()
    assert (stored.given_by, stored.giver_name, stored.given_on, stored.legal_basis, stored.recorded_by) == (
        "parent", "Siti Contoh", ADMITTED, "consent", world.operator
    )  # fmt: skip


def test_missing_required_columns_are_named(tmp_path, world):
    path = xlsx_file(tmp_path, [["Nama lengkap", "NIK"], ["Budi", NIK_BOY]], sheet=SHEET)
    result = import_clients(path, world.operator)
    assert result.message == (
        "Kolom wajib tidak ada: “Jenis kelamin”, “Bentuk layanan”, “Tanggal masuk”, “Kategori PPKS (atau Kategori "
        "PPKS utama)”, "
        "“Nomor KK (atau Alasan KK kosong)”. Tambahkan kolom itu (lihat templat impor)."
    )


def test_a_csv_with_semicolons_and_windows_encoding_imports(tmp_path, world):
    rows = [
        HEADERS,
        [v.isoformat() if isinstance(v, datetime.date) else v for v in boy_row(**{"Nama lengkap": "Budi Sérgio"})],
    ]
    path = csv_file(tmp_path, rows, delimiter=";", encoding="cp1252")
    result = import_clients(path, world.operator)
    assert (result.status, result.created) == ("succeeded", 1)
    assert Person.objects.get().full_name == "Budi Sérgio"


# ---------------------------------------------------------------------------------------------- scope


def test_an_operator_may_import_only_into_their_own_lks(tmp_path, world):
    path = clients_file(tmp_path, [[*boy_row(), "LKSA Tetangga Contoh"]], headers=[*HEADERS, "LKS"])
    result = import_clients(path, world.operator)
    assert problems_of(result) == [
        (2, "LKS", "LKSA Tetangga Contoh", "Anda tidak berwenang mendaftarkan penerima layanan di LKS ini.")
    ]
    assert Person.objects.count() == 0


def test_a_province_admin_imports_into_any_lks_by_registration_number(tmp_path, world):
    path = clients_file(tmp_path, [[*boy_row(), "td/harapan/1"]], headers=[*HEADERS, "LKS"])
    result = import_clients(path, world.province_admin)
    assert result.created == 1
    assert Person.objects.get().organisation == world.lks


def test_boards_and_outsiders_may_not_import_clients(tmp_path, world):
    from django.core.files import File

    from sinergi.core.errors import PermissionDenied

    path = clients_file(tmp_path, [boy_row()])
    for actor in (world.regency_board, world.dinsos_viewer, world.outsider):
        with pytest.raises(PermissionDenied), path.open("rb") as handle:
            import_job_create(actor=actor, entity_key="clients", file=File(handle), original_name="a.xlsx")
    # Without an LKS column a province admin must say which LKS.
    result = import_clients(path, world.province_admin)
    assert problems_of(result) == [(2, "LKS", "", "Isi kolom LKS (nomor tanda daftar atau nama LKS).")]


# ---------------------------------------------------------------------------------------------- updates


def test_a_discharge_date_on_an_active_placement_discharges_it_and_moves_the_counts(tmp_path, world):
    headers = [*HEADERS, "Tanggal keluar", "Alasan keluar"]
    assert import_clients(clients_file(tmp_path, [[*boy_row(), "", ""]], headers=headers), world.operator).created == 1
    path = clients_file(tmp_path, [[*boy_row(), "20-06-2024", "Kembali ke keluarga"]], headers=headers, name="b.xlsx")
    preview = import_clients(path, world.operator, dry_run=True)
    assert preview.preview["update"] == [
        {"row": 2, "key": "Budi Contoh", "changes": {
            "Tanggal keluar": ["", "20-06-2024"], "Alasan keluar": ["", "Kembali ke keluarga"]}}
    ]  # fmt: skip
    result = import_clients(path, world.operator)
    assert (result.updated, result.created) == (1, 0)
    placement = Placement.objects.get()
    assert (placement.status, placement.discharged_on, placement.discharge_reason, placement.stage) == (
        PlacementStatus.DISCHARGED, datetime.date(2024, 6, 20), "reunified", CaseStage.TERMINATION
    )  # fmt: skip
    assert placement.next_review_on is None
    assert not PlacementActive.objects.filter(area_code="63.71").exists()
    # the stay's own history says it ended, as a discharge on its page does (the fifty-fourth review M3)
    event = AuditEvent.objects.get(action="people.placement.discharged")
    assert (event.object_type, event.object_id, event.actor) == ("people.placement", str(placement.pk), world.operator)
    assert event.changes["discharged_on"] == [None, "2024-06-20"]
    assert event.changes["discharge_reason"] == ["", "reunified"]
    assert event.provinces == ",63,"
    imported = summary_rows()
    summaries_rebuild()
    assert summary_rows() == imported


def test_a_different_form_of_service_is_refused_and_corrected_on_the_clients_page(tmp_path, world):
    assert import_clients(clients_file(tmp_path, [boy_row()]), world.operator).created == 1
    before = snapshot()
    changed = boy_row(**{"Nama ibu kandung": "Siti Lain", "Bentuk layanan": "Luar panti / berbasis keluarga"})
    result = import_clients(clients_file(tmp_path, [changed], name="b.xlsx"), world.operator)
    assert problems_of(result) == [
        (2, "Bentuk layanan", "Luar panti / berbasis keluarga",
         "Penerima layanan ini sudah terdaftar aktif di LKS ini dengan isian berbeda (Bentuk layanan: tersimpan "
         "“Dalam panti (residensial)”, di file “Luar panti / berbasis keluarga”). Bila yang tersimpan benar, samakan "
         "file Anda; bila salah, perbaiki di halaman penerima layanan (Perbaiki data penempatan). Impor hanya "
         "menambah penerima layanan baru, memperbaiki data orangnya, atau mencatat tanggal keluar."),
    ]  # fmt: skip
    assert snapshot() == before


def test_a_re_import_corrects_the_persons_record_shown_before_and_after_and_logged(tmp_path, world):
    # given a child imported with a typo in the mother's name and no birth place
    assert import_clients(clients_file(tmp_path, [boy_row(**{"Nama ibu kandung": "Siti Contho"})]), world.operator)
    person = Person.objects.get()
    headers = [*HEADERS, "Tempat lahir", "Kategori PPKS utama"]
    corrected = [*boy_row(**{"Nama ibu kandung": "Siti Contoh", "Kategori PPKS": "anak_telantar; anak_jalanan"}),
                 "Banjarmasin", "anak_telantar"]  # fmt: skip
    path = clients_file(tmp_path, [corrected], headers=headers, name="b.xlsx")
    # when checked, then imported
    checked = import_clients(path, world.operator, dry_run=True)
    result = import_clients(path, world.operator)
    # then the dry run shows before → after, and the import corrects through the service (audit, access log)
    assert checked.preview["update"][0]["changes"] == {
        "Tempat lahir": ["", "Banjarmasin"],
        "Nama ibu kandung": ["Siti Contho", "Siti Contoh"],
        "Kategori PPKS": ["Anak Telantar", "Anak Telantar; Anak Jalanan"],
    }
    assert (result.status, result.updated, result.extra["corrected"]) == ("succeeded", 1, 1)
    person.refresh_from_db()
    assert (person.mother_name, person.birth_place, person.version) == ("Siti Contoh", "Banjarmasin", 2)
    assert sorted(person.ppks_categories.values_list("code", flat=True)) == ["anak_jalanan", "anak_telantar"]
    assert AuditEvent.objects.filter(action="people.person.updated", object_id=str(person.pk)).count() == 1
    assert PersonAccess.objects.filter(person=person, what="changed").count() == 1
    # and importing the corrected file again changes nothing
    again = import_clients(clients_file(tmp_path, [corrected], headers=headers, name="c.xlsx"), world.operator)
    assert (again.unchanged, again.updated) == (1, 0)


def test_a_correction_of_a_restricted_record_is_refused(tmp_path, world):
    assert import_clients(clients_file(tmp_path, [boy_row()]), world.operator).created == 1
    Person.objects.update(is_restricted=True)
    result = import_clients(
        clients_file(tmp_path, [boy_row(**{"Nama ibu kandung": "Siti Lain"})], name="b.xlsx"), world.operator
    )
    assert result.status == "refused"
    # The operator, who no longer sees the record, is told nothing of it (not even how the row compares)
    assert [p.message for p in result.problems] == [
        "Baris ini tentang penerima layanan yang datanya hanya dapat diproses oleh admin provinsi saat ini. Hapus "
        "baris ini dari file, atau hubungi admin provinsi."
    ]
    unchanged = import_clients(clients_file(tmp_path, [boy_row()], name="c.xlsx"), world.operator, dry_run=True)
    assert (unchanged.status, unchanged.unchanged) == ("refused", 0)
    # The province admin, who handles the request, is told where the row differs
    row = [*boy_row(**{"Nama ibu kandung": "Siti Lain"}), "TD/HARAPAN/1"]
    result = import_clients(
        clients_file(tmp_path, [row], headers=[*HEADERS, "LKS"], name="d.xlsx"), world.province_admin
    )
    assert [p.message for p in result.problems] == [
        "Pemrosesan data orang ini sedang dibatasi atas permintaannya; data tidak dapat diubah. Baris ini berbeda dari "
        "yang tersimpan di: Nama ibu kandung."
    ]
    assert Person.objects.get().mother_name == "Siti Contoh"


def test_an_import_tells_an_operator_nothing_of_a_restricted_client(tmp_path, world):
    # A security review read a restricted child's name, admission date and category back through trial imports (by
    # the export's ID, by the NIK under another name, by a copy reported "unchanged"), and counted them as absent.
    import_clients(clients_file(tmp_path, [boy_row(), girl_row()]), world.operator)
    boy = Person.objects.get(nik_hash=keyed_hash(NIK_BOY))
    Person.objects.filter(pk=boy.pk).update(is_restricted=True)
    by_id = clients_file(tmp_path, [[*boy_row(**{"Nama lengkap": "Siapa Saja"}), boy.pk]], headers=[*HEADERS, "ID"],
                         name="b.xlsx")  # fmt: skip
    by_nik = clients_file(tmp_path, [boy_row(**{"Nama lengkap": "Siapa Saja"})], name="c.xlsx")
    girl_only = clients_file(tmp_path, [girl_row()], name="d.xlsx")

    answers = [import_clients(path, world.operator, dry_run=True) for path in (by_id, by_nik)]

    for result in answers:
        assert [p.message for p in result.problems] == [str(RESTRICTED_ROW)]
        assert "Budi" not in str(result.warnings) + str(result.notices)
    notices = import_clients(girl_only, world.operator, dry_run=True).notices
    assert not any("tidak ada di file ini" in notice for notice in notices)


def test_an_import_tells_a_province_admin_of_elsewhere_who_operates_the_lks_nothing_of_its_restricted_client(
    tmp_path, world
):
    # The fiftieth review: the admin of Kalimantan Tengah operating an LKS in Kalsel was read the restricted child's
    # stored name, "unchanged" for a copy, and the child counted as absent: the import asked "admin anywhere?".
    from sinergi.regions.services import region_tree_load

    region_tree_load(provinces=["62"])
    import_clients(clients_file(tmp_path, [boy_row(), girl_row()]), world.operator)
    Person.objects.filter(nik_hash=keyed_hash(NIK_BOY)).update(is_restricted=True)  # Kalsel's admin's matter
    dual = UserFactory(username="admin62.operator")
    MembershipFactory(user=dual, role=Role.PROVINCE_ADMIN, region_id="62", organisation=None)
    MembershipFactory(user=dual, role=Role.LKS_OPERATOR, region_id=None, organisation=world.lks)
    copy = clients_file(tmp_path, [boy_row()], name="b.xlsx")
    by_nik = clients_file(tmp_path, [boy_row(**{"Nama lengkap": "Siapa Saja"})], name="c.xlsx")
    girl_only = clients_file(tmp_path, [girl_row()], name="d.xlsx")

    answers = [import_clients(path, dual, dry_run=True) for path in (copy, by_nik)]

    for result in answers:
        assert [p.message for p in result.problems] == [str(RESTRICTED_ROW)]
        assert "Budi" not in str(result.warnings) + str(result.notices)
    notices = import_clients(girl_only, dual, dry_run=True).notices
    assert not any("tidak ada di file ini" in notice for notice in notices)
    # ... while a user of the same two roles in Kalsel, who handles the child's requests, is told
    kalsel = UserFactory(username="admin63.operator")
    MembershipFactory(user=kalsel, role=Role.PROVINCE_ADMIN, region_id="63", organisation=None)
    MembershipFactory(user=kalsel, role=Role.LKS_OPERATOR, region_id=None, organisation=world.lks)
    named = clients_file(tmp_path, [[*boy_row(), world.lks.name]], headers=[*HEADERS, "LKS"], name="e.xlsx")
    told = import_clients(named, kalsel, dry_run=True)
    assert (told.status, told.unchanged, told.problems) == ("checked", 1, [])


def test_an_operators_job_naming_a_restricted_client_is_refused_on_its_row_not_failed(tmp_path, world):
    # The thirty-seventh review: through the job (as the page and the worker run it), the row's message, a lazy
    # constant, could not be stored; the job failed as "interrupted, run it again", and failed again each time.
    from django.core.files import File

    import_clients(clients_file(tmp_path, [boy_row()]), world.operator)
    Person.objects.update(is_restricted=True)
    path = clients_file(tmp_path, [boy_row()], name="lagi.xlsx")
    with path.open("rb") as handle:
        job = import_job_create(
            actor=world.operator, entity_key="clients", file=File(handle), original_name="lagi.xlsx", enqueue=False
        )

    import_job_run(job_id=job.pk)

    job.refresh_from_db()
    assert (job.status, [problem[3] for problem in job.problems]) == ("refused", [str(RESTRICTED_ROW)])
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["exchange.import.checked"]  # not interrupted


# ---------------------------------------------------------------------------------------------- duplicates, audit


def test_the_same_nik_active_at_another_lks_is_flagged_for_the_board_without_detail(tmp_path, world):
    elsewhere = PersonFactory(organisation=world.lks_other_regency, nik=NIK_BOY, birth_date=BOY)
    PlacementFactory(person=elsewhere)
    # A trial writes and flags nothing, so it says nothing of another LKS's clients either: a security review found
    # trials of NIK lists telling an operator who is in care elsewhere.
    trial = import_clients(clients_file(tmp_path, [boy_row()], name="t.xlsx"), world.operator, dry_run=True)
    assert not any("mungkin sama dengan data lain" in w.message for w in trial.warnings)
    result = import_clients(clients_file(tmp_path, [boy_row()]), world.operator)
    assert result.created == 1
    assert [w.message for w in result.warnings if not w.column] == [
        "Dasar pemrosesan data (persetujuan) belum dicatat; catat segera.",
        "Data ini mungkin sama dengan data lain di Sinergi. Pengurus LKKKS kabupaten/kota akan memeriksanya; "
        "pelayanan tetap dapat berjalan seperti biasa.",
    ]
    new = Person.objects.get(organisation=world.lks)
    assert list(DuplicateCandidate.objects.values_list("person_id", "other_id", "reason", "regency_code")) == [
        (new.pk, elsewhere.pk, DuplicateReason.SAME_NIK_OTHER_LKS, "63.71")
    ]


def test_a_real_import_names_few_rows_found_elsewhere_and_counts_the_rest(tmp_path, world):
    # A security review: a file of NIKs imported for real told an operator, row by row, which of them anyone in
    # Sinergi holds (other kabupaten/kota too). Five rows are named, as a handful of form saves would be; the rest
    # are counted. The board is asked to check every one.
    niks = [nik_compose(district_code="63.71.01", birth_date=BOY, sex="L", serial=serial) for serial in range(1, 8)]
    for nik in niks:
        PlacementFactory(person=PersonFactory(organisation=world.lks_other_regency, nik=nik, birth_date=BOY))
    rows = [boy_row(**{"NIK": nik, "Nama lengkap": f"Budi Contoh {i}"}) for i, nik in enumerate(niks)]

    result = import_clients(clients_file(tmp_path, rows), world.operator)

    assert result.created == 7
    said = [w.row for w in result.warnings if "mungkin sama dengan data lain" in w.message]
    assert said == [2, 3, 4, 5, 6]
    assert (
        "2 baris lain juga mungkin sama dengan data lain di Sinergi (baris-barisnya tidak disebutkan). Pengurus LKKKS "
        "kabupaten/kota akan memeriksanya; pelayanan tetap dapat berjalan seperti biasa." in result.notices
    )
    assert DuplicateCandidate.objects.filter(reason=DuplicateReason.SAME_NIK_OTHER_LKS).count() == 7


def test_rows_of_one_new_nik_keep_a_bounded_number_of_the_rows_before_them(tmp_path, world, monkeypatch):
    # A review: 20,000 rows of one new NIK (each refused as a copy of the first) made each row keep every row before
    # it, 15 GB of the worker. As the services flag at most CLOSE_MATCH_LIMIT (here 3) records, so do the rows.
    from sinergi.people.exchange import clients

    monkeypatch.setattr(clients.plan_new, "CLOSE_MATCH_LIMIT", 3)  # where it is looked up
    kept: list[int] = []
    checked = clients.ClientsEntity._duplicates

    def counted(self, client, state):
        checked(self, client, state)
        kept.append(len(client.file_duplicates or ()))

    monkeypatch.setattr(clients.ClientsEntity, "_duplicates", counted)

    result = import_clients(clients_file(tmp_path, [boy_row() for _ in range(10)]), world.operator, dry_run=True)

    assert result.refused_rows == 9  # copies of the first row, refused as before
    assert kept == [0, 1, 2, 3, 3, 3, 3, 3, 3, 3]


def test_the_same_nik_of_someone_discharged_elsewhere_is_flagged_as_a_form_flags_it(tmp_path, world):
    # An upgrade review found an import flagging a shared NIK only while the other record was in care, where the form
    # flags anyone with it.
    elsewhere = PersonFactory(organisation=world.lks_other_regency, nik=NIK_BOY, birth_date=BOY)
    PlacementFactory(person=elsewhere, status="discharged", discharged_on=datetime.date(2024, 1, 31))

    result = import_clients(clients_file(tmp_path, [boy_row()]), world.operator)

    assert result.created == 1
    new = Person.objects.get(organisation=world.lks)
    assert list(DuplicateCandidate.objects.values_list("person_id", "other_id", "reason")) == [
        (new.pk, elsewhere.pk, DuplicateReason.SAME_NIK_OTHER_LKS)
    ]


def test_one_audit_event_per_import_with_its_counts(tmp_path, world):
    from django.core.files import File

    path = clients_file(tmp_path, [boy_row(), girl_row()])
    with path.open("rb") as handle:
        job = import_job_create(
            actor=world.operator, entity_key="clients", file=File(handle), original_name="k.xlsx", dry_run=False,
            enqueue=False,
        )  # fmt: skip
    import_job_run(job_id=job.pk)
    events = list(AuditEvent.objects.filter(action__startswith="exchange.import"))
    assert [e.action for e in events] == ["exchange.import.succeeded"]
    data = events[0].data
    assert {k: data[k] for k in ("entity", "rows", "created", "problems", "warnings", "duplicate_candidates")} == {
        "entity": "clients", "rows": 2, "created": 2, "problems": 0, "warnings": 2, "duplicate_candidates": 0,
    }  # fmt: skip
    # Names and numbers never go into the audit log; the purpose of access it ran under does, as its access lines say
    assert "Budi" not in str(events[0].data) and NIK_BOY not in str(events[0].data)
    assert events[0].purpose == AccessPurpose.SERVICE


# ---------------------------------------------------------------------------------------------- a trial's access log
def trial_lines(log=PersonAccess) -> list[tuple]:
    subject = "person" if log is PersonAccess else "worker"
    return sorted(log.objects.filter(what="import_checked").values_list(subject, "actor", "purpose"))


def test_a_trial_logs_a_view_of_exactly_the_stored_clients_whose_values_it_shows(tmp_path, world):
    # Given Budi and Ani stored
    import_clients(clients_file(tmp_path, [boy_row(), girl_row()]), world.operator)
    budi, ani = Person.objects.get(full_name="Budi Contoh"), Person.objects.get(full_name="Ani Contoh")
    newcomer = boy_row(**{"Nama lengkap": "Candra Contoh", "NIK": nik_compose(
        district_code="63.71.01", birth_date=BOY, sex="L", serial=3)})  # fmt: skip
    rows = [boy_row(**{"Nama ibu kandung": "Siti Contoh Lain"}), girl_row(), newcomer]
    # When a trial would correct Budi's mother's name, finds Ani unchanged and would admit a newcomer
    result = import_clients(clients_file(tmp_path, rows, name="b.xlsx"), world.operator, dry_run=True)
    # Then it shows Budi's stored value and logs that view of him alone, for the import's purpose
    assert (result.status, result.updated, result.unchanged, result.created) == ("checked", 1, 1, 1)
    assert result.preview["update"][0]["changes"] == {"Nama ibu kandung": ["Siti Contoh", "Siti Contoh Lain"]}
    assert trial_lines() == [(budi.pk, world.operator.pk, AccessPurpose.SERVICE)]
    assert not PersonAccess.objects.filter(person=ani, what="import_checked").exists()
    assert PersonAccess.objects.get(what="import_checked").what_label == "dilihat dalam uji coba impor"


def test_a_trial_of_new_clients_only_or_a_cancelled_one_logs_nothing_and_a_matching_one_logs(tmp_path, world):
    # A trial of new rows shows only the file's own values
    assert import_clients(clients_file(tmp_path, [boy_row()]), world.operator, dry_run=True).created == 1
    assert trial_lines() == []
    import_clients(clients_file(tmp_path, [boy_row()], name="b.xlsx"), world.operator)
    changed = clients_file(tmp_path, [boy_row(**{"Nama ibu kandung": "Siti Contoh Lain"})], name="c.xlsx")
    # A trial cancelled during its check shows nothing
    with pytest.raises(ImportCancelled):
        import_clients(changed, world.operator, dry_run=True, progress=lambda phase, done, total: True)
    assert trial_lines() == []
    # The same trial run to its end shows Budi's stored value
    assert import_clients(changed, world.operator, dry_run=True).updated == 1
    assert trial_lines() == [(Person.objects.get().pk, world.operator.pk, AccessPurpose.SERVICE)]


def test_the_real_import_after_a_trial_logs_its_change_as_before_and_no_second_view(tmp_path, world):
    import_clients(clients_file(tmp_path, [boy_row()]), world.operator)
    person = Person.objects.get()
    path = clients_file(tmp_path, [boy_row(**{"Nama ibu kandung": "Siti Contoh Lain"})], name="b.xlsx")
    trial = import_clients(path, world.operator, dry_run=True)
    result = import_clients(path, world.operator, expected_plan=trial.plan_digest)
    assert (result.status, result.updated) == ("succeeded", 1)
    assert sorted(PersonAccess.objects.filter(person=person).values_list("what", "purpose")) == [
        ("changed", AccessPurpose.SERVICE),
        ("created", AccessPurpose.SERVICE),
        ("import_checked", AccessPurpose.SERVICE),
    ]


def test_a_refused_trial_logs_the_stored_clients_its_problems_quote_not_the_changes_it_no_longer_shows(tmp_path, world):
    # Given Budi and Ani stored
    import_clients(clients_file(tmp_path, [boy_row(), girl_row()]), world.operator)
    ani = Person.objects.get(full_name="Ani Contoh")
    # When a trial would correct Budi's mother's name, but gives Ani another admission date than her stay's
    rows = [boy_row(**{"Nama ibu kandung": "Siti Contoh Lain"}), girl_row(**{"Tanggal masuk": "20-02-2024"})]
    result = import_clients(clients_file(tmp_path, rows, name="b.xlsx"), world.operator, dry_run=True)
    # Then the trial is refused, quoting Ani's stored date; Budi's change is not shown, so he is not logged
    assert result.status == "refused"
    assert ["tersimpan 15-01-2024" in p.message for p in result.problems] == [True]
    assert trial_lines() == [(ani.pk, world.operator.pk, AccessPurpose.SERVICE)]


def test_a_refused_real_import_logs_the_stored_clients_its_problems_quote_as_seen_in_a_refused_import(tmp_path, world):
    # Given Budi and Ani stored
    import_clients(clients_file(tmp_path, [boy_row(), girl_row()]), world.operator)
    ani = Person.objects.get(full_name="Ani Contoh")
    # When a real import (no trial) gives Ani another admission date than her stay's
    rows = [boy_row(**{"Nama ibu kandung": "Siti Contoh Lain"}), girl_row(**{"Tanggal masuk": "20-02-2024"})]
    result = import_clients(clients_file(tmp_path, rows, name="b.xlsx"), world.operator)
    # Then it is refused quoting Ani's stored date, and that view of her is logged, under its own word
    assert result.status == "refused"
    assert ["tersimpan 15-01-2024" in p.message for p in result.problems] == [True]
    shown = PersonAccess.objects.filter(what="import_refused_checked")
    assert list(shown.values_list("person", "actor", "purpose")) == [(ani.pk, world.operator.pk, AccessPurpose.SERVICE)]
    assert shown.get().what_label == "dilihat dalam impor yang ditolak"
    assert trial_lines() == []


def test_a_refused_trial_logs_the_stored_client_whose_text_a_lost_letters_problem_quotes(tmp_path, world):
    import_clients(clients_file(tmp_path, [boy_row(**{"Nama ibu kandung": "Siti Nguyễn"})]), world.operator)
    # The file exported, then saved as a Windows-1252 CSV: "ễ" became "?"
    path = csv_file(tmp_path, [HEADERS, boy_row(**{"Nama ibu kandung": "Siti Nguy?n"})], encoding="cp1252")
    result = import_clients(path, world.operator, dry_run=True)
    assert result.status == "refused"
    assert [p.column for p in result.problems] == ["Nama ibu kandung"]
    assert trial_lines() == [(Person.objects.get().pk, world.operator.pk, AccessPurpose.SERVICE)]


def test_a_refused_trial_logs_the_stored_client_two_rows_name_when_it_quotes_their_record(tmp_path, world):
    import_clients(clients_file(tmp_path, [boy_row()]), world.operator)
    budi = Person.objects.get()
    # Budi by his NIK on one row, by his ID on the next
    rows = [[*boy_row(), ""], [*boy_row(NIK=""), budi.pk]]
    path = clients_file(tmp_path, rows, headers=[*HEADERS, "ID"], name="b.xlsx")
    result = import_clients(path, world.operator, dry_run=True)
    assert [(p.row, p.message) for p in result.problems] == [
        (3, "Baris ini dan baris 2 menunjuk data yang sama (Budi Contoh (6371********0001)).")
    ]
    assert trial_lines() == [(budi.pk, world.operator.pk, AccessPurpose.SERVICE)]


def test_a_trial_logs_a_view_of_exactly_the_stored_workers_whose_values_it_shows(tmp_path, world):
    # Given Rina stored
    import_workers(tmp_path, [worker_row()], world.operator)
    rina = Worker.objects.get()
    newcomer = worker_row(**{"Nama lengkap": "Sari Contoh", "NIK": ""})
    # When a trial of new rows only, then one that would change Rina's role
    assert import_workers(tmp_path, [newcomer], world.operator, name="b.xlsx", dry_run=True).created == 1
    assert trial_lines(WorkerAccess) == []
    changed = import_workers(
        tmp_path, [worker_row(Peran="Relawan"), newcomer], world.operator, name="c.xlsx", dry_run=True
    )
    # Then only the second logs, Rina alone
    assert (changed.status, changed.updated, changed.created) == ("checked", 1, 1), changed.problems
    assert trial_lines(WorkerAccess) == [(rina.pk, world.operator.pk, AccessPurpose.SERVICE)]
    # and the real import logs as it did: registered, then changed
    result = import_workers(tmp_path, [worker_row(Peran="Relawan")], world.operator, name="d.xlsx")
    assert (result.status, result.updated) == ("succeeded", 1)
    assert sorted(WorkerAccess.objects.filter(worker=rina).values_list("what", flat=True)) == [
        "changed", "created", "import_checked"
    ]  # fmt: skip


def test_a_trial_logs_an_unchanged_worker_whose_row_warns_about_their_stored_background_check(tmp_path, world):
    pending = worker_row(**{"Hasil pemeriksaan latar belakang": "pending"})
    import_workers(tmp_path, [pending], world.operator)
    # The row changes nothing, but its warning says what Rina's stored background check is
    result = import_workers(tmp_path, [pending], world.operator, name="b.xlsx", dry_run=True)
    assert (result.status, result.unchanged) == ("checked", 1)
    assert [w.message for w in result.warnings] == [
        "Pemeriksaan latar belakang masih diproses; pastikan hasilnya dicatat."
    ]
    assert trial_lines(WorkerAccess) == [(Worker.objects.get().pk, world.operator.pk, AccessPurpose.SERVICE)]


# ---------------------------------------------------------------------------------------------- fast paths = services


def test_the_fast_nik_check_gives_exactly_the_services_result():
    checker = NikChecker()
    cases = [
        (NIK_BOY, BOY, "L"), (NIK_BOY, BOY, "P"), (NIK_BOY, datetime.date(2014, 8, 18), "L"),
        ("6371011708140000", None, None), ("6371013208140001", None, None), ("9971011708140001", None, None),
        ("6399011708140001", None, None), ("6.37101E+15", None, None), ("637101170814001", None, None),
        ("63710117081400AB", None, None), ("6300001708140001", None, None), ("6371 0117 0814 0001", BOY, "L"),
        (NIK_GIRL, None, "P"), (NIK_GIRL, None, "L"), (NIK_BOY, None, None), ("6371012902000001", None, None),
        ("6371012902010001", None, None), ("6371013102140001", None, None), ("6371010013140001", None, None),
        ("6371010000140001", None, None), ("6371017108140001", None, None), ("١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦", None, None),
        ("6371011708990001", datetime.date(1999, 8, 17), "L"), ("6371011708990001", datetime.date(2099, 8, 17), "L"),
        ("6371991708140001", None, None), ("6371001708140001", None, None), ("1111111111111111", None, None),
        ("0000000000000000", None, None),
    ]  # fmt: skip
    for value, birth, sex in cases:
        fast, service = checker(value, birth_date=birth, sex=sex), nik_check(value, birth_date=birth, sex=sex)
        assert (fast.normalized, fast.errors, fast.warnings) == (service.normalized, service.errors, service.warnings)


def test_the_fast_nik_check_refuses_a_placeholder_even_where_its_digits_read_as_a_known_region():
    # "1111111111111111" reads as Aceh's 11.11.11, 11-11-2011, serial 1111: every part valid on its own
    checker = NikChecker()
    checker.known |= {"11.11", "11.11.11"}
    assert (
        checker("1111111111111111", birth_date=None, sex=None).errors
        == nik_check("1111111111111111").errors
        == [
            "“1111111111111111” bukan NIK, hanya angka 1 yang diulang. Kosongkan bila NIK belum diketahui, lalu isi "
            "alasannya."
        ]
    )


def test_bulk_encryption_and_hashing_match_the_crypto_helpers():
    values = [NIK_BOY, NIK_GIRL, "x" * 40, "é"]
    tokens = encrypt_many(values)
    assert [decrypt(t) for t in tokens] == values
    assert len(set(encrypt_many([NIK_BOY, NIK_BOY]))) == 2  # a fresh IV each time
    hasher = Hasher()
    assert [hasher(v) for v in values] == [keyed_hash(v) for v in values]


# ---------------------------------------------------------------------------------------------- workers

WORKER_HEADERS = [
    "Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "Kategori PSKS", "Peran", "Bekerja dengan anak",
    "Tanggal pemeriksaan latar belakang", "Hasil pemeriksaan latar belakang",
]  # fmt: skip
RINA = datetime.date(1985, 5, 17)
NIK_RINA = nik_compose(district_code="63.71.01", birth_date=RINA, sex="P", serial=7)


def worker_row(**changes) -> list:
    values = ["Rina Contoh", "P", RINA, NIK_RINA, "lks", "Pengasuh", "Ya", "01-02-2024",
              "Tidak ada catatan kekerasan terhadap anak"]  # fmt: skip
    row = dict(zip(WORKER_HEADERS, values, strict=True))
    row.update(changes)
    return [row[h] for h in WORKER_HEADERS]


def import_workers(tmp_path, rows, actor, *, name="p.xlsx", **kwargs):
    path = xlsx_file(tmp_path, [WORKER_HEADERS, *rows], name=name, sheet="Data pekerja")
    return run(path, actor, entity="workers", **kwargs)


def test_a_workers_empty_role_is_worded_like_every_other_required_cell(tmp_path, world):
    result = import_workers(tmp_path, [worker_row(Peran="")], world.operator)
    assert result.status == "refused"
    assert [(p.column, p.message) for p in result.problems] == [
        ("Peran", "Peran wajib diisi: pilih salah satu dari daftar.")
    ]


def test_the_head_of_the_home_is_read_as_a_board_officer_and_said(tmp_path, world):
    tono = worker_row(**{"Nama lengkap": "Tono", "NIK": "", "Jenis kelamin": "L", "Peran": "Kepala Panti"})
    result = import_workers(tmp_path, [tono], world.operator, dry_run=True)
    assert (result.status, result.created) == ("checked", 1), result.problems
    assert [str(n) for n in result.notices if "dibaca sebagai" in str(n)] == [
        "Isian ini dibaca sebagai pilihan dalam daftar: Peran: “Kepala Panti” → “Pengurus”. Periksa bila maksudnya "
        "lain."
    ]
    # A job the list has no word for stays refused with the list, not read as "Lainnya".
    cook = import_workers(tmp_path, [worker_row(Peran="Juru masak")], world.operator, dry_run=True)
    assert cook.status == "refused"
    assert [p.column for p in cook.problems] == ["Peran"]


def test_a_row_found_by_its_nik_under_another_name_warns_before_changing_that_client(tmp_path, world):
    import_clients(clients_file(tmp_path, [boy_row()]), world.operator)

    # A NIK mistyped into someone else's (the same LKS): the row would rename that child's record
    other = import_clients(
        clients_file(tmp_path, [boy_row(**{"Nama lengkap": "Rahmat Lain"})], name="b.xlsx"),
        world.operator,
        dry_run=True,
    )
    spelled = import_clients(
        clients_file(tmp_path, [boy_row(**{"Nama lengkap": "Boedi Contoh"})], name="c.xlsx"),
        world.operator,
        dry_run=True,
    )

    assert other.updated == 1
    assert [(p.column, p.message) for p in other.warnings] == [
        (
            "Nama lengkap",
            "Nama di file (“Rahmat Lain”) jauh berbeda dari nama yang tercatat untuk NIK ini (“Budi Contoh”). Bila "
            "NIK-nya salah ketik, baris ini mengubah data orang lain: periksa sebelum mengimpor.",
        )
    ]
    assert spelled.updated == 1 and spelled.warnings == []  # a corrected spelling is no other person


def test_a_refused_row_found_by_its_nik_under_another_name_says_so_beside_its_problems(tmp_path, world):
    import_clients(clients_file(tmp_path, [boy_row()]), world.operator)

    # A mistyped NIK that is another child's: the stored child's admission date differs, and the row's own cells
    # may be wrong too. Either way, the name tells the user why.
    rows = [
        boy_row(**{"Nama lengkap": "Rahmat Lain", "Tanggal masuk": "05-05-2024"}),
        boy_row(**{"Nama lengkap": "Rahmat Lain", "Bentuk layanan": "Entah"}),
    ]
    result = import_clients(clients_file(tmp_path, rows, name="b.xlsx"), world.operator, dry_run=True)

    assert result.status == "refused"
    problems = [(p.row, p.column, p.message.split(" (")[0]) for p in result.problems]
    assert (2, "Nama lengkap", "Nama di file") in problems and (3, "Nama lengkap", "Nama di file") in problems
    assert {row for row, column, _message in problems if column != "Nama lengkap"} == {2, 3}  # beside, not instead


def test_a_worker_found_by_nik_under_another_name_gets_the_same_warning(tmp_path, world):
    import_workers(tmp_path, [worker_row()], world.operator)
    result = import_workers(
        tmp_path, [worker_row(**{"Nama lengkap": "Dedi Berbeda"})], world.operator, name="b.xlsx", dry_run=True
    )
    assert result.updated == 1
    assert [p.message.split(" (")[0] for p in result.warnings] == ["Nama di file"]

    refused = import_workers(
        tmp_path,
        [worker_row(**{"Nama lengkap": "Dedi Berbeda", "Hasil pemeriksaan latar belakang": "not_clear"})],
        world.operator,
        name="c.xlsx",
        dry_run=True,
    )
    assert [(p.column, p.message.split(" (")[0]) for p in refused.problems] == [
        (
            "Hasil pemeriksaan latar belakang",
            "Hasil pemeriksaan menunjukkan ada catatan; orang ini tidak boleh bekerja dengan anak.",
        ),
        ("Nama lengkap", "Nama di file"),
    ]


def test_a_workers_list_of_trainings_keeps_one_per_line_as_the_form_does(tmp_path, world):
    path = xlsx_file(
        tmp_path,
        [[*WORKER_HEADERS, "Sertifikasi/pelatihan"], [*worker_row(), "Diklat A\nDiklat B\x0bDiklat C\x01"]],
        sheet="Data pekerja",
    )
    result = run(path, world.operator, entity="workers")
    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    assert Worker.objects.get(full_name="Rina Contoh").certifications == "Diklat A\nDiklat B\nDiklat C"


def test_workers_import_update_with_before_after_and_reimport_unchanged(tmp_path, world):
    tono = worker_row(**{
        "Nama lengkap": "Tono", "NIK": "", "Jenis kelamin": "L", "Bekerja dengan anak": "Tidak",
        "Tanggal pemeriksaan latar belakang": "", "Hasil pemeriksaan latar belakang": "",
    })  # fmt: skip
    result = import_workers(tmp_path, [worker_row(), tono], world.operator)
    assert (result.status, result.created) == ("succeeded", 2)
    rina = Worker.objects.get(full_name="Rina Contoh")
    assert (rina.organisation, rina.nik_masked, decrypt(rina.nik_encrypted), rina.works_with_children) == (
        world.lks, "6371********0007", NIK_RINA, True
    )  # fmt: skip
    assert WorkerCount.objects.get(area_code="63.71", psks_code="lks", role="pengasuh").active == 2
    before = list(Worker.objects.order_by("pk").values())
    same = import_workers(tmp_path, [worker_row()], world.operator, name="b.xlsx")
    assert (same.created, same.updated, same.unchanged) == (0, 0, 1)
    assert list(Worker.objects.order_by("pk").values()) == before
    changed = import_workers(tmp_path, [worker_row(**{"Peran": "Pekerja sosial profesional"})], world.operator,
                             name="c.xlsx")  # fmt: skip
    assert changed.preview["update"] == [
        {"row": 2, "key": "Rina Contoh (6371********0007)",
         "changes": {"Peran": ["Pengasuh", "Pekerja sosial profesional"]}}
    ]  # fmt: skip
    rina.refresh_from_db()
    assert (rina.role, rina.version) == ("peksos", 2)
    counted = summary_rows()
    summaries_rebuild()
    assert summary_rows() == counted


def test_a_workers_row_with_emptied_cells_keeps_the_stored_values_and_says_so(tmp_path, world):
    import_workers(tmp_path, [worker_row()], world.operator)
    emptied = worker_row(**{"Tanggal pemeriksaan latar belakang": "", "Hasil pemeriksaan latar belakang": ""})
    result = import_workers(tmp_path, [emptied], world.operator, name="b.xlsx", dry_run=True)
    assert (result.status, result.unchanged) == ("checked", 1), problems_of(result) or result.message
    assert result.notices == [
        "Sel kosong tidak menghapus isian yang tersimpan; isian lama tetap dipakai di kolom Tanggal pemeriksaan "
        "latar belakang, Hasil pemeriksaan latar belakang (semuanya pada 1 baris yang sama). Untuk mengosongkan "
        "isian, ubah di halaman datanya.",
        "File ini tanpa kolom LKS: semua barisnya dibaca untuk LKSA Harapan Contoh, LKS akun Anda.",
    ]


def test_an_empty_yes_no_cell_beside_a_stored_no_is_not_said_to_keep_anything(tmp_path, world):
    import_workers(tmp_path, [worker_row(**{"Bekerja dengan anak": "Tidak"})], world.operator)
    result = import_workers(
        tmp_path, [worker_row(**{"Bekerja dengan anak": ""})], world.operator, name="b.xlsx", dry_run=True
    )
    assert (result.status, result.unchanged) == ("checked", 1), problems_of(result)
    assert [notice for notice in result.notices if "Sel kosong" in notice] == []


def test_a_workers_change_is_counted_where_the_worker_is_stored_even_if_the_lks_has_moved_since(tmp_path, world):
    # given a worker registered while the LKS was in another kabupaten/kota (stored codes differ from the LKS's)
    import_workers(tmp_path, [worker_row()], world.operator)
    Worker.objects.update(province_code="63", regency_code="63.72")
    summaries_rebuild()

    # when an import changes her role
    result = import_workers(
        tmp_path, [worker_row(**{"Peran": "Pekerja sosial profesional"})], world.operator, name="b.xlsx"
    )

    # then the counts kept by the import equal a rebuild (the old code took her out of the LKS's area instead)
    assert result.updated == 1
    counted = summary_rows()
    summaries_rebuild()
    assert summary_rows() == counted


def test_workers_registered_or_changed_by_an_import_are_in_their_access_log_and_history(tmp_path, world):
    import_workers(tmp_path, [worker_row()], world.operator)
    rina = Worker.objects.get(full_name="Rina Contoh")
    corrected = [worker_row(**{"Peran": "Pekerja sosial profesional"})]
    import_workers(tmp_path, corrected, world.operator, name="b.xlsx")
    import_workers(tmp_path, corrected, world.operator, name="c.xlsx")  # the same again: nothing changed, no line

    logged = list(WorkerAccess.objects.order_by("pk").values_list("worker_id", "what", "actor_name"))
    assert logged == [(rina.pk, "created", world.operator.username), (rina.pk, "changed", world.operator.username)]
    event = AuditEvent.objects.get(action="people.worker.updated")
    assert (event.object_id, event.changes, event.actor_name) == (
        str(rina.pk),
        {"Peran": ["Pengasuh", "Pekerja sosial profesional"]},
        world.operator.username,
    )


def test_the_workers_export_asks_for_a_purpose_and_logs_every_worker_exported(world):
    mine = WorkerFactory(organisation=world.lks, full_name="Rina Contoh")
    WorkerFactory(organisation=world.lks_other_regency, full_name="Pekerja Jauh Contoh")
    entity = get_entity("workers")
    assert entity.asks_access_purpose
    with pytest.raises(ValueError):
        entity.export_queryset(actor=world.operator)

    rows = list(entity.export_rows(entity.export_queryset(actor=world.operator, purpose="supervision").iterator()))

    assert [row[:2] for row in rows] == [[mine.pk, "Rina Contoh"]]
    regency = [str(c.header) for c in entity.export_columns()].index("Kabupaten/Kota LKS")
    assert rows[0][regency] == "Kota Banjarmasin"
    assert list(WorkerAccess.objects.values_list("worker_id", "what", "purpose", "actor")) == [
        (mine.pk, "exported", "supervision", world.operator.pk)
    ]


def test_a_worker_with_a_record_may_not_work_with_children(tmp_path, world):
    result = import_workers(tmp_path, [worker_row(**{"Hasil pemeriksaan latar belakang": "not_clear"})], world.operator)
    assert problems_of(result) == [
        (2, "Hasil pemeriksaan latar belakang", "not_clear",
         "Hasil pemeriksaan menunjukkan ada catatan; orang ini tidak boleh bekerja dengan anak."),
    ]  # fmt: skip
    assert Worker.objects.count() == 0


def test_a_stored_worker_is_found_by_nik_and_an_ended_one_keeps_its_end(tmp_path, world):
    stored = WorkerFactory(organisation=world.lks, nik=NIK_RINA, birth_date=RINA, full_name="Rina Contoh",
                           works_with_children=True, background_check_on=datetime.date(2024, 2, 1),
                           background_check_result="clear")  # fmt: skip
    result = import_workers(tmp_path, [worker_row(**{"Nama lengkap": "Rina C."})], world.operator)
    assert (result.created, result.updated) == (0, 1)
    stored.refresh_from_db()
    assert stored.full_name == "Rina C."


FIVE_DIGITS = "“12345” bukan nomor telepon: tulis nomornya, mis. 0812-3456-7890, atau kosongkan."


def test_a_new_or_changed_phone_from_a_file_needs_the_six_digits_the_form_asks_for(tmp_path, world):
    stored = WorkerFactory(organisation=world.lks, nik=NIK_RINA, birth_date=RINA, full_name="Rina Contoh", phone="")
    headers = [*WORKER_HEADERS, "Telepon"]

    path = xlsx_file(tmp_path, [headers, [*worker_row(), "12345"]], name="w.xlsx", sheet="Data pekerja")
    result = run(path, world.operator, entity="workers")

    assert problems_of(result) == [(2, "Telepon", "12345", FIVE_DIGITS)]
    stored.refresh_from_db()
    assert stored.phone == ""

    path = xlsx_file(tmp_path, [[*HEADERS, "Telepon wali"], [*boy_row(), "12345"]], name="c.xlsx", sheet=SHEET)
    result = import_clients(path, world.operator)

    assert problems_of(result) == [(2, "Telepon wali", "12345", FIVE_DIGITS)]
    assert not Person.objects.exists()


def test_a_short_phone_stored_before_the_six_digit_rule_may_come_back_in_a_file_as_it_was_kept(tmp_path, world):
    stored = WorkerFactory(
        organisation=world.lks, nik=NIK_RINA, birth_date=RINA, full_name="Rina Contoh", phone="12345"
    )
    headers = [*WORKER_HEADERS, "Telepon"]

    path = xlsx_file(tmp_path, [headers, [*worker_row(), "12345"]], name="w.xlsx", sheet="Data pekerja")
    result = run(path, world.operator, entity="workers")

    assert (result.status, result.created, result.updated, problems_of(result)) == ("succeeded", 0, 1, [])
    stored.refresh_from_db()
    assert stored.phone == "12345"


# ---------------------------------------------------------------------------------------------- templates, export


def test_the_templates_name_every_column_and_offer_the_vocabularies():
    from python_calamine import CalamineWorkbook

    for key, sheet in (("clients", SHEET), ("workers", "Data pekerja")):
        content = template_bytes(get_entity(key))
        path = f"/tmp/templat-{key}.xlsx"
        with open(path, "wb") as handle:
            handle.write(content)
        book = CalamineWorkbook.from_path(path)
        headers = book.get_sheet_by_name(sheet).to_python()[0]
        offered = [c for c in get_entity(key).import_columns() if c.in_template]
        assert headers == [f"{c.header} *" if c.required else str(c.header) for c in offered]
        lookup = book.get_sheet_by_name("Daftar").to_python()
        listed = {cell for row in lookup for cell in row}
        assert {"anak_telantar", "Laki-laki"} <= listed if key == "clients" else {"lks", "Pengasuh"} <= listed


def test_the_client_export_counts_the_rows_it_writes_not_earlier_stays_elsewhere(world):
    # Budi, transferred: an earlier stay at the neighbouring LKS, now at the operator's one
    budi = PersonFactory(organisation=world.lks, full_name="Budi Contoh")
    PlacementFactory(person=budi, organisation=world.lks_same_regency, status="discharged",
                     admitted_on=datetime.date(2023, 1, 2), discharged_on=datetime.date(2023, 6, 1))  # fmt: skip
    PlacementFactory(person=budi, admitted_on=datetime.date(2023, 6, 1))
    entity = get_entity("clients")
    queryset = entity.export_queryset(actor=world.province_admin, purpose="reporting")
    written = list(entity.export_rows(queryset.iterator()))
    assert entity.export_count(queryset) == len(written) == 1


def test_the_client_export_is_masked_scoped_and_logged(world):
    mine = PlacementFactory(person=PersonFactory(organisation=world.lks, nik=NIK_BOY, full_name="Budi Contoh"))
    PlacementFactory(person=PersonFactory(organisation=world.lks_same_regency, full_name="Orang Lain"))
    entity = get_entity("clients")
    rows = list(entity.export_rows(entity.export_queryset(actor=world.operator, purpose="reporting").iterator()))
    assert [(r[0], r[1], r[6]) for r in rows] == [(mine.person_id, "Budi Contoh", "6371********0001")]
    regency = [str(c.header) for c in entity.export_columns()].index("Kabupaten/Kota LKS")
    assert rows[0][regency] == "Kota Banjarmasin"  # the name a reader knows, not "63.71"
    assert NIK_BOY not in str(rows)
    assert list(PersonAccess.objects.values_list("person_id", "what", "actor")) == [
        (mine.person_id, "exported", world.operator.pk)
    ]
    assert list(entity.export_queryset(actor=world.regency_board, purpose="reporting")) == []


def test_the_client_export_narrows_to_overdue_care_plan_reviews_as_the_list_does(world):
    today = datetime.date.today()
    late = PlacementFactory(person=PersonFactory(organisation=world.lks, full_name="Budi Contoh"),
                            next_review_on=today - datetime.timedelta(days=3))  # fmt: skip
    PlacementFactory(person=PersonFactory(organisation=world.lks, full_name="Ani Contoh"),
                     next_review_on=today + datetime.timedelta(days=60))  # fmt: skip
    entity = get_entity("clients")
    queryset = entity.export_queryset(actor=world.operator, filters={"review": "overdue"}, purpose="reporting")
    assert [row[0] for row in entity.export_rows(queryset.iterator())] == [late.person_id]
    with pytest.raises(ValidationError):
        entity.export_queryset(actor=world.operator, filters={"review": "kapan-kapan"}, purpose="reporting")


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_the_database_made_csv_gives_the_cells_of_the_portable_export_and_logs_the_same_people(world, delimiter):
    # given clients with formula-like text, empty cells, several categories, a discharge and an earlier stay elsewhere
    from sinergi.core.downloads import csv_lines
    from sinergi.exchange.exports import csv_chunks
    from sinergi.vocabularies.models import Term

    first = PersonFactory(
        organisation=world.lks, full_name="=HYPERLINK(1)", nik=NIK_BOY, guardian_phone="+62 811", birth_place=""
    )
    first.ppks_categories.add(*Term.objects.filter(code__in=["anak_jalanan", "anak_telantar"]))
    PlacementFactory(person=first, organisation=world.lks, stage="pelaksanaan")
    second = PersonFactory(
        organisation=world.lks, full_name="Ani Contoh", nik=None, nik_missing_reason="street",
        birth_place='Kota "Baru", Kalsel', guardian_relation="paman\r\nkandung", mother_name="-Siti, Contoh",
        father_name="Budi; Ahmad",
    )  # fmt: skip
    PlacementFactory(
        person=second, organisation=world.lks_same_regency, admitted_on=datetime.date(2022, 1, 3),
        status="discharged", discharged_on=datetime.date(2023, 1, 2), discharge_reason="transferred",
    )  # fmt: skip
    PlacementFactory(
        person=second, organisation=world.lks, admitted_on=datetime.date(2023, 1, 2), status="discharged",
        discharged_on=datetime.date(2024, 2, 29), discharge_reason="family",
    )  # fmt: skip
    entity = get_entity("clients")
    headers = [str(c.header) for c in entity.export_columns()]

    def exported(fast: bool) -> bytes:
        queryset = entity.export_queryset(actor=world.operator, purpose="reporting")
        if fast:
            chunks = csv_chunks(
                entity=entity, queryset=queryset, actor=world.operator, purpose="reporting", delimiter=delimiter
            )
            return b"".join(chunks)
        return b"".join(csv_lines(headers, entity.export_rows(queryset.iterator()), delimiter=delimiter))

    # when
    portable, fast = exported(fast=False), exported(fast=True)
    # then the same file, byte for byte (records end with CRLF on both databases; a line break in a cell is kept),
    # and every exported person logged once per export
    assert fast == portable
    fast = list(csv.reader(io.StringIO(fast.decode("utf-8-sig")), delimiter=delimiter))
    assert len(fast) == 3
    assert fast[1][1] == "'=HYPERLINK(1)" and "Anak Telantar; Anak Jalanan" in fast[1]
    assert {'Kota "Baru", Kalsel', "paman\r\nkandung", "'-Siti, Contoh", "Budi; Ahmad"} <= set(fast[2])
    assert "Kota Banjarmasin" in fast[1] and len(fast[1]) == len(headers)
    logged = PersonAccess.objects.filter(what="exported", actor=world.operator)
    assert sorted(logged.values_list("person_id", flat=True)) == sorted([first.pk, first.pk, second.pk, second.pk])


@pytest.mark.parametrize("language", ["id", "en"])
def test_vocabulary_cells_are_exported_as_labels_in_the_users_language_the_same_both_ways_and_read_back(
    world, tmp_path, language
):
    # given a client in two PPKS categories, one of them renamed by an administrator to a label a spreadsheet
    # would run as a formula, holding a comma and quotes
    from django.utils import translation

    from sinergi.core.downloads import csv_lines
    from sinergi.exchange.exports import csv_chunks

    renamed = Term.objects.get(vocabulary="ppks", code="anak_telantar")  # before anak_jalanan in the list
    renamed.label_id, renamed.label_en = '=Anak "Telantar", kota', '=Neglected "children", town'
    renamed.save()
    street = Term.objects.get(vocabulary="ppks", code="anak_jalanan")
    person = PersonFactory(organisation=world.lks, nik=NIK_BOY, full_name="Budi Contoh")
    person.ppks_categories.add(street, renamed)
    PlacementFactory(person=person, organisation=world.lks, ppks_category=renamed)
    entity = get_entity("clients")

    # when exported by the database and row by row, in the user's language
    with translation.override(language):
        headers = [str(c.header) for c in entity.export_columns()]
        queryset = entity.export_queryset(actor=world.operator, purpose="reporting")
        fast = b"".join(csv_chunks(entity=entity, queryset=queryset, actor=world.operator, purpose="reporting"))
        portable = b"".join(csv_lines(headers, entity.export_rows(queryset.iterator())))
    # then both give the labels in that language, in the vocabulary's order, the cells escaped as formulas
    assert fast == portable
    rows = list(csv.reader(io.StringIO(fast.decode("utf-8-sig"))))
    label = "label_en" if language == "en" else "label_id"
    assert rows[0][11] == ("PPKS category" if language == "en" else "Kategori PPKS")
    assert rows[1][11] == f"'{getattr(renamed, label)}; {getattr(street, label)}"
    assert rows[1][12] == f"'{getattr(renamed, label)}"  # the main category

    # and the file imports back (here in Indonesian) with nothing changed
    path = tmp_path / "ekspor.csv"
    path.write_bytes(fast)
    before = snapshot()
    result = run(path, world.operator, entity="clients")
    assert (result.status, result.unchanged) == ("succeeded", 1), problems_of(result) or result.message
    assert snapshot() == before


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_province_admins_export_says_which_records_are_restricted_the_same_both_ways_and_reads_back(
    world, tmp_path, language
):
    # given a child whose processing is restricted at their request (only province admins still see it) beside one
    # who is not
    from django.utils import translation

    from sinergi.core.downloads import csv_lines
    from sinergi.exchange.exports import csv_chunks

    restricted = PersonFactory(organisation=world.lks, full_name="Ani Dibatasi", nik=NIK_GIRL, is_restricted=True)
    PlacementFactory(person=restricted, organisation=world.lks)
    PlacementFactory(person=PersonFactory(organisation=world.lks, full_name="Budi Biasa", nik=NIK_BOY))
    entity = get_entity("clients")

    # when the province admin exports them, by the database and row by row
    with translation.override(language):
        headers = [str(c.header) for c in entity.export_columns()]
        queryset = entity.export_queryset(actor=world.province_admin, purpose="reporting")
        fast = b"".join(csv_chunks(entity=entity, queryset=queryset, actor=world.province_admin, purpose="reporting"))
        portable = b"".join(csv_lines(headers, entity.export_rows(queryset.iterator())))
    # then the last column says which one is restricted, as the list's badge does
    assert fast == portable
    rows = list(csv.reader(io.StringIO(fast.decode("utf-8-sig"))))
    marked = {row[1]: row[-1] for row in rows[1:]}
    assert rows[0][-1] == ("Processing restricted" if language == "en" else "Pemrosesan dibatasi")
    assert marked == {"Ani Dibatasi": "Yes" if language == "en" else "Ya", "Budi Biasa": ""}

    # and the file imports back unchanged, the column named as one an import does not read
    path = tmp_path / "ekspor.csv"
    path.write_bytes(fast)
    before = snapshot()
    result = run(path, world.province_admin, entity="clients")
    assert (result.status, result.unchanged) == ("succeeded", 2), problems_of(result) or result.message
    assert any(f"“{rows[0][-1]}”" in str(notice) for notice in result.notices)
    assert snapshot() == before


def test_the_client_export_holds_only_the_stay_at_the_persons_current_lks(world):
    # given a child who came from another LKS (that stay ended) and lives at the operator's LKS now
    person = PersonFactory(organisation=world.lks, full_name="Budi Contoh")
    PlacementFactory(
        person=person, organisation=world.lks_same_regency, admitted_on=datetime.date(2022, 1, 3),
        status="discharged", discharged_on=datetime.date(2023, 1, 2),
    )  # fmt: skip
    current = PlacementFactory(person=person, organisation=world.lks, admitted_on=datetime.date(2023, 1, 2))
    # when
    entity = get_entity("clients")
    rows = list(entity.export_rows(entity.export_queryset(actor=world.operator, purpose="reporting").iterator()))
    # then one row, the current stay, and one access-log line
    assert [(r[0], r[22]) for r in rows] == [(person.pk, current.admitted_on)]
    assert PersonAccess.objects.filter(person=person, what="exported").count() == 1


def test_the_export_view_streams_clients_as_csv_for_the_operator_logged_with_the_sessions_purpose(client, world):
    from django.urls import reverse

    from sinergi.people.access import SESSION_KEY

    placement = PlacementFactory(person=PersonFactory(organisation=world.lks, nik=NIK_BOY, full_name="Budi Contoh"))
    client.force_login(world.operator)
    session = client.session
    session[SESSION_KEY] = "supervision"
    session.save()
    response = client.get(reverse("exchange:export", args=["clients"]) + "?format=csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert response.status_code == 200
    lines = content.splitlines()
    assert lines[0].startswith(
        "ID,Nama lengkap,Jenis kelamin,Tanggal lahir,Tanggal lahir perkiraan,Tempat lahir,NIK (disamarkan)"
    )
    assert "6371********0001" in lines[1] and NIK_BOY not in content
    assert list(AuditEvent.objects.filter(action="exchange.clients.exported").values_list("purpose", flat=True)) == [
        "supervision"
    ]
    assert list(PersonAccess.objects.values_list("person_id", "what", "purpose")) == [
        (placement.person_id, "exported", "supervision")
    ]


def test_the_export_view_writes_semicolons_when_asked_and_refuses_an_unknown_separator(client, world):
    from django.urls import reverse

    from sinergi.people.access import SESSION_KEY

    PlacementFactory(person=PersonFactory(organisation=world.lks, full_name="Budi Contoh", father_name="Ahmad; Said"))
    client.force_login(world.operator)
    session = client.session
    session[SESSION_KEY] = "supervision"
    session.save()
    url = reverse("exchange:export", args=["clients"])

    response = client.get(url, {"format": "csv", "sep": "semicolon"})

    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("ID;Nama lengkap;Jenis kelamin;Tanggal lahir;")
    row = next(csv.reader(io.StringIO(lines[1]), delimiter=";"))
    assert row[1] == "Budi Contoh" and "Ahmad; Said" in row and "Kota Banjarmasin" in row
    assert AuditEvent.objects.filter(action="exchange.clients.exported").count() == 1

    refused = client.get(url, {"format": "csv", "sep": "|"})
    assert refused.status_code == 400 and "Pemisah CSV “|” tidak dikenal" in refused.content.decode()
    assert AuditEvent.objects.filter(action="exchange.clients.exported").count() == 1


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_client_export_without_a_purpose_asks_for_one_first_and_exports_nothing(client, world, file_format):
    from django.urls import reverse

    PlacementFactory(person=PersonFactory(organisation=world.lks, nik=NIK_BOY, full_name="Budi Contoh"))
    client.force_login(world.operator)
    # when the export button of the Impor/Ekspor page is followed before any purpose was chosen in this session
    response = client.get(
        reverse("exchange:export", args=["clients"]) + f"?format={file_format}",
        headers={"referer": "http://testserver/exchange/"},
    )
    # then the purpose is asked, coming back to that page (not to a download), and nothing was exported or logged
    assert response.status_code == 302
    assert response["Location"] == "/people/purpose/?next=http%3A%2F%2Ftestserver%2Fexchange%2F"
    assert not PersonAccess.objects.exists()
    assert not AuditEvent.objects.filter(action="exchange.clients.exported").exists()
    # and a referer from elsewhere is not followed back
    response = client.get(
        reverse("exchange:export", args=["clients"]) + "?format=csv", headers={"referer": "https://evil.example/"}
    )
    assert response["Location"] == "/people/purpose/?next=%2Fexchange%2F"


def test_the_exchange_page_asks_the_purpose_before_offering_the_client_export(client, world):
    from sinergi.people.access import SESSION_KEY

    client.force_login(world.operator)
    page = client.get("/exchange/").content.decode()
    assert "Pilih tujuan akses dulu" in page and "/exchange/export/clients/?format=csv" not in page
    assert "/exchange/export/lks/?format=csv" in page  # no personal data: no question
    session = client.session
    session[SESSION_KEY] = "reporting"
    session.save()
    page = client.get("/exchange/").content.decode()
    assert "Pilih tujuan akses dulu" not in page and "/exchange/export/clients/?format=csv" in page
    assert "<strong>Pelaporan</strong>" in page


def test_a_client_export_cannot_be_made_without_an_access_purpose(world):
    entity = get_entity("clients")
    with pytest.raises(ValueError, match="access purpose"):
        entity.export_queryset(actor=world.operator)


# ---------------------------------------------------------------------------------------------- building blocks


def test_bulk_insert_rows_gives_ids_on_the_fast_and_the_portable_path():
    from sinergi.exchange.dbwrite import bulk_insert_rows, existing_values

    lks = PersonFactory().organisation
    fields = ["organisation_id", "province_code", "regency_code", "full_name", "sex", "nik_hash"]
    rows = [(lks.pk, "63", "63.71", "A", "L", "h1"), (lks.pk, "63", "63.71", "B", "P", "h2")]
    fast = bulk_insert_rows(Person, fields, rows)
    portable = bulk_insert_rows(Person, fields, [(lks.pk, "63", "63.71", "C", "L", "h3")], portable=True)
    stored = dict(Person.objects.filter(pk__in=fast + portable).values_list("pk", "full_name"))
    assert [stored[pk] for pk in fast + portable] == ["A", "B", "C"]
    assert fast[1] == fast[0] + 1 and portable[0] > fast[1]
    # The fields not given get their defaults (version 1, not restricted, timestamps).
    assert set(Person.objects.filter(pk__in=fast).values_list("version", "is_restricted")) == {(1, False)}
    assert Person.objects.filter(pk__in=fast, created_at__isnull=False, updated_at__isnull=False).count() == 2
    assert existing_values(Person, "nik_hash", ["h1", "h3", "nope"]) == {"h1", "h3"}


def test_bulk_insert_rows_stores_the_same_values_on_every_path():
    # PostgreSQL writes plain types in COPY's binary format (and other types as text); SQLite uses executemany.
    from django.db import connection

    from sinergi.exchange.dbwrite import _binary_copy_types, bulk_insert_rows
    from sinergi.vocabularies.models import Term

    person = PersonFactory()
    fields = ["person_id", "organisation_id", "province_code", "regency_code", "ppks_category_id", "setting",
              "admitted_on", "stage", "next_review_on", "status", "discharged_on", "discharge_reason"]  # fmt: skip
    term = Term.objects.get(code="anak_telantar")
    row = (person.pk, person.organisation_id, "63", "63.71", term.pk, ServiceSetting.RESIDENTIAL,
           datetime.date(2024, 2, 29), CaseStage.REFERRAL, None, PlacementStatus.ACTIVE, None, "")  # fmt: skip
    fast = bulk_insert_rows(Placement, fields, [row])
    portable = bulk_insert_rows(Placement, fields, [row], portable=True)
    stored = [
        {k: v for k, v in values.items() if k not in ("id", "created_at", "updated_at")}
        for values in Placement.objects.filter(pk__in=fast + portable).order_by("pk").values()
    ]
    assert stored[0] == stored[1] and stored[0]["admitted_on"] == datetime.date(2024, 2, 29)
    assert stored[0]["next_review_on"] is None and stored[0]["status"] == PlacementStatus.ACTIVE
    if connection.vendor == "postgresql":
        assert _binary_copy_types(Placement._meta.concrete_fields, connection) is not None
        assert _binary_copy_types([PersonAccess._meta.get_field("ip_address")], connection) == ["inet"]
        assert _binary_copy_types([Person._meta.get_field("disability_type")], connection) == ["varchar"]


@pytest.mark.parametrize("portable", [False, True])
def test_bulk_insert_rows_stores_addresses_and_their_absence(portable):
    # An import's access-log lines carry the upload's address; PostgreSQL writes it in COPY's binary format
    from sinergi.exchange.dbwrite import bulk_insert_rows

    person = PersonFactory()
    fields = ["person_id", "actor_name", "what", "purpose", "ip_address"]
    rows = [(person.pk, f"uji-{i}", "created", AccessPurpose.SERVICE, address)
            for i, address in enumerate(["198.51.100.7", None, "2001:db8::1", "198.51.100.7"])]  # fmt: skip

    bulk_insert_rows(PersonAccess, fields, rows, with_ids=False, portable=portable)

    stored = PersonAccess.objects.filter(actor_name__startswith="uji-").order_by("actor_name")
    assert list(stored.values_list("ip_address", flat=True)) == ["198.51.100.7", None, "2001:db8::1", "198.51.100.7"]


@pytest.mark.parametrize("portable", [False, True])
def test_bulk_insert_rows_of_narrow_rows_stores_every_row_in_order(portable):
    # SQLite writes narrow rows many to a statement: full statements, then the rows left over in a shorter one.
    from sinergi.exchange.dbwrite import bulk_insert_rows

    people = [PersonFactory() for _ in range(3)]
    rows = [(people[i % 3].pk, None, f"uji-{i}", "created", AccessPurpose.SERVICE) for i in range(2_345)]
    bulk_insert_rows(
        PersonAccess, ["person_id", "actor_id", "actor_name", "what", "purpose"], rows, with_ids=False,
        portable=portable,
    )  # fmt: skip
    stored = PersonAccess.objects.filter(actor_name__startswith="uji-").order_by("pk")
    assert list(stored.values_list("person_id", "actor_id", "actor_name", "what", "purpose")) == rows
    assert stored.filter(occurred_at__isnull=True).count() == 0


def test_stored_people_are_read_as_records_with_their_stays_and_shared_values():
    # The import reads what it found into compact records, each read as a dict is.
    from sinergi.people.exchange.clients import _load_people
    from sinergi.vocabularies.models import Term

    first, second = PersonFactory(birth_place="Banjarmasin"), PersonFactory(birth_place="Banjar" + "masin")
    for person in (first, second):
        person.ppks_categories.add(Term.objects.get(code="anak_telantar"))
        PlacementFactory(person=person, organisation=person.organisation)
    loaded = {p["id"]: p for p in _load_people(Person.objects.filter(pk__in=[first.pk, second.pk]))}
    one, other = loaded[first.pk], loaded[second.pk]
    assert one["full_name"] == first.full_name and one.get("nik_masked") is None and one.get("nope", 7) == 7
    with pytest.raises(KeyError):
        one["nik_masked"]  # not loaded here
    assert [p["organisation_id"] for p in one["placements"]] == [first.organisation_id]
    assert one["categories"] == {"anak_telantar"}
    # values that repeat are held once
    assert one["birth_place"] is other["birth_place"] and one["categories"] is other["categories"]


def test_a_summary_delta_of_many_rows_equals_a_rebuild():
    # As an import writes its counts: collected in one SummaryDelta, written once per table.
    from sinergi.people.summaries import SummaryDelta, summary_snapshot, summary_snapshot_worker

    lks = PersonFactory().organisation
    placements = [
        PlacementFactory(person=PersonFactory(organisation=lks), admitted_on=datetime.date(2024, month, 3))
        for month in (1, 1, 2)
    ]
    worker = WorkerFactory(organisation=lks)
    delta = SummaryDelta()
    for placement in placements:
        delta.add_placement(summary_snapshot(placement), +1)
    delta.add_worker(summary_snapshot_worker(worker), +1)
    delta.write()
    moved = summary_snapshot(placements[0])
    placements[0].status, placements[0].discharged_on = PlacementStatus.DISCHARGED, datetime.date(2024, 3, 1)
    placements[0].save()
    delta = SummaryDelta()
    delta.add_placement(moved, -1)
    delta.add_placement(summary_snapshot(placements[0]), +1)
    delta.write()
    assert PlacementActive.objects.get(area_code="63.71").active == 2
    kept = summary_rows()
    summaries_rebuild()
    assert summary_rows() == kept


def test_execute_beside_runs_here_inside_a_transaction_and_raises_its_errors():
    # Tests run inside a transaction: the statement runs at once on this connection (a second one could not see
    # this transaction's rows); the threaded path has its own tests (test_exchange_concurrent).
    from django.db import DatabaseError

    from sinergi.exchange.dbwrite import execute_beside

    person = PersonFactory()
    wait = execute_beside(
        "INSERT INTO people_personaccess (person_id, actor_name, occurred_at, what, purpose) "
        "VALUES (%s, %s, %s, %s, %s)",
        [person.pk, "uji", datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC), "exported", "reporting"],
    )
    assert PersonAccess.objects.filter(person=person, actor_name="uji").count() == 1
    wait()
    with pytest.raises(DatabaseError):
        execute_beside("INSERT INTO no_such_table VALUES (%s)", [1])


MASKED_NOTICE = (
    "Kolom “NIK (disamarkan)”, “Nomor KK (disamarkan)” berisi nomor yang disamarkan oleh ekspor, jadi tidak dibaca: "
    "nomor yang tersimpan tidak berubah. Untuk mengisi atau mengubah nomor, tambahkan kolom “NIK”, “Nomor KK” berisi "
    "nomor lengkap."
)


def client_export_table(world) -> tuple[list[str], list[list]]:
    entity = get_entity("clients")
    headers = [str(column.header) for column in entity.export_columns()]
    rows = list(entity.export_rows(entity.export_queryset(actor=world.operator, purpose="reporting").iterator()))
    return headers, [list(row) for row in rows]


def test_a_client_export_sent_back_as_an_import_changes_nothing_and_says_its_masked_numbers_are_not_read(
    world, tmp_path
):
    PlacementFactory(person=PersonFactory(organisation=world.lks, nik=NIK_BOY, full_name="Budi Contoh"))
    headers, rows = client_export_table(world)
    path = xlsx_file(tmp_path, [headers, *rows], sheet="Data penerima layanan")
    before = snapshot()

    result = run(path, world.operator, entity="clients")

    assert (result.status, result.created, result.updated, result.unchanged) == ("succeeded", 0, 0, 1), (
        problems_of(result) or result.message
    )
    assert MASKED_NOTICE in result.notices
    assert snapshot() == before


def test_cells_cleared_in_a_client_export_keep_the_stored_values_and_the_trial_says_so(world, tmp_path):
    # Given an export whose mother's name and guardian's phone were cleared to erase them
    PlacementFactory(
        person=PersonFactory(organisation=world.lks, nik=NIK_BOY, full_name="Budi Contoh", guardian_phone="0812555")
    )
    headers, rows = client_export_table(world)
    for header in ("Nama ibu kandung", "Telepon wali"):
        rows[0][headers.index(header)] = ""
    before = snapshot()

    # When it is tried
    result = run(xlsx_file(tmp_path, [headers, *rows]), world.operator, entity="clients", dry_run=True)

    # Then nothing changes, and the trial says which emptied cells keep their stored values rather than be silent
    assert (result.status, result.unchanged) == ("checked", 1), problems_of(result) or result.message
    assert (
        "Sel kosong tidak menghapus isian yang tersimpan; isian lama tetap dipakai di kolom Nama ibu kandung, "
        "Telepon wali (semuanya pada 1 baris yang sama). Untuk mengosongkan isian, ubah di halaman datanya."
        in result.notices
    )
    assert snapshot() == before


def test_an_export_sent_back_whole_has_no_kept_cells_notice(world, tmp_path):
    PlacementFactory(person=PersonFactory(organisation=world.lks, nik=NIK_BOY, full_name="Budi Contoh"))
    headers, rows = client_export_table(world)
    result = run(xlsx_file(tmp_path, [headers, *rows]), world.operator, entity="clients", dry_run=True)
    assert not [notice for notice in result.notices if notice.startswith("Sel kosong")]


def test_a_whole_nik_typed_into_an_exports_masked_column_is_refused_on_that_cell_not_lost(world, tmp_path):
    # Given an export with a new client added at the bottom, the NIK written in the column the export masks
    PlacementFactory(person=PersonFactory(organisation=world.lks, nik=NIK_BOY, full_name="Budi Contoh"))
    headers, rows = client_export_table(world)
    new = ["" if value is None else value for value in rows[0]]
    new[headers.index("ID")] = ""
    new[headers.index("Versi")] = ""
    new[headers.index("Nama lengkap")] = "Ani Contoh"
    new[headers.index("Jenis kelamin")] = "Perempuan"
    new[headers.index("Tanggal lahir")] = GIRL
    new[headers.index("NIK (disamarkan)")] = NIK_GIRL
    path = xlsx_file(tmp_path, [headers, *rows, new], sheet="Data penerima layanan")
    before = snapshot()

    result = run(path, world.operator, entity="clients")

    assert result.status == "refused"
    assert (3, "NIK (disamarkan)", NIK_GIRL) in [(p.row, p.column, p.value) for p in result.problems]
    message = next(p.message for p in result.problems if p.column == "NIK (disamarkan)")
    assert message.startswith("Kolom ini tidak dibaca (nomor yang disamarkan oleh ekspor). Tulis nomor lengkap di")
    assert snapshot() == before


def test_an_english_client_export_sent_back_is_read_as_an_indonesian_one(world, tmp_path):
    # given a client export made in the English interface, with a new client typed at the bottom whose whole NIK
    # went into the masked column
    from django.utils import translation

    PlacementFactory(person=PersonFactory(organisation=world.lks, nik=NIK_BOY, full_name="Budi Contoh"))
    with translation.override("en"):
        headers, rows = client_export_table(world)
    new = ["" if value is None else value for value in rows[0]]
    new[headers.index("ID")], new[headers.index("Version")] = "", ""
    new[headers.index("Full name")], new[headers.index("Date of birth")] = "Ani Contoh", GIRL
    new[headers.index("NIK (masked)")] = NIK_GIRL
    before = snapshot()

    # when the export alone, then with the new row, is imported by an Indonesian-interface user
    unchanged = run(xlsx_file(tmp_path, [headers, *rows]), world.operator, entity="clients")
    refused = run(xlsx_file(tmp_path, [headers, *rows, new], name="b.xlsx"), world.operator, entity="clients")

    # then the masked columns get the export's notice (not "unknown columns"), the status and case stage the
    # read-only one, and the whole NIK is refused on its cell instead of dropped
    assert (unchanged.status, unchanged.unchanged) == ("succeeded", 1), problems_of(unchanged) or unchanged.message
    assert unchanged.notices == [
        "Kolom hanya-baca (dari ekspor) diabaikan: “Status”, “Case stage”, “Processing restricted”.",
        MASKED_NOTICE.replace("disamarkan)”", "masked)”").replace("Nomor KK (", "KK number ("),
    ]
    assert refused.status == "refused"
    assert (3, "NIK (masked)", NIK_GIRL) in [(p.row, p.column, p.value) for p in refused.problems]
    assert snapshot() == before


# ---------------------------------------------------------------------------------------------- the re-check
# Workers registered at an LKS by someone else between an import's check and its write (the LKS are locked only
# for the write) are looked for again once locked: the same person is never registered twice.


def import_while_someone_registers(tmp_path, world, monkeypatch, **registered):
    """Imports one worker's row; just before it is written, someone else registers `registered` at that LKS."""
    original = WorkersEntity.save

    def save(self, plans, ctx):
        WorkerFactory(organisation=world.lks, **registered)
        return original(self, plans, ctx)

    monkeypatch.setattr(WorkersEntity, "save", save)
    path = xlsx_file(tmp_path, [STRESS_WORKER_HEADERS, worker(1, "TD/HARAPAN/1")])
    return run(path, world.province_admin, entity="workers")


def row_values(tmp_path):
    """The name, birth date and NIK of the imported row."""
    full_name, _sex, birth_date, nik = worker(1, "TD/HARAPAN/1")[:4]
    return full_name, birth_date, nik


def test_the_same_nik_registered_meanwhile_refuses_the_file(tmp_path, world, monkeypatch):
    full_name, birth_date, nik = row_values(tmp_path)
    result = import_while_someone_registers(tmp_path, world, monkeypatch, full_name="Nama Lain", nik=nik)
    assert result.status == "refused" and "didaftarkan di LKS yang sama selama impor berjalan" in result.message
    # (the other registration, made inside this test's import transaction, is rolled back with it)
    assert not Worker.objects.filter(full_name=full_name).exists()


def test_the_same_name_and_birth_date_without_a_nik_registered_meanwhile_refuses_the_file(tmp_path, world, monkeypatch):
    full_name, birth_date, _nik = row_values(tmp_path)
    result = import_while_someone_registers(
        tmp_path, world, monkeypatch, full_name=full_name, birth_date=birth_date, nik_hash="", nik_encrypted="",
        nik_masked="",
    )  # fmt: skip
    assert result.status == "refused"


def test_a_namesake_with_another_nik_registered_meanwhile_is_another_person(tmp_path, world, monkeypatch):
    full_name, birth_date, _nik = row_values(tmp_path)
    result = import_while_someone_registers(tmp_path, world, monkeypatch, full_name=full_name, birth_date=birth_date)
    assert result.status == "succeeded", result.message
    assert Worker.objects.filter(organisation=world.lks, full_name=full_name).count() == 2


@pytest.mark.parametrize("raw", [float("inf"), float("-inf"), float("nan"), 637101.5])
def test_a_nik_number_cell_that_is_no_whole_number_is_refused_not_crashed(raw):
    from sinergi.exchange import values as v
    from sinergi.people.exchange.clients import ClientsEntity

    column = next(c for c in ClientsEntity().columns if c.key == "nik")
    with pytest.raises(v.CellProblem):
        column.clean(raw, None)


def test_copys_records_end_with_crlf_and_a_line_break_in_a_quoted_cell_stays_across_chunks():
    from sinergi.people.exchange.clients import _crlf_records

    first, inside = _crlf_records(b'1,"Jl. Mawar\nNo. 2",x\n2,"paman', False)
    second, inside = _crlf_records(b'\nkandung ""A""",y\n3,z\n', inside)

    assert first + second == b'1,"Jl. Mawar\nNo. 2",x\r\n2,"paman\nkandung ""A""",y\r\n3,z\r\n'
    assert inside is False


def test_a_workers_role_and_category_in_the_words_staff_use_are_read(tmp_path, world):
    rows = [
        worker_row(Peran="Ketua", **{"Kategori PSKS": "Peksos"}),
        worker_row(**{"Nama lengkap": "Sari Contoh", "NIK": "", "Peran": "pengasuh panti"}),
    ]
    result = import_workers(tmp_path, rows, world.operator)
    assert result.created == 2, result.problems
    stored = Worker.objects.order_by("full_name").values_list("full_name", "role", "psks_category__code")
    assert list(stored) == [("Rina Contoh", "pengurus", "peksos_profesional"), ("Sari Contoh", "pengasuh", "lks")]


def test_a_psks_category_under_its_english_label_of_before_or_of_now_is_read(tmp_path, world):
    # "Women social welfare leader" and "Sub-district social welfare worker" were the English labels until they read
    # "Women's social welfare leader (WPKS)" and "District social welfare worker (TKSK)": a file filled from an English
    # template of before still imports, and says how it was read
    from django.utils import translation

    names = ["Ani", "Budi", "Citra", "Dedi", "Eka"]
    categories = ["Women social welfare leader", "Sub-district social welfare worker",
                  "Women's social welfare leader (WPKS)", "District social welfare worker (TKSK)", "WPKS"]  # fmt: skip
    rows = [
        worker_row(**{"Nama lengkap": f"{name} Contoh", "NIK": "", "Kategori PSKS": category, "Peran": "TKSK"})
        for name, category in zip(names, categories, strict=True)
    ]
    with translation.override("en"):
        result = import_workers(tmp_path, rows, world.operator)

    assert result.created == 5, result.problems
    assert any("Women social welfare leader" in str(notice) for notice in result.notices), result.notices
    stored = Worker.objects.order_by("full_name").values_list("psks_category__code", "role")
    assert list(stored) == [("wpks", "tksk"), ("tksk", "tksk"), ("wpks", "tksk"), ("tksk", "tksk"), ("wpks", "tksk")]
