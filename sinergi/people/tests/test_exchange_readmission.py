"""A client without NIK readmitted at the same LKS (a second record, the board asked to decide): the LKS's list sent
again is read as before, not refused as a whole (the thirty-eighth review, random sequences)."""

import datetime

import pytest
from django.core.files import File

from sinergi.exchange.services import import_job_create, import_job_run
from sinergi.exchange.tests.conftest import _job_locks_in_tmp, _media_in_tmp, xlsx_file  # noqa: F401
from sinergi.people.models import DuplicateCandidate, Person
from sinergi.people.tests.factories import people_world

pytestmark = pytest.mark.django_db

HEADERS = [
    "Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "Alasan NIK kosong", "Alasan KK kosong", "Kategori PPKS",
    "Bentuk layanan", "Tanggal masuk", "Nama ibu kandung", "Nama ayah", "Tempat lahir", "Tanggal keluar",
    "Alasan keluar",
]  # fmt: skip


def _client_file(tmp_path, name, **changes):
    row = {"Nama lengkap": "Gita Contoh", "Jenis kelamin": "Perempuan", "Tanggal lahir": datetime.date(2012, 3, 4),
           "Alasan NIK kosong": "Tidak diketahui / belum diperoleh",
           "Alasan KK kosong": "Tidak diketahui / belum diperoleh", "Kategori PPKS": "anak_telantar",
           "Bentuk layanan": "Dalam panti (residensial)", "Tanggal masuk": datetime.date(2024, 7, 10),
           "Nama ibu kandung": "Ibu Joko Contoh"} | changes  # fmt: skip
    return xlsx_file(tmp_path, [HEADERS, [row.get(h, "") for h in HEADERS]], name=name, sheet="Data penerima layanan")


def _import(path, actor):
    with path.open("rb") as handle:
        job = import_job_create(actor=actor, entity_key="clients", file=File(handle), original_name=path.name,
                                dry_run=False, enqueue=False)  # fmt: skip
    import_job_run(job_id=job.pk)
    job.refresh_from_db()
    return job


def test_the_same_file_uploaded_again_after_a_readmission_without_nik_changes_nothing_and_is_not_refused(tmp_path):
    world = people_world()
    first = _import(_client_file(tmp_path, "masuk.xlsx"), world.operator)
    assert (first.status, first.created_count) == ("succeeded", 1), first.message
    left = _import(
        _client_file(
            tmp_path,
            "keluar.xlsx",
            **{"Tanggal keluar": datetime.date(2024, 7, 29), "Alasan keluar": "Kembali ke keluarga"},
        ),
        world.operator,
    )
    assert (left.status, left.updated_count) == ("succeeded", 1), left.message
    # She comes back two days later; the LKS's list, with her new admission date, is uploaded. Without a NIK the
    # import cannot be sure she is the discharged child: by design it registers her anew and asks the board.
    back = _import(_client_file(tmp_path, "kembali.xlsx", **{"Tanggal masuk": datetime.date(2024, 7, 31)}),
                   world.operator)  # fmt: skip
    assert (back.status, back.created_count) == ("succeeded", 1), back.message
    assert Person.objects.filter(full_name="Gita Contoh").count() == 2
    assert DuplicateCandidate.objects.filter(status="open").count() == 1

    # When the very same file is uploaded again (the next week's list, before the board has decided)
    same = _import(_client_file(tmp_path, "kembali-lagi.xlsx", **{"Tanggal masuk": datetime.date(2024, 7, 31)}),
                   world.operator)  # fmt: skip

    # Then it changes nothing, as any file uploaded twice: only one of the two records has a stay admitted on
    # 31-07-2024 at this LKS. (The whole file was refused: "Lebih dari satu penerima layanan dengan nama, tanggal
    # lahir, dan nama ibu ini tercatat di LKS ini; isi NIK", a number the LKS does not have.)
    assert (same.status, same.created_count, same.updated_count) == ("succeeded", 0, 0), same.problems
