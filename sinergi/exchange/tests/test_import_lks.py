import datetime
import re

import pytest
import xlsxwriter

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import MembershipFactory, user_with_role
from sinergi.audit.models import AuditEvent
from sinergi.exchange.files import read_all
from sinergi.exchange.pipeline import ImportCancelled
from sinergi.organisations.choices import OrganisationStatus
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory

from .conftest import HEADERS, csv_file, problems_of, run, xlsx_file

pytestmark = pytest.mark.django_db


def snapshot():
    """Every organisation field, for asserting that a refused or dry-run import changed nothing."""
    return list(Organisation.objects.order_by("pk").values()), list(
        Organisation.service_kinds.through.objects.order_by("pk").values_list("organisation_id", "term_id")
    )


def test_new_rows_become_draft_lks_with_derived_region_codes(tmp_path, board_member):
    path = xlsx_file(
        tmp_path,
        [
            [*HEADERS, "Jenis layanan lain", "Tanggal tanda daftar"],
            ["LKSA Baru", "anak", "63.71.01.1001", "TD/BARU/1", 25, "disabilitas, napza", datetime.date(2023, 8, 17)],
        ],
    )
    result = run(path, board_member)
    assert (result.status, result.created, result.updated, result.unchanged) == ("succeeded", 1, 0, 0)
    assert "LKS baru tersimpan sebagai draf: LKS itu belum dihitung sebagai LKS aktif" in result.notices[-1]
    lks = Organisation.objects.get(registration_number="TD/BARU/1")
    assert (lks.name, lks.status, lks.regency_code, lks.village_code, lks.capacity) == (
        "LKSA Baru",
        OrganisationStatus.DRAFT,
        "63.71",
        "63.71.01.1001",
        25,
    )
    assert sorted(lks.service_kinds.values_list("code", flat=True)) == ["disabilitas", "napza"]
    # The registration's expiry is derived as the services derive it (5 years by default).
    assert lks.registration_expires_on == datetime.date(2028, 8, 17)


def test_a_dry_run_reports_and_writes_nothing(tmp_path, board_member, banjarmasin_lks):
    before = snapshot()
    path = xlsx_file(
        tmp_path,
        [
            HEADERS,
            ["LKSA Lama Banjarmasin", "anak", "63.71.01.1001", "TD/LAMA/1", 45],
            ["LKSA Baru", "anak", "63.71", "", 10],
        ],
    )
    result = run(path, board_member, dry_run=True)
    assert (result.status, result.created, result.updated) == ("checked", 1, 1)
    assert result.preview["update"] == [
        {"row": 2, "key": "LKSA Lama Banjarmasin — TD/LAMA/1", "changes": {"Kapasitas (orang)": ["30", "45"]}}
    ]
    # A new record shows its cells as they were read: a code as its label, a number as a number
    assert result.preview["create"] == [
        {
            "row": 3,
            "key": "LKSA Baru",
            "values": [
                ["Nama LKS", "LKSA Baru"],
                ["Jenis layanan utama", "LKS Anak (LKSA)"],
                ["Kode wilayah", "63.71"],
                ["Kapasitas (orang)", "10"],
            ],
        }
    ]
    assert snapshot() == before
    assert AuditEvent.objects.count() == 0


def test_a_trial_shows_the_expiry_the_real_import_will_work_out_for_a_new_lks(tmp_path, board_member, settings):
    # (An earlier note: a trial showed a new LKS's cells only, and the import then stored an expiry never shown.)
    settings.SINERGI = {**settings.SINERGI, "REGISTRATION_VALIDITY_YEARS": 5}
    headers = [*HEADERS, "Tanggal tanda daftar", "Tanda daftar berlaku sampai"]
    path = xlsx_file(
        tmp_path,
        [
            headers,
            ["LKSA Dihitung", "anak", "63.71", "TD/HITUNG/1", 10, "17-08-2023", ""],
            ["LKSA Tertulis", "anak", "63.71", "TD/TULIS/1", 10, "17-08-2023", "31-12-2026"],
        ],
    )

    result = run(path, board_member, dry_run=True)

    computed, written = (dict(p["values"]) for p in result.preview["create"])
    assert computed["Tanda daftar berlaku sampai (dihitung)"] == "17-08-2028"
    # a date written in the file is shown as read, and nothing is added
    assert written["Tanda daftar berlaku sampai"] == "31-12-2026"
    assert not any(label.endswith("(dihitung)") for label in written)


def test_reimporting_the_same_file_changes_nothing(tmp_path, board_member):
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Ulang", "anak", "63.71.01.1001", "TD/ULANG/1", 20]])
    assert run(path, board_member).created == 1
    before = snapshot()
    again = run(path, board_member)
    assert (again.status, again.created, again.updated, again.unchanged) == ("succeeded", 0, 0, 1)
    assert snapshot() == before  # not even the version or updated_at moved


def test_an_update_changes_only_given_cells_and_bumps_the_version(tmp_path, board_member, banjarmasin_lks):
    banjarmasin_lks.phone = "0511-111"
    banjarmasin_lks.save()
    path = xlsx_file(
        tmp_path,
        [[*HEADERS, "Telepon"], ["LKSA Lama Banjarmasin", "anak", "63.71.01.1001", "td/lama/1", 40, ""]],
    )
    result = run(path, board_member)
    assert (result.updated, result.created) == (1, 0)
    banjarmasin_lks.refresh_from_db()
    # An empty cell keeps the stored value; the key matched despite different letter case.
    assert (banjarmasin_lks.capacity, banjarmasin_lks.phone, banjarmasin_lks.version) == (40, "0511-111", 2)


def test_rows_without_numbers_match_by_name_and_region(tmp_path, board_member):
    existing = OrganisationFactory(name="Panti Asuhan Al Ikhlas", region_id="63.71.01.1001", capacity=10)
    path = xlsx_file(tmp_path, [HEADERS, ["panti asuhan  al-ikhlas", "anak", "63.71.01.1001", "", 12]])
    result = run(path, board_member)
    assert (result.created, result.updated) == (0, 1)
    existing.refresh_from_db()
    assert existing.capacity == 12


def test_one_bad_row_refuses_the_whole_file_and_reports_every_problem(tmp_path, board_member, banjarmasin_lks):
    before = snapshot()
    path = xlsx_file(
        tmp_path,
        [
            HEADERS + ["Tanggal izin operasional", "Peringkat akreditasi"],
            ["LKSA Baik", "anak", "63.71.01.1001", "TD/OK/1", 10, "", ""],
            ["", "lanjut usai", "63.1", "TD/OK/2", "banyak", "31-02-2023", "B"],
            ["LKSA Masa Depan", "anak", "63.71.01.9999", "TD/OK/3", 10, datetime.date(2099, 1, 1), ""],
        ],
    )
    result = run(path, board_member)
    assert result.status == "refused"
    assert result.message == (
        "2 baris bermasalah (8 masalah). Tidak ada data yang disimpan; perbaiki lalu unggah lagi."
    )
    assert problems_of(result) == [
        (
            3,
            "Jenis layanan utama",
            "lanjut usai",
            "“lanjut usai” tidak ada dalam daftar. Mungkin maksud Anda “LKS Lanjut Usia”?",
        ),
        (
            3,
            "Kode wilayah",
            "63.1",
            "Kode wilayah “63.1” terbaca sebagai angka oleh Excel atau LibreOffice sehingga angka nolnya hilang (63.1 "
            "bisa berarti 63.01 atau 63.10). Format kolom ini sebagai Teks lalu ketik ulang kodenya, mis. 63.71.",
        ),
        (3, "Kapasitas (orang)", "banyak", "“banyak” bukan bilangan bulat."),
        (3, "Tanggal izin operasional", "31-02-2023", "Tanggal “31-02-2023” tidak ada di kalender."),
        (3, "Nama LKS", "", "Nama wajib diisi."),
        (
            3,
            "Tanggal akreditasi",
            "",
            "Tanggal akreditasi wajib diisi bila ada peringkat akreditasi. Baris ini "
            "memerlukan kolom “Tanggal akreditasi”, yang tidak ada di file ini.",
        ),
        (4, "Kode wilayah", "63.71.01.9999", "Kode wilayah 63.71.01.9999 tidak ada dalam daftar wilayah Kemendagri."),
        (4, "Tanggal izin operasional", "01-01-2099", "Tanggal tidak boleh di masa depan."),
    ]
    assert snapshot() == before


def test_service_rules_give_the_services_own_messages(tmp_path, board_member):
    path = xlsx_file(
        tmp_path,
        [
            HEADERS + ["Tanggal akreditasi", "Lintang", "NPWP", "Surel"],
            [
                "LKSA Aturan",
                "anak",
                "63.71.01.1001",
                "TD/ATURAN",
                10,
                datetime.date(2020, 1, 1),
                "-3,3",
                "123",
                "bukan-surel",
            ],
        ],
    )
    result = run(path, board_member)
    assert sorted((p.column, p.message) for p in result.problems) == [
        ("Lintang", "Isi lintang dan bujur bersama-sama."),
        ("NPWP", "NPWP terdiri atas 15 atau 16 angka."),
        (
            "Peringkat akreditasi",
            "Pilih peringkat akreditasi untuk tanggal akreditasi ini. Baris ini memerlukan "
            "kolom “Peringkat akreditasi”, yang tidak ada di file ini.",
        ),
        ("Surel", "Masukkan alamat email dengan format yang benar."),
    ]
    assert not Organisation.objects.filter(name="LKSA Aturan").exists()


def test_duplicate_rows_in_the_file_are_refused(tmp_path, board_member):
    row = ["LKSA Kembar", "anak", "63.71.01.1001", "TD/KEMBAR/1", 10]
    path = xlsx_file(tmp_path, [HEADERS, row, ["LKSA Lain", "anak", "63.71.01.1001", "TD/LAIN/1", 10], row])
    result = run(path, board_member)
    assert problems_of(result) == [(4, "", "", "Baris ini duplikat baris 2 (nomor tanda daftar TD/KEMBAR/1 sama).")]
    assert not Organisation.objects.exists()


def test_two_rows_pointing_at_the_same_lks_are_refused(tmp_path, board_member, banjarmasin_lks):
    path = xlsx_file(
        tmp_path,
        [
            [*HEADERS, "Nomor izin operasional"],
            ["LKSA Lama Banjarmasin", "anak", "63.71.01.1001", "TD/LAMA/1", 31, ""],
            ["LKSA Lama Banjarmasin", "anak", "63.71.01.1001", "", 32, "IO/LAMA/1"],
        ],
    )
    result = run(path, board_member)
    assert problems_of(result) == [
        (3, "", "", "Baris ini dan baris 2 menunjuk data yang sama (LKSA Lama Banjarmasin — IO/LAMA/1).")
    ]


def test_region_names_are_resolved_within_their_parent_and_suggested_when_misspelt(tmp_path, board_member):
    headers = ["Nama LKS", "Jenis layanan utama", "Kabupaten/Kota", "Kecamatan", "Desa/Kelurahan"]
    path = xlsx_file(
        tmp_path,
        [
            headers,
            ["LKSA Nama Wilayah", "anak", "Kota Banjarmasin", "Banjarmasin Selatan", "Mantuil"],
            ["LKSA Salah Ketik", "anak", "Kota Banjarmasin", "Banjarmasin Selatn", ""],
            ["LKSA Tak Dikenal", "anak", "Kota Atlantis", "", ""],
        ],
    )
    result = run(path, board_member, dry_run=True)
    assert problems_of(result) == [
        (
            3,
            "Kecamatan",
            "Banjarmasin Selatn",
            "Kecamatan “Banjarmasin Selatn” tidak ditemukan di Kota Banjarmasin. Mungkin maksud Anda "
            "“Banjarmasin Selatan”?",
        ),
        (4, "Kabupaten/Kota", "Kota Atlantis", "Kabupaten/kota “Kota Atlantis” tidak ditemukan."),
    ]
    ok = run(
        xlsx_file(tmp_path, [headers, ["LKSA Nama Wilayah", "anak", "Banjarmasin", "", "Mantuil"]], name="b.xlsx"),
        board_member,
    )
    assert ok.created == 1
    assert Organisation.objects.get(name="LKSA Nama Wilayah").region_id == "63.71.01.1001"


def test_a_code_that_contradicts_the_names_beside_it_is_refused(tmp_path, board_member):
    path = xlsx_file(
        tmp_path,
        [
            ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "Kabupaten/Kota"],
            ["LKSA X", "anak", "63.71.01.1001", "Kabupaten Banjar"],
        ],
    )
    result = run(path, board_member)
    assert problems_of(result) == [
        (
            2,
            "Kabupaten/Kota",
            "Kabupaten Banjar",
            "Kode wilayah 63.71.01.1001 berada di Kota Banjarmasin, bukan “Kabupaten Banjar”. "
            "Periksa kode atau namanya.",
        )
    ]


def test_messy_but_readable_files_are_accepted(tmp_path, board_member):
    """Title rows above the header, headers in other case/spacing/synonyms, an unknown column, dates in every
    shape, a formula, leading apostrophes."""
    rows = [
        ["DATA LKS KOTA BANJARMASIN 2025"],
        [],
        [
            "  nama   LKS ",
            "JENIS LAYANAN",
            "kode desa",
            "No. Tanda Daftar",
            "Tgl Tanda Daftar",
            "Daya tampung",
            "Catatan",
            "telp",
        ],
        ["LKSA Satu", "anak", "'63.71.01.1001", "TD/M/1", 45155, ("=20+10", 30), "abc", "'0511-3252525"],
        ["LKSA Dua", "LKS Lanjut Usia", "63.71.01.1001", "TD/M/2", "17-08-2023", 10, "", ""],
        ["LKSA Tiga", "napza", "63.71.01.1001", "TD/M/3", "17/08/2023", 10, "", ""],
        ["LKSA Empat", "anak", "63.71.01.1001", "TD/M/4", "17 Agustus 2023", 10, "", ""],
        ["LKSA Lima", "anak", "63.71.01.1001", "TD/M/5", "2023-08-17", 10, "", ""],
    ]
    result = run(xlsx_file(tmp_path, rows), board_member)
    assert (result.status, result.created) == ("succeeded", 5)
    assert result.notices[:2] == [
        "Judul kolom ditemukan di baris 3; baris di atasnya dilewati.",
        "Kolom yang tidak dikenal diabaikan: “Catatan”.",
    ]
    assert result.notices[2].startswith("LKS baru tersimpan sebagai draf") and len(result.notices) == 3
    issued = set(Organisation.objects.values_list("registration_issued_on", flat=True))
    assert issued == {datetime.date(2023, 8, 17)}
    first = Organisation.objects.get(registration_number="TD/M/1")
    assert (first.capacity, first.phone, first.region_id) == (30, "0511-3252525", "63.71.01.1001")


@pytest.mark.parametrize(
    "encoding, delimiter, bom",
    [("utf-8", ";", b""), ("utf-8", ",", b"\xef\xbb\xbf"), ("cp1252", ";", b"")],
)
def test_csv_files_in_the_shapes_excel_writes(tmp_path, board_member, encoding, delimiter, bom):
    path = csv_file(
        tmp_path,
        [HEADERS, ["LKSA Café – Kasih", "anak", "63.71.01.1001", "TD/CSV/1", "30"]],
        encoding=encoding,
        delimiter=delimiter,
    )
    path.write_bytes(bom + path.read_bytes())
    result = run(path, board_member)
    assert result.created == 1
    assert Organisation.objects.get().name == "LKSA Café – Kasih"


def test_missing_required_columns_refuse_the_file(tmp_path, board_member):
    path = xlsx_file(tmp_path, [["Nama", "Alamat"], ["LKSA", "Jl. A"]])
    result = run(path, board_member)
    assert result.status == "refused"
    assert result.message == (
        "Kolom wajib tidak ada: “Jenis layanan utama”, “Kode wilayah (atau Kabupaten/Kota, Kecamatan, "
        "Desa/Kelurahan)”. Tambahkan kolom itu (lihat templat impor)."
    )


def test_a_sheet_without_any_known_header_is_refused(tmp_path, board_member):
    result = run(xlsx_file(tmp_path, [["a", "b"], ["1", "2"]]), board_member)
    assert result.message.startswith("Judul kolom tidak ditemukan di 20 baris pertama.")
    # the example is a column the file must have, not the export's ID (fifty-ninth review)
    assert "memuat nama kolom seperti “Nama LKS”." in result.message


def test_a_header_without_rows_is_refused(tmp_path, board_member):
    result = run(xlsx_file(tmp_path, [HEADERS]), board_member)
    assert result.message == "Tidak ada baris data di bawah judul kolom (baris 1)."


def test_too_many_rows_are_refused(tmp_path, board_member, settings):
    settings.SINERGI = {**settings.SINERGI, "IMPORT_MAX_ROWS": 2}
    rows = [HEADERS] + [[f"LKSA {i}", "anak", "63.71", f"TD/{i}", 1] for i in range(3)]
    result = run(xlsx_file(tmp_path, rows), board_member)
    assert result.status == "refused"
    assert result.message == (
        "File berisi lebih dari 2 baris data; paling banyak 2 baris per impor. Bagi menjadi beberapa file."
    )
    assert not Organisation.objects.filter(name__startswith="LKSA ").exists()


def test_empty_rows_far_below_the_data_do_not_count_against_the_row_cap(tmp_path, board_member, settings):
    settings.SINERGI = {**settings.SINERGI, "IMPORT_MAX_ROWS": 2}
    rows = [HEADERS, ["LKSA Satu", "anak", "63.71", "TD/1", 1], ["LKSA Dua", "anak", "63.71", "TD/2", 1]]
    rows += [[""] * 5] * 50 + [["", "", "", "", " "]]  # a stray space far below, as spreadsheets keep them
    result = run(xlsx_file(tmp_path, rows), board_member)
    assert result.status == "succeeded" and result.created == 2


def test_a_board_cannot_register_or_change_lks_outside_its_regency(tmp_path, board_member):
    elsewhere = OrganisationFactory(name="LKSA Banjarbaru", region_id="63.72.02.1003", registration_number="TD/BJB")
    path = xlsx_file(
        tmp_path,
        [
            HEADERS,
            ["LKSA Baru Banjarbaru", "anak", "63.72", "TD/BJB/2", 5],
            ["LKSA Banjarbaru", "anak", "63.72.02.1003", "TD/BJB", 99],
        ],
    )
    result = run(path, board_member)
    assert problems_of(result) == [
        (
            2,
            "Kode wilayah",
            "63.72",
            "Anda tidak berwenang mendaftarkan LKS di Kota Banjarbaru (di luar wilayah Anda).",
        ),
        (3, "", "", "LKS “LKSA Banjarbaru” sudah terdaftar dan di luar wewenang Anda untuk diubah."),
    ]
    elsewhere.refresh_from_db()
    assert elsewhere.capacity == 30


def test_an_operator_may_update_their_lks_but_not_its_accreditation(tmp_path, operator, banjarmasin_lks):
    headers = [*HEADERS, "Peringkat akreditasi", "Tanggal akreditasi"]
    row = ["LKSA Lama Banjarmasin", "anak", "63.71.01.1001", "TD/LAMA/1", 35]
    refused = run(xlsx_file(tmp_path, [headers, [*row, "A", "01-01-2024"]]), operator)
    assert [(p.column, p.message) for p in refused.problems] == [
        ("Peringkat akreditasi", "Jenis, status, dan akreditasi hanya dapat diubah oleh pengurus LKKKS.")
    ]
    accepted = run(xlsx_file(tmp_path, [HEADERS, row], name="ok.xlsx"), operator)
    assert accepted.updated == 1
    banjarmasin_lks.refresh_from_db()
    assert (banjarmasin_lks.capacity, banjarmasin_lks.accreditation_grade) == (35, None)


def test_a_key_that_points_at_another_lks_is_refused(tmp_path, board_member, banjarmasin_lks):
    path = xlsx_file(
        tmp_path,
        [[*HEADERS, "Nomor izin operasional"], ["LKSA X", "anak", "63.71.01.1001", "TD/LAIN/2", 5, "IO/LAMA/1"]],
    )
    result = run(path, board_member)
    assert [(p.column, p.message) for p in result.problems] == [
        (
            "Nomor tanda daftar",
            "LKS “LKSA Lama Banjarmasin” yang cocok dengan baris ini terdaftar dengan nomor tanda daftar TD/LAMA/1, "
            "bukan TD/LAIN/2.",
        )
    ]


def test_one_audit_event_per_import_with_its_counts(tmp_path, board_member, banjarmasin_lks):
    from sinergi.exchange.services import import_job_create, import_job_run

    path = xlsx_file(
        tmp_path,
        [
            HEADERS,
            ["LKSA Lama Banjarmasin", "anak", "63.71.01.1001", "TD/LAMA/1", 31],
            ["LKSA N", "anak", "63.71", "TD/N", 3],
        ],
    )
    from django.core.files import File

    with path.open("rb") as handle:
        job = import_job_create(
            actor=board_member,
            entity_key="lks",
            file=File(handle, name="x.xlsx"),
            original_name="x.xlsx",
            dry_run=False,
            enqueue=False,
        )
    import_job_run(job_id=job.pk)
    # One event for the import, with its counts; besides it, each changed LKS's own history gets its change and
    # each new LKS its registration (as after a form's save), both naming the import.
    records = ("organisations.organisation.updated", "organisations.organisation.created")
    events = list(AuditEvent.objects.exclude(action__in=records).values_list("action", "actor_name", "data"))
    assert len(events) == 1
    updated = AuditEvent.objects.get(action="organisations.organisation.updated")
    assert (updated.object_id, updated.changes) == (str(banjarmasin_lks.pk), {"Kapasitas (orang)": ["30", "31"]})
    created = AuditEvent.objects.get(action="organisations.organisation.created")
    new_lks = Organisation.objects.get(registration_number="TD/N")
    assert (created.object_id, created.actor_name) == (str(new_lks.pk), "pengurus.uji")
    assert created.data == updated.data == {"via": "import", "import_job": job.pk}
    action, actor_name, data = events[0]
    assert (action, actor_name) == ("exchange.import.succeeded", "pengurus.uji")
    assert {k: data[k] for k in ("entity", "rows", "created", "updated", "unchanged", "problems", "file_type")} == {
        "entity": "lks",
        "rows": 2,
        "created": 1,
        "updated": 1,
        "unchanged": 0,
        "problems": 0,
        "file_type": ".xlsx",
    }


def test_cancelling_while_saving_rolls_everything_back(tmp_path, board_member):
    rows = [HEADERS] + [[f"LKSA {i}", "anak", "63.71.01.1001", f"TD/C/{i}", 5] for i in range(30)]
    path = xlsx_file(tmp_path, rows)

    def progress(phase, done, total):
        return phase == "saving" and done >= 10  # cancel after the first saved batch

    with pytest.raises(ImportCancelled):
        run(path, board_member, progress=progress, batch_size=10)
    assert not Organisation.objects.exists()


def test_a_record_changed_during_the_import_refuses_it(tmp_path, board_member, banjarmasin_lks):
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Lama Banjarmasin", "anak", "63.71.01.1001", "TD/LAMA/1", 77]])

    def progress(phase, done, total):
        if phase == "saving" and done == 0:
            Organisation.objects.filter(pk=banjarmasin_lks.pk).update(version=5)  # someone saved the form
        return False

    result = run(path, board_member, progress=progress)
    assert result.status == "refused"
    assert result.message.startswith("LKS “LKSA Lama Banjarmasin” diubah orang lain selama impor berjalan.")
    banjarmasin_lks.refresh_from_db()
    assert banjarmasin_lks.capacity == 30


@pytest.mark.parametrize("portable", [True, False])
def test_both_insert_paths_write_the_same_rows(tmp_path, board_member, portable):
    from sinergi.exchange.columns import ImportContext, get_entity

    """The fast path (COPY on PostgreSQL, one executemany with reserved ids on SQLite) and bulk_create agree."""
    entity = get_entity("lks")
    original = ImportContext.__init__

    def force(self, **kwargs):
        original(self, **kwargs)
        self.cache["portable"] = portable

    ImportContext.__init__ = force
    try:
        rows = [[*HEADERS, "Jenis layanan lain"]] + [
            [f"LKSA {i}", "anak", "63.71.01.1001", f"TD/P/{i}", i, "napza"] for i in range(25)
        ]
        result = run(xlsx_file(tmp_path, rows), board_member, batch_size=10)
    finally:
        ImportContext.__init__ = original
    assert result.created == 25
    saved = Organisation.objects.order_by("capacity")
    assert [o.capacity for o in saved] == list(range(25))
    assert all(o.created_at and o.updated_at and o.regency_code == "63.71" for o in saved)
    assert Organisation.service_kinds.through.objects.count() == 25
    assert set(Organisation.service_kinds.through.objects.values_list("organisation_id", flat=True)) == {
        o.pk for o in saved
    }
    assert entity.key == "lks"
    # The id sequence moved past the inserted ids: an ordinary save afterwards gets a fresh one.
    later = OrganisationFactory(name="LKSA Sesudah", region_id="63.71.01.1001")
    assert later.pk > max(o.pk for o in saved)


def test_province_admin_sees_every_problem_even_across_many_batches(tmp_path):
    admin = user_with_role(Role.PROVINCE_ADMIN, region_code="63")
    rows = [HEADERS] + [[f"LKSA {i}", "x" if i % 7 == 0 else "anak", "63.71", f"TD/B/{i}", 1] for i in range(50)]
    result = run(xlsx_file(tmp_path, rows), admin, batch_size=8)
    assert sorted(p.row for p in result.problems) == [i + 2 for i in range(50) if i % 7 == 0]
    assert not Organisation.objects.exists()


def test_an_import_runs_with_the_cyclic_collector_paused_and_restores_it(tmp_path, board_member, monkeypatch):
    # Collections over a large import's heap find nearly nothing and cost a quarter of its time (core.bulk).
    import gc

    from sinergi.exchange.columns import get_entity

    entity = get_entity("lks")
    seen = []
    original = type(entity).prepare_batch
    monkeypatch.setattr(
        type(entity), "prepare_batch", lambda self, rows, ctx: seen.append(gc.isenabled()) or original(self, rows, ctx)
    )
    gc.enable()
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Baru", "anak", "63.71.01.1001", "TD/BARU/1", 25]])
    result = run(path, board_member)
    assert result.status == "succeeded" and seen == [False]
    assert gc.isenabled()


def test_a_file_with_indonesian_headers_imports_for_a_user_working_in_english_and_back(tmp_path, board_member):
    from django.utils import translation

    from sinergi.exchange.columns import get_entity

    row = ["LKSA Baru", "anak", "63.71.01.1001", "TD/BARU/1", 25]
    by_header = {str(column.header): column for column in get_entity("lks").import_columns()}
    with translation.override("en"):
        result = run(xlsx_file(tmp_path, [HEADERS, row]), board_member, dry_run=True)
        english = [str(by_header[header].header) for header in HEADERS]
    assert (result.status, result.created) == ("checked", 1)
    assert english[0] != HEADERS[0]
    result = run(xlsx_file(tmp_path, [english, row], name="en.xlsx"), board_member, dry_run=True)
    assert (result.status, result.created) == ("checked", 1)


def test_dates_of_a_1904_date_system_workbook_are_read_on_the_right_day(tmp_path, board_member):
    # Old Excel for Mac counts from 1904: 17-08-2023 is stored as 43328 there, 44790 in the 1900 system.
    path = tmp_path / "mac.xlsx"
    book = xlsxwriter.Workbook(path, {"date_1904": True})
    sheet = book.add_worksheet("Data LKS")
    sheet.write_row(0, 0, [*HEADERS, "Tanggal izin operasional"])
    sheet.write_row(1, 0, ["LKSA Mac", "anak", "63.71", "TD/MAC", 10])
    sheet.write_datetime(1, 5, datetime.date(2023, 8, 17), book.add_format({"num_format": "dd-mm-yyyy"}))
    book.close()
    result = run(path, board_member)
    assert result.status == "succeeded", result.problems
    assert Organisation.objects.get(name="LKSA Mac").permit_issued_on == datetime.date(2023, 8, 17)


def test_a_cell_merged_down_over_rows_gives_its_value_to_each_of_them(tmp_path, board_member):
    path = tmp_path / "merged.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Data LKS")
    sheet.write_row(0, 0, HEADERS)
    sheet.write_row(1, 0, ["LKSA Satu", "anak", "63.71", "TD/M1", 10])
    sheet.write_row(2, 0, ["LKSA Dua", "", "", "TD/M2", 12])
    sheet.merge_range(1, 1, 2, 1, "anak")
    sheet.merge_range(1, 2, 2, 2, "63.71")
    sheet.write_row(3, 0, ["LKSA Tiga", "", "63.71", "TD/M3", 8])
    book.close()
    result = run(path, board_member)
    # The row below the merged block keeps its own (empty) cell: "Jenis layanan utama" is required there.
    assert [(p.row, p.column) for p in result.problems] == [(4, "Jenis layanan utama")]
    sheet_rows = [cells for _row, cells in read_all(path, "xlsx", preferred_sheets=["Data LKS"])]
    assert sheet_rows[2][:3] == ["LKSA Dua", "anak", "63.71"] and sheet_rows[3][1] == ""
    # each merged block named once, not once per column it spans
    assert any(notice.startswith("Sel gabungan (merge) di baris 2–3:") for notice in result.notices), result.notices


def test_a_header_merged_over_its_two_rows_gives_no_notice_of_merged_data(tmp_path, board_member):
    # "Wilayah" over "Kode wilayah", and the name's title merged down over both header rows, as office lists do
    path = tmp_path / "merged-header.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Data LKS")
    sheet.merge_range(0, 0, 1, 0, "Nama LKS")
    sheet.merge_range(0, 1, 1, 1, "Jenis layanan utama")
    sheet.write_row(0, 2, ["Wilayah"])
    sheet.write_row(1, 2, ["Kode wilayah"])
    sheet.write_row(2, 0, ["LKSA Judul Gabung", "anak", "63.71"])
    book.close()
    result = run(path, board_member, dry_run=True)
    assert (result.status, result.created) == ("checked", 1), result.problems
    assert [n for n in result.notices if n.startswith("Sel gabungan")] == []


def test_a_phone_number_that_lost_its_leading_zero_to_a_number_cell_is_refused(tmp_path, board_member):
    rows = [
        [*HEADERS, "Telepon"],
        ["LKSA Angka", "anak", "63.71", "TD/T1", 10, 5113252525],
        ["LKSA Negara", "anak", "63.71", "TD/T2", 10, 628112345678],
        ["LKSA Teks", "anak", "63.71", "TD/T3", 10, "0511-3252525"],
    ]
    result = run(xlsx_file(tmp_path, rows), board_member)
    assert result.status == "refused"
    assert [(p.row, p.column, p.value) for p in result.problems] == [(2, "Telepon", "5113252525")]
    assert "angka 0 di depannya hilang" in result.problems[0].message
    assert not Organisation.objects.filter(name__startswith="LKSA ").exists()


def test_data_on_a_differently_named_sheet_after_a_cover_sheet_is_found(tmp_path, board_member):
    path = tmp_path / "cover.xlsx"
    book = xlsxwriter.Workbook(path)
    book.add_worksheet("Sampul").write_row(0, 0, ["Data LKS Kota Banjarmasin", "Disusun oleh: Dinas Sosial"])
    data = book.add_worksheet("Daftar")
    data.write_row(0, 0, HEADERS)
    data.write_row(1, 0, ["LKSA Sampul", "anak", "63.71", "TD/S1", 10])
    book.close()
    result = run(path, board_member)
    assert result.status == "succeeded", (result.message, result.problems)
    assert Organisation.objects.filter(name="LKSA Sampul").exists()
    assert "Data dibaca dari lembar “Daftar”." in result.notices


def test_several_kinds_are_exported_with_semicolons_as_client_categories_are_and_read_back_unchanged(
    tmp_path, board_member
):
    from sinergi.exchange.columns import get_entity

    first = run(
        xlsx_file(
            tmp_path,
            [
                [*HEADERS, "Jenis layanan lain"],
                ["LKSA Dua Layanan", "anak", "63.71.01.1001", "TD/DUA/1", 25, "napza, disabilitas"],
            ],
        ),
        board_member,
    )
    assert first.created == 1
    entity = get_entity("lks")
    headers = [str(column.header) for column in entity.export_columns()]
    rows = list(entity.export_rows(entity.export_queryset(actor=board_member).iterator(chunk_size=100)))
    kinds = headers.index("Jenis layanan lain")
    assert [row[kinds] for row in rows] == ["LKS Penyandang Disabilitas; LKS Korban Penyalahgunaan NAPZA"]

    again = run(xlsx_file(tmp_path, [headers, *rows], name="ekspor.xlsx"), board_member)

    assert (again.status, again.created, again.updated, again.unchanged) == ("succeeded", 0, 0, 1)


def test_yes_no_is_exported_as_the_templates_dropdown_offers_it_and_read_back_unchanged(tmp_path, board_member):
    from sinergi.exchange.columns import get_entity

    OrganisationFactory(name="LKSA Berbadan Hukum", has_legal_entity=True, regency_code="63.71")
    OrganisationFactory(name="LKSA Belum Berbadan Hukum", has_legal_entity=False, regency_code="63.71")
    entity = get_entity("lks")
    headers = [str(column.header) for column in entity.export_columns()]
    listed = entity.export_queryset(actor=board_member).order_by("name")
    rows = list(entity.export_rows(listed.iterator(chunk_size=100)))
    legal = headers.index("Berbadan hukum")

    assert [row[legal] for row in rows] == ["Tidak", "Ya"]
    again = run(xlsx_file(tmp_path, [headers, *rows], name="ekspor.xlsx"), board_member)
    assert (again.status, again.created, again.updated, again.unchanged) == ("succeeded", 0, 0, 2), problems_of(again)


def test_an_address_cleared_in_an_export_is_kept_and_the_trial_says_so(tmp_path, board_member):
    from sinergi.exchange.columns import get_entity

    OrganisationFactory(name="LKSA Beralamat", address="Jl. Contoh 1", regency_code="63.71")
    entity = get_entity("lks")
    headers = [str(column.header) for column in entity.export_columns()]
    rows = [
        list(row) for row in entity.export_rows(entity.export_queryset(actor=board_member).iterator(chunk_size=100))
    ]
    rows[0][headers.index("Alamat")] = None

    result = run(xlsx_file(tmp_path, [headers, *rows], name="ekspor.xlsx"), board_member, dry_run=True)

    assert (result.status, result.unchanged) == ("checked", 1), problems_of(result)
    assert (
        "Sel kosong tidak menghapus isian yang tersimpan; isian lama tetap dipakai di kolom Alamat (1 baris). Untuk "
        "mengosongkan isian, ubah di halaman datanya." in result.notices
    )
    assert Organisation.objects.get().address == "Jl. Contoh 1"


def test_an_expiry_left_empty_beside_a_new_permit_date_is_derived_again_not_said_to_be_kept(tmp_path, board_member):
    from sinergi.exchange.columns import get_entity

    OrganisationFactory(
        name="LKSA Berizin",
        regency_code="63.71",
        permit_number="460/1/2020",
        permit_issued_on=datetime.date(2020, 1, 1),
        permit_expires_on=datetime.date(2023, 1, 1),
    )
    entity = get_entity("lks")
    headers = [str(column.header) for column in entity.export_columns()]
    listed = entity.export_queryset(actor=board_member).iterator(chunk_size=100)
    rows = [list(row) for row in entity.export_rows(listed)]
    rows[0][headers.index("Tanggal izin operasional")] = datetime.date(2024, 3, 1)
    rows[0][headers.index("Izin operasional berlaku sampai")] = None

    result = run(xlsx_file(tmp_path, [headers, *rows], name="ekspor.xlsx"), board_member, dry_run=True)

    assert (result.status, result.updated) == ("checked", 1), problems_of(result)
    assert "Izin operasional berlaku sampai" in result.preview["update"][0]["changes"]
    assert not [notice for notice in result.notices if notice.startswith("Sel kosong")]


def test_a_header_written_over_two_rows_is_read_column_by_column(tmp_path, board_member):
    # given a title, then a header over two rows: a group title merged across two columns, names split in two,
    # and "Nama LKS" merged down over both rows (the reader gives both rows its value)
    path = xlsx_file(
        tmp_path,
        [
            ["Data LKS Kota Banjarmasin 2025"],
            ["Nama LKS", "Jenis layanan", "", "Kode", "Nomor tanda", "Tanggal tanda"],
            ["Nama LKS", "utama", "lain", "wilayah", "daftar", "daftar"],
            ["LKSA Dua Baris", "anak", "disabilitas", "63.71.01.1001", "TD/DUA/2", datetime.date(2024, 1, 2)],
        ],
    )
    # when
    result = run(path, board_member)
    # then every column is found, the data row is the one under the header, and the user is told how it was read
    assert (result.status, result.created) == ("succeeded", 1), result.problems or result.message
    lks = Organisation.objects.get(registration_number="TD/DUA/2")
    assert (lks.name, lks.primary_service_kind.code, lks.village_code, lks.registration_issued_on) == (
        "LKSA Dua Baris",
        "anak",
        "63.71.01.1001",
        datetime.date(2024, 1, 2),
    )
    assert list(lks.service_kinds.values_list("code", flat=True)) == ["disabilitas"]
    assert "Judul kolom dibaca dari dua baris (2 dan 3)." in result.notices
    assert "Judul kolom ditemukan di baris 2; baris di atasnya dilewati." in result.notices


def test_a_one_row_header_under_a_title_is_not_taken_for_a_two_row_one(tmp_path, board_member):
    path = xlsx_file(
        tmp_path, [["Data LKS 2025"], HEADERS, ["LKSA Satu Baris", "anak", "63.71.01.1001", "TD/SATU/1", 10]]
    )
    result = run(path, board_member, dry_run=True)
    assert (result.status, result.created) == ("checked", 1)
    assert not any("dua baris" in notice for notice in result.notices)
    assert "Judul kolom ditemukan di baris 2; baris di atasnya dilewati." in result.notices


def test_an_lks_with_a_retired_service_kind_imports_back_unchanged_but_no_lks_takes_it_anew(tmp_path, board_member):
    # Given an LKS serving a kind retired from the list since
    from sinergi.exchange.columns import get_entity
    from sinergi.vocabularies.models import Term

    first = run(
        xlsx_file(
            tmp_path,
            [[*HEADERS, "Jenis layanan lain"], ["LKSA Dua Layanan", "anak", "63.71.01.1001", "TD/DUA/1", 25, "napza"]],
        ),
        board_member,
    )
    assert first.created == 1
    Term.objects.filter(vocabulary="lks_kind", code="napza").update(is_active=False)
    entity = get_entity("lks")
    headers = [str(column.header) for column in entity.export_columns()]
    rows = [list(row) for row in entity.export_rows(entity.export_queryset(actor=board_member).iterator(100))]
    before = snapshot()

    # When its export comes back unchanged, then with a new LKS of that kind added
    unchanged = run(xlsx_file(tmp_path, [headers, *rows], name="ekspor.xlsx"), board_member)
    new = run(
        xlsx_file(
            tmp_path,
            [HEADERS, ["LKS NAPZA Baru", "LKS Korban Penyalahgunaan NAPZA", "63.71.01.1001", "TD/BARU/9", 20]],
            name="baru.xlsx",
        ),  # fmt: skip
        board_member,
    )

    # Then the first changes nothing; the second is refused, naming the retired kind
    assert (unchanged.status, unchanged.unchanged) == ("succeeded", 1), problems_of(unchanged) or unchanged.message
    assert [(p.row, p.message) for p in new.problems] == [
        (
            2,
            "“LKS Korban Penyalahgunaan NAPZA” sudah tidak dipakai lagi (tidak ada di daftar pilihan); pilih isian "
            "lain.",
        )
    ]
    assert snapshot() == before


def test_an_expiry_moved_by_a_changed_date_is_shown_as_recalculated_under_its_columns_name(tmp_path, board_member):
    # Given an LKS accredited on one date, then a file giving another date (the expiry's own column not in it)
    headers = [*HEADERS, "Peringkat akreditasi", "Tanggal akreditasi"]
    row = ["LKSA Akreditasi", "anak", "63.71.01.1001", "TD/AKR/1", 25, "B", datetime.date(2023, 2, 16)]
    assert run(xlsx_file(tmp_path, [headers, row]), board_member).created == 1
    row[-1] = datetime.date(2024, 2, 16)

    checked = run(xlsx_file(tmp_path, [headers, row], name="b.xlsx"), board_member, dry_run=True)

    # Then the trial run names the derived change by the export's column, as recalculated
    changes = checked.preview["update"][0]["changes"]
    assert changes["Tanggal akreditasi"] == ["16-02-2023", "16-02-2024"]
    assert changes["Akreditasi berlaku sampai (dihitung ulang)"] == ["16-02-2026", "16-02-2027"]


def test_an_accreditation_written_in_words_is_read(tmp_path, board_member):
    path = xlsx_file(
        tmp_path,
        [
            [*HEADERS, "Peringkat akreditasi", "Tanggal akreditasi"],
            ["LKSA Satu", "anak", "63.71.01.1001", "TD/AK/1", "30", "Terakreditasi B", "17-08-2023"],
            ["LKSA Dua", "anak", "63.71.01.1001", "TD/AK/2", "30", "Belum terakreditasi", ""],
        ],
    )
    result = run(path, board_member)
    assert result.created == 2, result.problems
    grades = Organisation.objects.order_by("registration_number").values_list("accreditation_grade__code", flat=True)
    assert list(grades) == ["B", None]


def test_many_columns_left_empty_on_an_update_are_said_in_a_short_notice(tmp_path, board_member):
    # An update of one field in a row that leaves the rest empty: the notice names a few columns and counts the rest,
    # and the row count once, instead of a paragraph above the counts.
    from sinergi.exchange.columns import get_entity

    OrganisationFactory(
        name="LKSA Lengkap", regency_code="63.71", address="Jl. Satu", phone="0511-123456", email="a@contoh.test",
        head_name="Ibu Kepala", notary_name="Notaris Contoh", deed_number="12", npwp="",
    )  # fmt: skip
    entity = get_entity("lks")
    headers = [str(column.header) for column in entity.export_columns()]
    row = list(next(iter(entity.export_rows(entity.export_queryset(actor=board_member).iterator(chunk_size=100)))))
    kept = ("ID", "Versi", "Nama LKS", "Jenis layanan utama", "Kode wilayah", "Nomor tanda daftar")
    cleared = [index for index, header in enumerate(headers) if header not in kept and row[index] not in (None, "")]
    for index in cleared:
        row[index] = None

    result = run(xlsx_file(tmp_path, [headers, row], name="ekspor.xlsx"), board_member, dry_run=True)

    notice = next(n for n in map(str, result.notices) if n.startswith("Sel kosong"))
    said = re.search(r"di kolom (.+), dan (\d+) kolom lain \(semuanya pada 1 baris yang sama\)\. Untuk", notice)
    assert said, notice
    named = said.group(1).split(", ")
    assert len(named) == 6 and set(named) <= {headers[index] for index in cleared}
    assert int(said.group(2)) >= 2 and "(1 baris)," not in notice  # one more would have been named, not counted


def test_columns_left_empty_on_different_rows_are_counted_each(tmp_path, board_member):
    # One row leaves the address empty, another the phone: two rows, not "the same row".
    from sinergi.exchange.columns import get_entity

    for name in ("LKSA Satu Kosong", "LKSA Dua Kosong"):
        OrganisationFactory(name=name, regency_code="63.71", address="Jl. Satu", phone="0511-123456")
    entity = get_entity("lks")
    headers = [str(column.header) for column in entity.export_columns()]
    rows = [list(r) for r in entity.export_rows(entity.export_queryset(actor=board_member).order_by("name"))]
    rows[0][headers.index("Alamat")] = None
    rows[1][headers.index("Telepon")] = None

    result = run(xlsx_file(tmp_path, [headers, *rows], name="ekspor.xlsx"), board_member, dry_run=True)

    assert "isian lama tetap dipakai di kolom Alamat (1 baris), Telepon (1 baris). Untuk" in " ".join(result.notices)


def test_an_operators_row_for_an_lks_not_found_says_only_boards_register_lks_not_that_the_region_is_outside(
    tmp_path, operator, banjarmasin_lks
):
    # The operator's own kabupaten (63.71), a number mistyped beyond what the number key forgives
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Lama Banjarmasin", "anak", "63.71.01.1001", "TD/LAMA/11", 35]])

    result = run(path, operator)

    assert [(p.column, p.message) for p in result.problems] == [
        (
            "Nama LKS",
            "Baris ini tidak cocok dengan LKS yang sudah terdaftar (nomor tanda daftar, ID, atau nama), jadi akan "
            "menjadi LKS baru, dan LKS baru hanya dapat didaftarkan oleh pengurus LKKKS. Bila yang dimaksud LKS Anda, "
            "tulis nomor tanda daftar atau namanya seperti yang tercatat.",
        )
    ]


def test_a_move_out_of_the_boards_area_by_the_kabupaten_cell_is_refused_on_that_cell(
    tmp_path, board_member, banjarmasin_lks
):
    # By the export's ID: a move between kabupaten/kota is made only for the LKS a row names by its ID
    headers = ["ID", "Nama LKS", "Jenis layanan utama", "Kabupaten/Kota", "Kode wilayah", "Nomor tanda daftar"]
    row = [banjarmasin_lks.pk, "LKSA Lama Banjarmasin", "anak", "Kota Banjarbaru", "", "TD/LAMA/1"]
    path = xlsx_file(tmp_path, [headers, row])

    result = run(path, board_member)

    assert [(p.column, p.value) for p in result.problems] == [("Kabupaten/Kota", "Kota Banjarbaru")]
    assert "memindahkan LKS ke Kota Banjarbaru" in result.problems[0].message


def test_a_board_member_who_operates_an_lks_elsewhere_cannot_pull_it_into_their_kabupaten_by_a_file(
    tmp_path, board_member, banjarmasin_lks
):
    elsewhere = OrganisationFactory(name="LKSA Jauh Banjarbaru", region_id="63.72.02.1003")
    MembershipFactory(user=board_member, role=Role.LKS_OPERATOR, region_id=None, organisation=elsewhere)
    headers = ["ID", "Nama LKS", "Jenis layanan utama", "Kode wilayah"]
    path = xlsx_file(tmp_path, [headers, [elsewhere.pk, elsewhere.name, "anak", "63.71.01.1001"]])

    result = run(path, board_member)

    assert [(p.column, p.value) for p in result.problems] == [("Kode wilayah", "63.71.01.1001")]
    assert "memindahkan LKS ini keluar dari Kota Banjarbaru" in result.problems[0].message
    assert Organisation.objects.get(pk=elsewhere.pk).regency_code == "63.72"


def test_a_list_in_capitals_changes_no_name_and_an_email_in_another_case_is_the_same_address(
    tmp_path, board_member, banjarmasin_lks
):
    Organisation.objects.filter(pk=banjarmasin_lks.pk).update(
        email="lksa.lama@contoh.test", head_name="Hj. Siti Aminah"
    )
    headers = [*HEADERS, "Surel", "Nama ketua/pimpinan"]
    row = [
        "LKSA LAMA BANJARMASIN",
        "anak",
        "63.71.01.1001",
        "TD/LAMA/1",
        30,
        "LKSA.LAMA@CONTOH.TEST",
        "HJ. SITI AMINAH",
    ]
    before = snapshot()

    result = run(xlsx_file(tmp_path, [headers, row]), board_member)

    assert (result.status, result.updated, result.unchanged) == ("succeeded", 0, 1), problems_of(result)
    assert snapshot() == before
    # A name written otherwise than in capitals only is a correction, and is made
    fixed = run(xlsx_file(tmp_path, [HEADERS, ["LKSA Lama Banjarmasin Baru", "anak", "63.71.01.1001", "TD/LAMA/1", 30]],
                          name="b.xlsx"), board_member)  # fmt: skip
    assert fixed.updated == 1
