"""A file checked as the wrong kind of data says which kind it looks like; the form starts on the usual kind."""

import pytest

from sinergi.exchange.forms import UploadForm
from sinergi.exchange.models import ImportJob

from .conftest import HEADERS, run, xlsx_file

pytestmark = pytest.mark.django_db

CLIENT_HEADERS = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "Nomor KK", "Kategori PPKS", "LKS",
                  "Bentuk layanan", "Tanggal masuk"]  # fmt: skip


def test_a_clients_file_checked_as_lks_names_the_kind_its_headers_match(tmp_path, board_member):
    path = xlsx_file(tmp_path, [CLIENT_HEADERS, ["Budi", "L", "17-08-2014", "", "", "anak_telantar", "", "", ""]])
    result = run(path, board_member, dry_run=True)
    assert result.status == "refused"
    assert result.message.startswith("Kolom wajib tidak ada: “Nama LKS”")
    assert result.message.endswith(
        "Judul kolom file ini cocok dengan data penerima layanan, bukan LKS: pilih jenis data “penerima layanan”, "
        "lalu unggah lagi."
    )


def test_an_lks_file_with_a_column_missing_gets_no_such_hint(tmp_path, board_member):
    path = xlsx_file(tmp_path, [HEADERS[:2], ["LKSA Baru", "anak"]])
    result = run(path, board_member, dry_run=True)
    assert result.status == "refused" and "cocok dengan data" not in result.message


def test_an_lks_operators_form_starts_on_clients_then_on_the_kind_last_imported(operator):
    assert UploadForm(actor=operator).fields["entity"].initial == "clients"
    ImportJob.objects.create(token="t1", entity="workers", original_name="p.xlsx", created_by=operator)
    assert UploadForm(actor=operator).fields["entity"].initial == "workers"


def test_a_board_members_form_starts_on_the_first_kind(board_member):
    assert UploadForm(actor=board_member).fields["entity"].initial is None
