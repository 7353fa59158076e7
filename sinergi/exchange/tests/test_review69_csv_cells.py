"""The sixty-ninth review: files as offices write them, which the day's new checks must take as they are (a CSV
cell typed over two lines, as spreadsheet programs write it; a province's code with the kota and kecamatan beside
it)."""

import pytest
from django.core.files import File

from sinergi.exchange.files import CSV, read_all
from sinergi.exchange.models import ImportStatus
from sinergi.exchange.regions import RegionResolver
from sinergi.exchange.services import import_job_create, import_job_run
from sinergi.organisations.models import Organisation

from .conftest import HEADERS, csv_file, problems_of, run, xlsx_file
from .test_mac_csv import mac_csv

pytestmark = pytest.mark.django_db


def test_an_address_typed_over_two_lines_with_commas_is_read_not_taken_for_an_unclosed_quote(tmp_path, board_member):
    # given an LKS list saved as CSV by a spreadsheet program, whose address cell was typed over two lines (Alt+Enter),
    # the second holding as many commas as a row of the file has separators
    address = "Jl. A. Yani Km 5\nRT 03, RW 02, Kel. Pemurus Baru, Kec. Banjarmasin Selatan, Kota Banjarmasin, Kalsel"
    path = csv_file(
        tmp_path,
        [[*HEADERS, "Alamat"], ["LKSA Kasih Ibu", "anak", "63.71.01.1001", "TD/001/2024", 10, address]],
    )

    # when it is imported
    result = run(path, board_member)

    # then the LKS is stored with the address as typed
    assert (result.status, result.created) == ("succeeded", 1), result.message
    assert Organisation.objects.get().address == address


def test_a_kecamatan_beside_a_provinces_code_is_looked_up_under_the_kabupaten_kota_written_with_it():
    resolver = RegionResolver()
    # the province's code with the kota and the kecamatan written beside it: the kecamatan of that kota
    region, problems = resolver.resolve(code="63", regency="Kota Banjarmasin", district="Banjarmasin Selatan")
    assert (region.code, problems) == ("63.71.01", [])
    # a kota of another province beside it is said to disagree, not stored as the province
    region, problems = resolver.resolve(code="63", regency="Kota Bandung", district="Banjarmasin Selatan")
    assert region is None and [key for key, _message in problems] == ["regency_name"]
    # a kecamatan beside the province's code alone is asked its kabupaten/kota, not looked for among them
    region, problems = resolver.resolve(code="63", district="Banjarmasin Selatan")
    assert (region, problems) == (
        None,
        [("regency_name", "Isi Kabupaten/Kota (atau kode wilayah) agar kecamatan/desa dapat dicari.")],
    )
    # and a kota written short is found under the province too
    region, problems = resolver.resolve(code="63", regency="Bjm")
    assert (region.code, problems) == ("63.71", [])


def test_a_csv_refused_for_a_cell_it_quotes_keeps_a_nik_in_that_cell_masked_on_the_job(tmp_path, board_member):
    # given a CSV whose quoted address cell holds quote marks not doubled around a NIK: the refusal quotes the cell
    lines = [",".join([*HEADERS, "Alamat"]), 'LKSA Kasih,anak,63.71.01.1001,TD/1,10,"Ketua "6371043001120001" Jl. A"']
    path = tmp_path / "lks.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")

    # when it is imported as a job
    with path.open("rb") as handle:
        job = import_job_create(
            actor=board_member, entity_key="lks", file=File(handle), original_name="lks.csv", enqueue=False
        )
    import_job_run(job_id=job.pk)
    job.refresh_from_db()

    # then the job, which outlives its upload, keeps the refusal with the NIK masked as everywhere else
    assert job.status == ImportStatus.REFUSED and "kolom F" in job.message
    assert "6371********0001" in job.message and "6371043001120001" not in job.message


# A degree sign written with a space before it, as the SI writes a temperature, or before the C of a header: the only
# such character of a Windows file, it read as no text in either encoding, and the file was refused as of another
# code page (Mac Roman reads it as ∞).
@pytest.mark.parametrize("text", ["Demam 38 °C lalu dirujuk ke puskesmas", "Suhu (°C)"])
def test_a_windows_csv_with_a_degree_sign_apart_from_its_number_stays_windows_1252(tmp_path, text):
    path = mac_csv(tmp_path, [["Nama lengkap", "Catatan"], ["Budi", text]], encoding="cp1252", line_end="\r\n")
    assert read_all(path, CSV)[1] == (2, ["Budi", text])


# Words in place of a nomor tanda daftar, with a full stop, an ellipsis or a dash among them: no digit, so no number,
# as the forms' uniqueness check reads them; two new LKS "Dalam proses." were refused as one.
@pytest.mark.parametrize("words", ["Dalam proses.", "Sdg diproses...", "Proses - Dinsos", "Menunggu..."])
def test_two_new_lks_with_the_same_words_for_a_number_are_two_lks(tmp_path, board_member, words):
    path = xlsx_file(
        tmp_path,
        [
            HEADERS,
            ["LKSA Satu", "anak", "63.71.01.1001", words, 10],
            ["LKSA Dua", "anak", "63.71.01.1001", words, 10],
        ],
    )

    result = run(path, board_member)

    assert (result.status, result.created, problems_of(result)) == ("succeeded", 2, [])
    assert set(Organisation.objects.values_list("registration_number", flat=True)) == {words}
