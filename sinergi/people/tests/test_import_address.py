"""What an import run later by the task worker writes carries the address it was uploaded from, as a form's save
does (the fifty-fourth review, minor 5): the import's own event had it, the records' events and access lines not."""

import pytest
from django.core.files import File

from sinergi.audit.models import AuditEvent
from sinergi.exchange.models import ImportJob
from sinergi.exchange.services import import_job_create, import_job_run
from sinergi.people.models import PersonAccess

from .test_exchange import HEADERS, boy_row, clients_file

pytestmark = pytest.mark.django_db

UPLOADED_FROM = "198.51.100.7"


@pytest.fixture
def world():
    from .factories import people_world

    return people_world()


def import_as_job(path, actor, *, address: str | None) -> ImportJob:
    with path.open("rb") as handle:
        job = import_job_create(
            actor=actor, entity_key="clients", file=File(handle), original_name="klien.xlsx", dry_run=False,
            enqueue=False,
        )  # fmt: skip
    ImportJob.objects.filter(pk=job.pk).update(ip_address=address)  # where it was uploaded from
    job = import_job_run(job_id=job.pk)
    assert job.status == "succeeded", job.message
    return job


def test_the_records_an_import_changes_carry_the_uploads_address(tmp_path, world):
    headers = [*HEADERS, "Tanggal keluar", "Alasan keluar"]
    import_as_job(clients_file(tmp_path, [[*boy_row(), "", ""]], headers=headers), world.operator, address=None)
    discharged = [*boy_row(**{"Nama lengkap": "Budi Dibetulkan Contoh"}), "20-06-2024", "Kembali ke keluarga"]

    import_as_job(clients_file(tmp_path, [discharged], headers=headers, name="b.xlsx"), world.operator,
                  address=UPLOADED_FROM)  # fmt: skip

    corrected = AuditEvent.objects.get(action="people.person.updated")
    ended = AuditEvent.objects.get(action="people.placement.discharged")
    assert (corrected.ip_address, ended.ip_address) == (UPLOADED_FROM, UPLOADED_FROM)
    assert set(PersonAccess.objects.filter(what="changed").values_list("ip_address", flat=True)) == {UPLOADED_FROM}
    # The first import had no address (the command line's): its lines have none, and nothing else is given one
    assert set(PersonAccess.objects.filter(what="created").values_list("ip_address", flat=True)) == {None}


def test_work_done_after_the_import_does_not_keep_its_address(tmp_path, world):
    from sinergi.audit.services import client_ip

    import_as_job(clients_file(tmp_path, [boy_row()]), world.operator, address=UPLOADED_FROM)

    assert client_ip(None) is None
    assert set(PersonAccess.objects.filter(what="created").values_list("ip_address", flat=True)) == {UPLOADED_FROM}
