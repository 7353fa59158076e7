"""An erased client takes with them, at once, the imports and exports that hold them: the uploads, error reports,
export files and the lists of records as read are removed then, not at the end of the thirty days' retention, and
the jobs' rows stop naming them. Jobs that never held them keep their files."""

import datetime

import pytest
from django.core.files import File
from django.core.files.storage import default_storage

from sinergi.audit.models import AuditEvent
from sinergi.exchange import exports, services
from sinergi.exchange.models import ExportJob, ExportStatus, ImportJob, ImportStatus
from sinergi.exchange.selectors import export_job_display
from sinergi.people import services as people_services
from sinergi.people.choices import AccessPurpose
from sinergi.people.models import Person, Placement
from sinergi.people.services.rights import person_erase
from sinergi.people.tests.factories import people_world
from sinergi.people.tests.test_exchange_review_findings import HEADERS, NIK, SHEET, client_row

from .conftest import xlsx_file
from .factories import ImportJobFactory

pytestmark = pytest.mark.django_db

LEFT = datetime.date.today() - datetime.timedelta(days=20)
ERASED_NAME = "Bunga Auditia Uji"


@pytest.fixture
def world():
    return people_world()


def checked_and_imported(tmp_path, actor, rows, *, name: str) -> tuple[ImportJob, ImportJob]:
    """A trial of the file, then its import confirmed, both run as the task worker runs them."""
    path = xlsx_file(tmp_path, [HEADERS, *rows], name=name, sheet=SHEET)
    with path.open("rb") as handle:
        trial = services.import_job_create(
            actor=actor, entity_key="clients", file=File(handle), original_name=name, enqueue=False
        )
    trial = services.import_job_run(job_id=trial.pk)
    assert trial.status == ImportStatus.CHECKED, trial.problems
    real = services.import_job_confirm(job=trial, actor=actor)
    real = services.import_job_run(job_id=real.pk)
    assert (real.status, real.created_count) == (ImportStatus.SUCCEEDED, len(rows)), real.problems
    return trial, real


def stored(name: str) -> bool:
    return bool(name) and default_storage.exists(name)


def erase(world, full_name: str, capture) -> AuditEvent:
    person = Person.objects.get(full_name=full_name)
    people_services.placement_discharge(
        actor=world.operator, placement=Placement.objects.get(person=person), discharged_on=LEFT, reason="reunified"
    )
    with capture(execute=True):  # the files go once the erasure has committed
        person_erase(actor=world.province_admin, person=person, reason="Permintaan ibu", subject_asked=True)
    return AuditEvent.objects.get(action="people.person.erased")


def test_the_trial_and_the_import_of_an_erased_child_lose_their_files_and_lists_at_once(
    tmp_path, world, client, django_capture_on_commit_callbacks
):
    # Given a file named after the child (as people do), checked and imported with another child
    bunga = client_row(**{"Nama lengkap": ERASED_NAME, "Jenis kelamin": "Perempuan", "NIK": ""}, **{
        "Alasan NIK kosong": "Belum punya", "Nama ibu kandung": "Sari Uji"})  # fmt: skip
    trial, real = checked_and_imported(tmp_path, world.operator, [bunga, client_row()], name=f"{ERASED_NAME}.xlsx")
    files = [trial.file.name, trial.error_report.name, real.file.name, real.error_report.name]
    assert stored(trial.file.name) and ERASED_NAME in str(ImportJob.objects.get(pk=trial.pk).preview)
    # and a file about other children only, imported by another LKS's operator
    other_trial, other_real = checked_and_imported(
        tmp_path, world.other_operator, [client_row(**{"Nama lengkap": "Citra Lain", "NIK": ""}, **{
            "Alasan NIK kosong": "Belum punya", "Nama ibu kandung": "Rina Lain"})], name="daftar-lain.xlsx",
    )  # fmt: skip

    # When the child's data is erased at her mother's request
    event = erase(world, ERASED_NAME, django_capture_on_commit_callbacks)

    # Then both jobs of her file keep their counts, but not the file, its report, or what it said of anyone
    for job in (trial, real):
        job.refresh_from_db()
        assert job.files_purged_at is not None and (job.file.name, job.error_report.name) == ("", "")
        assert job.original_name == f"clients #{job.pk}.xlsx"
        assert ERASED_NAME not in str(job.preview) and ERASED_NAME not in str(job.problems)
        assert job.preview["create"] == [] and "hak subjek data" in job.notices[-1]
    assert real.created_count == 2
    assert not any(stored(name) for name in files if name)
    # and the erasure's audit event names the two imports, by number
    assert event.data["import_jobs_purged"] == [trial.pk, real.pk] and "export_jobs_purged" not in event.data
    # while the other LKS's import, which never held her, is untouched
    for job in (other_trial, other_real):
        job.refresh_from_db()
        assert job.files_purged_at is None and stored(job.file.name) and job.original_name == "daftar-lain.xlsx"
    assert "Citra Lain" in str(ImportJob.objects.get(pk=other_trial.pk).preview)
    # and the operator's pages say why their files went, without her name
    client.force_login(world.operator)
    listing = client.get("/exchange/imports/").content.decode()
    page = client.get(f"/exchange/imports/{real.pk}/").content.decode()
    assert ERASED_NAME not in listing + page and f"clients #{real.pk}.xlsx" in listing
    assert "karena memuat data orang yang datanya dihapus" in page


def test_a_refused_file_that_quotes_the_child_goes_too(tmp_path, world, django_capture_on_commit_callbacks):
    # Given the child registered, then a later file of hers refused (a date that cannot be read), never written
    bunga = client_row(**{"Nama lengkap": ERASED_NAME, "Jenis kelamin": "Perempuan"})
    checked_and_imported(tmp_path, world.operator, [bunga], name="pertama.xlsx")
    path = xlsx_file(tmp_path, [HEADERS, {**dict(zip(HEADERS, bunga, strict=True)), "Tanggal masuk": "kemarin"}
                                .values()], name="perbaikan.xlsx", sheet=SHEET)  # fmt: skip
    with path.open("rb") as handle:
        refused = services.import_job_create(
            actor=world.operator, entity_key="clients", file=File(handle), original_name="perbaikan.xlsx",
            dry_run=False, enqueue=False,
        )  # fmt: skip
    refused = services.import_job_run(job_id=refused.pk)
    assert refused.status == ImportStatus.REFUSED and stored(refused.error_report.name)

    # When she is erased
    event = erase(world, ERASED_NAME, django_capture_on_commit_callbacks)

    # Then the refused import's upload and report are gone as well
    refused.refresh_from_db()
    assert refused.files_purged_at is not None and not stored(refused.error_report.name)
    assert refused.pk in event.data["import_jobs_purged"]
    assert refused.original_name == "perbaikan.xlsx"  # a file name that never named her stays


def test_an_export_file_that_lists_the_child_is_removed_and_its_page_says_why(
    tmp_path, world, client, django_capture_on_commit_callbacks
):
    # Given the child registered, and a background XLSX export of the LKS's clients by its operator
    bunga = client_row(**{"Nama lengkap": ERASED_NAME, "Jenis kelamin": "Perempuan", "NIK": NIK})
    checked_and_imported(tmp_path, world.operator, [bunga], name="daftar.xlsx")
    job = exports.export_job_create(
        actor=world.operator, entity_key="clients", filters={}, file_format="xlsx", rows=1,
        purpose=AccessPurpose.SERVICE,
    )  # fmt: skip
    job = exports.export_job_run(job_id=job.pk)
    assert job.status == ExportStatus.SUCCEEDED and stored(job.file.name)
    name = job.file.name

    # When she is erased
    event = erase(world, ERASED_NAME, django_capture_on_commit_callbacks)

    # Then the export's file is gone, and its page says it went with an erasure, not with the retention
    job = ExportJob.objects.get(pk=job.pk)
    assert (job.file.name, job.file_deleted, job.file_purged_for_erasure) == ("", True, True)
    assert not stored(name)
    assert event.data["export_jobs_purged"] == [job.pk]
    gone = export_job_display(job, retention_days=30).file_gone
    assert "data orang yang datanya dihapus" in gone and "30 hari" not in gone
    client.force_login(world.operator)
    page = client.get(f"/exchange/exports/{job.pk}/").content.decode()
    assert "karena memuat data orang yang datanya dihapus" in page and "File sudah dihapus" in page


def test_a_job_is_said_to_quote_the_person_by_a_whole_name_or_number_in_any_case_or_spacing(db):
    numbers = "6371045205140007"
    quoting = [
        ImportJobFactory(entity="clients", preview={"create": [{"key": "BUNGA  auditia UJI"}]}),
        ImportJobFactory(entity="clients", problems=[[3, "Nama ibu kandung", "", f"Sama dengan {ERASED_NAME} (ID 4)"]]),
        ImportJobFactory(entity="clients", original_name=f"kk {numbers}.csv"),
    ]
    not_quoting = [
        ImportJobFactory(entity="clients", preview={"create": [{"key": f"{ERASED_NAME}wati"}]}),
        ImportJobFactory(entity="clients", original_name=f"kk {numbers}1.csv"),
        ImportJobFactory(entity="clients", preview={"create": [{"key": "Uji"}]}),
    ]

    found = services.import_jobs_quoting(
        [job.pk for job in [*quoting, *not_quoting]],
        [ERASED_NAME, numbers, "Uj"],  # too short to look for
    )

    assert found == [job.pk for job in quoting]


def test_a_namesakes_file_at_another_lks_keeps_its_files(tmp_path, world, django_capture_on_commit_callbacks):
    # Given the child at her LKS, and another child of the same name checked by an LKS in another kabupaten/kota
    bunga = client_row(**{"Nama lengkap": ERASED_NAME, "Jenis kelamin": "Perempuan"})
    checked_and_imported(tmp_path, world.operator, [bunga], name="pertama.xlsx")
    namesake = client_row(**{"Nama lengkap": ERASED_NAME, "Jenis kelamin": "Perempuan", "NIK": ""}, **{
        "Alasan NIK kosong": "Belum punya", "Nama ibu kandung": "Wati Lain"})  # fmt: skip
    path = xlsx_file(tmp_path, [HEADERS, namesake], name="banjarbaru.xlsx", sheet=SHEET)
    with path.open("rb") as handle:
        far = services.import_job_create(
            actor=world.far_operator, entity_key="clients", file=File(handle), original_name="banjarbaru.xlsx",
            enqueue=False,
        )  # fmt: skip
    far = services.import_job_run(job_id=far.pk)
    assert far.status == ImportStatus.CHECKED and ERASED_NAME in str(far.preview)

    # When the first child is erased
    event = erase(world, ERASED_NAME, django_capture_on_commit_callbacks)

    # Then the other LKS's trial still holds its upload and can still be confirmed
    far.refresh_from_db()
    assert far.files_purged_at is None and stored(far.file.name) and far.pk not in event.data["import_jobs_purged"]
    services.import_job_confirm(job=far, actor=world.far_operator)
