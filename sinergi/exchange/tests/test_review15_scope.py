"""An LKS outside the user's kabupaten/kota, in a file that names its region (no "Kode wilayah" column), is refused
on the Kab/Kota cell with the region named — not with a "Kode wilayah" column the file does not need."""

import pytest

from sinergi.exchange.tests.conftest import problems_of, run, xlsx_file

pytestmark = pytest.mark.django_db


def test_an_lks_outside_the_users_region_named_by_its_kabupaten_is_refused_naming_it(tmp_path, board_member):
    path = xlsx_file(
        tmp_path,
        [
            ["Nama LKS", "Kab/Kota", "Kecamatan", "Jenis Layanan"],
            ["LKSA Luar Wilayah", "Kab. Banjar", "Martapura", "anak"],
        ],
    )
    result = run(path, board_member, dry_run=True)
    assert problems_of(result) == [
        (
            2,
            "Kab/Kota",
            "Kab. Banjar",
            "Anda tidak berwenang mendaftarkan LKS di Kabupaten Banjar (di luar wilayah Anda).",
        )
    ]
