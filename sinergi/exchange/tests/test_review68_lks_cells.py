"""The sixty-eighth review: an LKS sheet as offices keep it — a kecamatan's code with the desa written beside it,
and a number cell holding "dalam proses" instead of a number."""

import pytest

from sinergi.exchange.regions import RegionResolver
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory

from .conftest import HEADERS, problems_of, run, xlsx_file

pytestmark = pytest.mark.django_db

REGION_HEADERS = ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "Kecamatan", "Desa/Kelurahan"]


def test_a_desa_written_beside_a_kecamatans_code_is_the_region_stored(tmp_path, board_member):
    path = xlsx_file(
        tmp_path,
        [
            REGION_HEADERS,
            ["LKSA Kode Kecamatan", "anak", "63.71.01", "", "Mantuil"],
            ["LKSA Kode Kota", "anak", "63.71", "Banjarmasin Selatan", "Mantuil"],
        ],
    )

    result = run(path, board_member)

    assert (result.status, result.created) == ("succeeded", 2)
    assert set(Organisation.objects.values_list("region_id", flat=True)) == {"63.71.01.1001"}


def test_a_desa_or_kecamatan_not_under_the_code_beside_it_is_refused_not_dropped(tmp_path, board_member):
    path = xlsx_file(
        tmp_path,
        [
            REGION_HEADERS,
            ["LKSA Desa Lain", "anak", "63.71.01", "", "Kuin Utara"],
            ["LKSA Kecamatan Salah Ketik", "anak", "63.71", "Banjarmasin Selaten", ""],
        ],
    )

    result = run(path, board_member)

    assert result.status == "refused" and not Organisation.objects.exists()
    assert problems_of(result) == [
        (2, "Desa/Kelurahan", "Kuin Utara", "Desa/kelurahan “Kuin Utara” tidak ditemukan di Banjarmasin Selatan."),
        (
            3,
            "Kecamatan",
            "Banjarmasin Selaten",
            "Kecamatan “Banjarmasin Selaten” tidak ditemukan di Kota Banjarmasin. Mungkin maksud Anda "
            "“Banjarmasin Selatan”?",
        ),
    ]


def test_the_resolver_looks_names_below_a_code_up_under_it():
    resolver = RegionResolver()
    region, problems = resolver.resolve(code="63.71", district="Banjarmasin Selatan")
    assert (region.code, problems) == ("63.71.01", [])
    region, problems = resolver.resolve(code="63.71.01.1001", village="Mantuil")
    assert (region.code, problems) == ("63.71.01.1001", [])


NUMBER_HEADERS = ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "Nomor tanda daftar", "Nomor izin operasional"]


def test_a_number_cell_saying_in_process_finds_no_other_lks_and_makes_no_two_one(tmp_path, board_member):
    waiting = OrganisationFactory(
        name="LKSA Menunggu Izin", region_id="63.71.01.1001", registration_number="", permit_number="dalam proses"
    )
    path = xlsx_file(
        tmp_path,
        [
            NUMBER_HEADERS,
            ["LKSA Menunggu Izin", "anak", "63.71.01.1001", "", "dalam proses"],
            ["LKSA Baru Sekali", "anak", "63.71.01.1001", "", "dalam proses"],
            ["LKSA Baru Juga", "anak", "63.71.01.1001", "sedang diproses", ""],
            ["LKSA Baru Lagi", "anak", "63.71.01.1001", "sedang diproses", ""],
        ],
    )

    result = run(path, board_member)

    assert (result.status, result.created, result.unchanged) == ("succeeded", 3, 1), problems_of(result)
    waiting.refresh_from_db()
    assert (waiting.name, waiting.permit_number) == ("LKSA Menunggu Izin", "dalam proses")
    assert not result.warnings


def test_two_items_in_a_cell_of_one_are_said_to_be_two(tmp_path, board_member):
    path = xlsx_file(
        tmp_path,
        [
            ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "Bentuk layanan"],
            ["LKSA Dua Layanan", "anak, disabilitas", "63.71.01.1001", "Dalam panti / Luar panti"],
        ],
    )

    result = run(path, board_member)

    assert [(p.column, p.message) for p in result.problems] == [
        (
            "Jenis layanan utama",
            "“anak, disabilitas” berisi dua pilihan, “LKS Anak (LKSA)” dan “LKS Penyandang Disabilitas”, padahal "
            "kolom ini hanya menerima satu. Isi salah satu saja.",
        ),
        (
            "Bentuk layanan",
            "“Dalam panti / Luar panti” berisi dua pilihan, “Dalam panti” dan “Luar panti (berbasis masyarakat)”, "
            "padahal kolom ini hanya menerima satu. Isi salah satu saja.",
        ),
    ]
    assert not Organisation.objects.exists()


def test_items_of_a_many_item_cell_on_lines_of_their_own_are_each_read(tmp_path, board_member):
    # The sixty-seventh review: a list typed with Alt+Enter between its items (as offices keep lists in one cell) was
    # "not in the list", with the first item suggested and the others dropped from the suggestion.
    path = xlsx_file(
        tmp_path,
        [
            [*HEADERS, "Jenis layanan lain"],
            ["LKSA Daftar Bertingkat", "anak", "63.71.01.1001", "TD/LINES/1", "", "disabilitas\nlanjut_usia"],
            ["LKSA Daftar Bertingkat Dua", "anak", "63.71.01.1001", "TD/LINES/2", "", "LKS Lanjut Usia\r\n\r\nnapza"],
            # A long label wrapped onto two lines is still one item.
            [
                "LKSA Daftar Bertingkat Tiga",
                "anak",
                "63.71.01.1001",
                "TD/LINES/3",
                "",
                "LKS Korban Penyalahgunaan\nNAPZA",
            ],
        ],
    )

    result = run(path, board_member)

    assert (result.status, result.created) == ("succeeded", 3), problems_of(result)
    kinds = {
        lks.registration_number: sorted(kind.code for kind in lks.service_kinds.all())
        for lks in Organisation.objects.all()
    }
    assert kinds == {"TD/LINES/1": ["disabilitas", "lanjut_usia"], "TD/LINES/2": ["lanjut_usia", "napza"],
                     "TD/LINES/3": ["napza"]}  # fmt: skip
