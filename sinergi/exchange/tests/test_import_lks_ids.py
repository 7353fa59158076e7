"""The LKS export's ID column read back: a row with an ID corrects that LKS (its name, even its numbers) instead of
registering a second one; an ID the user may not change is refused with one answer whatever is stored; and a
number that belongs to another LKS than the ID's is refused. Rows without an ID keep matching by their numbers."""

import pytest

from sinergi.exchange.columns import get_entity
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory

from .conftest import HEADERS, csv_file, problems_of, run

pytestmark = pytest.mark.django_db


def exported(*organisations: Organisation) -> list[list]:
    """The LKS export's rows (header first), as a user gets them to correct."""
    entity = get_entity("lks")
    header = [str(column.header) for column in entity.export_columns()]
    rows = entity.export_rows(Organisation.objects.filter(pk__in=[o.pk for o in organisations]).order_by("pk"))
    return [header, *[["" if cell is None else cell for cell in row] for row in rows]]


def test_a_corrected_name_with_the_id_updates_that_lks_instead_of_registering_another(tmp_path, board_member):
    # Registered without numbers, so only its name and region found it before: a corrected name found nothing.
    typo = OrganisationFactory(name="LKS Uji Tanpa Nomr", region_id="63.71.01.1001")
    rows = exported(typo)
    rows[1][rows[0].index("Nama LKS")] = "LKS Uji Tanpa Nomor"
    path = csv_file(tmp_path, rows)

    checked = run(path, board_member, dry_run=True)

    assert (checked.status, checked.created, checked.updated) == ("checked", 0, 1)
    assert checked.preview["update"][0]["changes"] == {"Nama LKS": ["LKS Uji Tanpa Nomr", "LKS Uji Tanpa Nomor"]}
    assert not any("“ID”" in notice for notice in checked.notices)  # read, not "ignored as read-only"

    result = run(path, board_member)

    assert (result.status, result.created, result.updated) == ("succeeded", 0, 1)
    assert list(Organisation.objects.values_list("pk", "name")) == [(typo.pk, "LKS Uji Tanpa Nomor")]


def test_an_id_row_may_correct_the_registration_number_that_found_it(tmp_path, board_member, banjarmasin_lks):
    rows = exported(banjarmasin_lks)
    rows[1][rows[0].index("Nomor tanda daftar")] = "TD/BARU/2"

    result = run(csv_file(tmp_path, rows), board_member)

    assert (result.status, result.created, result.updated) == ("succeeded", 0, 1)
    banjarmasin_lks.refresh_from_db()
    assert banjarmasin_lks.registration_number == "TD/BARU/2"


def test_an_unknown_id_and_an_id_outside_the_users_scope_get_the_same_answer_and_nothing_is_created(
    tmp_path, board_member
):
    elsewhere = OrganisationFactory(name="LKSA Banjarbaru", region_id="63.72.02.1003")  # board of 63.71 only
    missing = elsewhere.pk + 1000
    path = csv_file(
        tmp_path,
        [
            ["ID", "Nama LKS", "Jenis layanan utama", "Kode wilayah"],
            [elsewhere.pk, "LKSA Banjarbaru Baru", "anak", "63.72.02.1003"],
            [missing, "LKSA Entah", "anak", "63.71.01.1001"],
        ],
    )

    result = run(path, board_member)

    message = (
        "Tidak ada LKS dengan ID %s yang dapat Anda ubah. Periksa ID-nya, atau kosongkan ID untuk mendaftarkan "
        "LKS baru."
    )
    assert problems_of(result) == [
        (2, "ID", str(elsewhere.pk), message % elsewhere.pk),
        (3, "ID", str(missing), message % missing),
    ]
    assert list(Organisation.objects.values_list("name", flat=True)) == ["LKSA Banjarbaru"]


def test_an_id_row_whose_number_belongs_to_another_lks_is_refused(tmp_path, board_member, banjarmasin_lks):
    other = OrganisationFactory(name="LKSA Lain", region_id="63.71.01.1001", registration_number="TD/LAIN/9")
    rows = exported(banjarmasin_lks)
    rows[1][rows[0].index("Nomor tanda daftar")] = "td/lain/9"

    result = run(csv_file(tmp_path, rows), board_member)

    assert problems_of(result) == [
        (
            2,
            "Nomor tanda daftar",
            "td/lain/9",
            f"Nomor tanda daftar td/lain/9 terdaftar untuk LKS lain, bukan LKS dengan ID {banjarmasin_lks.pk}. "
            "Periksa ID dan nomor di baris ini.",
        )
    ]
    assert Organisation.objects.get(pk=other.pk).registration_number == "TD/LAIN/9"


def test_rows_without_an_id_beside_id_rows_still_match_by_their_numbers(tmp_path, board_member, banjarmasin_lks):
    mutiara = OrganisationFactory(name="LKSA Mutiara", region_id="63.71.04.1002", registration_number="TD/M/1")
    path = csv_file(
        tmp_path,
        [
            ["ID", *HEADERS],
            [banjarmasin_lks.pk, "LKSA Lama Banjarmasin", "anak", "63.71.01.1001", "TD/LAMA/1", 31],
            ["", "LKSA Mutiara", "anak", "63.71.04.1002", "TD/M/1", 45],
        ],
    )

    result = run(path, board_member)

    assert (result.status, result.created, result.updated) == ("succeeded", 0, 2)
    assert sorted(Organisation.objects.values_list("pk", "capacity")) == sorted(
        [(banjarmasin_lks.pk, 31), (mutiara.pk, 45)]
    )


def test_two_rows_with_one_id_are_refused_as_duplicates(tmp_path, board_member, banjarmasin_lks):
    path = csv_file(
        tmp_path,
        [["ID", "Nama LKS"], [banjarmasin_lks.pk, "LKSA Lama Bjm"], [banjarmasin_lks.pk, "LKSA Lama Banjarmasin 2"]],
    )

    result = run(path, board_member)

    assert [(p.row, p.message) for p in result.problems] == [
        (3, f"Baris ini duplikat baris 2 (ID {banjarmasin_lks.pk} sama).")
    ]


def test_an_lks_moved_by_an_import_takes_its_workers_along_and_its_history_shows_the_change(
    tmp_path, province_admin, banjarmasin_lks
):
    from sinergi.audit.models import AuditEvent
    from sinergi.people.models import Worker
    from sinergi.people.tests.factories import WorkerFactory

    worker = WorkerFactory(organisation=banjarmasin_lks)
    rows = exported(banjarmasin_lks)
    rows[1][rows[0].index("Kode wilayah")] = "63.72.02.1003"  # a desa of Kota Banjarbaru
    for index, header in enumerate(rows[0]):
        if header in ("Provinsi", "Kabupaten/Kota", "Kecamatan", "Desa/Kelurahan"):
            rows[1][index] = ""  # the names beside the old code, cleared as the new code says it all

    result = run(csv_file(tmp_path, rows), province_admin)

    assert (result.status, result.updated) == ("succeeded", 1), problems_of(result)
    assert Worker.objects.get(pk=worker.pk).regency_code == "63.72"
    event = AuditEvent.objects.get(action="organisations.organisation.updated", object_id=str(banjarmasin_lks.pk))
    before, after = event.changes["Wilayah"]  # named, nearest first, with the code
    assert before == "Mantuil, Banjarmasin Selatan, Kota Banjarmasin (63.71.01.1001)"
    assert after.endswith(", Kota Banjarbaru (63.72.02.1003)") and after.count(",") == 2, after
    assert event.actor_name == "admin.uji"


def test_a_users_own_running_number_under_an_id_header_does_not_overwrite_the_lks_of_that_number(
    tmp_path, board_member, banjarmasin_lks
):
    # A user's own list, its rows numbered in a column headed "ID" (1, 2, …), one number being an LKS's id
    headers = ["ID", "Nama LKS", "Jenis layanan utama", "Kode wilayah", "Alamat"]
    rows = [headers, [banjarmasin_lks.pk, "LKSA Baru Sekali", "anak", "63.71.02.1001", "Jl. Baru 1"]]

    result = run(csv_file(tmp_path, rows), board_member)

    assert [p.message for p in result.problems] == [
        f"ID {banjarmasin_lks.pk} adalah LKS “LKSA Lama Banjarmasin”, tetapi nama di baris ini (“LKSA Baru Sekali”) "
        "berbeda dan tidak ada nomor tanda daftar atau izin yang sama. Bila kolom ID di file ini nomor urut Anda "
        "sendiri, ubah judulnya (mis. “No”); bila nama LKS memang berganti, ubah di halaman LKS-nya."
    ]
    banjarmasin_lks.refresh_from_db()
    assert (banjarmasin_lks.name, banjarmasin_lks.region_id) == ("LKSA Lama Banjarmasin", "63.71.01.1001")


def test_names_that_may_name_the_same_lks_or_person_despite_a_typo():
    from sinergi.exchange.values import same_one_named

    assert same_one_named("LKS Uji Tanpa Nomr", "LKS Uji Tanpa Nomor")
    assert same_one_named("Panti Asuhan Al-Falah", "LKSA Al Falah")
    assert not same_one_named("LKSA Harapan Contoh", "LKSA Baru Sekali")
    assert not same_one_named("Panti Asuhan Harapan", "Panti Asuhan Sejahtera")


def test_a_partial_file_naming_only_the_kabupaten_kota_keeps_the_desa_on_record(
    tmp_path, board_member, banjarmasin_lks
):
    rows = [
        ["ID", "Nama LKS", "Kabupaten/Kota"],
        [banjarmasin_lks.pk, "LKSA Lama Banjarmasin Baru", "Kota Banjarmasin"],
    ]

    result = run(csv_file(tmp_path, rows), board_member)

    assert (result.status, result.updated) == ("succeeded", 1), problems_of(result)
    banjarmasin_lks.refresh_from_db()
    assert (banjarmasin_lks.name, banjarmasin_lks.region_id) == ("LKSA Lama Banjarmasin Baru", "63.71.01.1001")


def test_a_row_of_an_export_older_than_a_change_is_refused_rather_than_written_back(
    tmp_path, board_member, banjarmasin_lks
):
    from django.db.models import F

    old_export = exported(banjarmasin_lks)
    # Someone changes the phone after the export was made
    Organisation.objects.filter(pk=banjarmasin_lks.pk).update(phone="0511-3300000", version=F("version") + 1)
    # The old file, its name corrected, would put the old (empty) phone back: refused
    edited = [list(old_export[0]), list(old_export[1])]
    edited[1][edited[0].index("Nama LKS")] = "LKSA Lama Banjarmasin Raya"
    result = run(csv_file(tmp_path, edited), board_member)
    assert [(p.column, p.message) for p in result.problems] == [
        ("Versi", "Data ini sudah diubah sejak file ini diekspor (versi di file 1, kini 2); mengimpor baris ini akan "
                  "mengembalikan isian lama. Ekspor ulang, lalu ulangi perubahan Anda di file baru.")
    ]  # fmt: skip
    assert Organisation.objects.get(pk=banjarmasin_lks.pk).phone == "0511-3300000"
    # The old file as it was changes nothing, so it passes; a new export carries the new version and imports
    assert run(csv_file(tmp_path, old_export, name="sama.csv"), board_member).unchanged == 1
    fresh = exported(Organisation.objects.get(pk=banjarmasin_lks.pk))
    fresh[1][fresh[0].index("Nama LKS")] = "LKSA Lama Banjarmasin Raya"
    assert run(csv_file(tmp_path, fresh, name="baru.csv"), board_member).updated == 1
