"""An upload sent twice with the same form (its answer lost on a flaky link, then "Coba lagi", or the browser
posting it again) makes one import job: the form carries a one-time key, per user, and the job keeps it."""

import datetime
import re
import uuid
from pathlib import Path

import pytest
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.audit.models import AuditEvent
from sinergi.exchange import services
from sinergi.exchange.models import ImportJob, ImportStatus
from sinergi.exchange.services import uploads

from .conftest import HEADERS, xlsx_file

pytestmark = pytest.mark.django_db

KEY = uuid.UUID("8d5c3f0e-64a4-4b8e-9a43-0c1d2e3f4a5b")


@pytest.fixture
def sheet(tmp_path) -> Path:
    return xlsx_file(tmp_path, [HEADERS, ["LKSA Sekali", "anak", "63.71.01.1001", "TD/SEKALI/1", 12]])


def stored_uploads(settings) -> list[Path]:
    root = Path(settings.STORAGES["default"]["OPTIONS"]["location"]) / "exchange" / "imports"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def create(actor, path: Path, *, upload_key=KEY, entity_key="lks", enqueue=False) -> ImportJob:
    with path.open("rb") as handle:
        return services.import_job_create(
            actor=actor,
            entity_key=entity_key,
            file=File(handle),
            original_name=path.name,
            upload_key=upload_key,
            enqueue=enqueue,
        )


def post(client, path: Path, *, key: str | None = str(KEY), entity="lks", headers: dict | None = None):
    data = {"entity": entity, "file": SimpleUploadedFile(path.name, path.read_bytes())}
    if key is not None:
        data["upload_key"] = key
    return client.post("/exchange/", data, headers=headers)


UPLOAD_SCRIPT = {"X-Requested-With": "XMLHttpRequest"}  # as exchange/upload.js sends it


def form_key(html: str) -> str:
    return re.search(r'<input type="hidden" name="upload_key" value="([^"]+)"', html).group(1)


# ---------------------------------------------------------------------------------------------- service


def test_the_same_file_with_the_same_key_makes_one_job_one_file_and_one_run(
    board_member, sheet, settings, django_capture_on_commit_callbacks
):
    # Given a first upload, checked by the worker
    with django_capture_on_commit_callbacks(execute=True):
        first = create(board_member, sheet, enqueue=True)
    # When the same form is sent again
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = create(board_member, sheet, enqueue=True)
    # Then it answers with the first job, and nothing else happened
    assert again.pk == first.pk
    assert callbacks == []  # no second run queued
    assert ImportJob.objects.get().upload_key == KEY
    assert len(stored_uploads(settings)) == 1
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["exchange.import.checked"]


def test_the_same_form_sent_again_long_after_is_the_same_upload(board_member, sheet, settings):
    # A 25 MB file sent again over a slow link may arrive long after the first one
    first = create(board_member, sheet)
    ImportJob.objects.filter(pk=first.pk).update(created_at=first.created_at - datetime.timedelta(minutes=30))
    assert create(board_member, sheet).pk == first.pk
    assert len(stored_uploads(settings)) == 1


@pytest.mark.parametrize("ended", [ImportStatus.REFUSED, ImportStatus.CANCELLED, ImportStatus.FAILED])
def test_the_same_form_sent_again_after_its_upload_ended_badly_is_a_new_upload(board_member, sheet, settings, ended):
    # Given an upload refused (say, another import was saving at the same LKS), cancelled or failed
    first = create(board_member, sheet)
    ImportJob.objects.filter(pk=first.pk).update(status=ended)
    # When the user goes Back and sends the same form with the same file again, on purpose
    again = create(board_member, sheet)
    # Then it is a new job, which does not take the key the first one holds
    assert again.pk != first.pk
    assert list(ImportJob.objects.order_by("pk").values_list("upload_key", flat=True)) == [KEY, None]
    # the same bytes of the same user: one stored file, named by both jobs (twenty-ninth review)
    assert len(stored_uploads(settings)) == 1 and again.file.name == first.file.name


def test_a_key_is_the_users_own(board_member, sheet, settings):
    other = user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.lain")
    mine = create(board_member, sheet)
    theirs = create(other, sheet)  # the same key, by chance or by copying the page
    assert theirs.pk != mine.pk
    assert (mine.created_by, theirs.created_by) == (board_member, other)
    assert create(other, sheet).pk == theirs.pk
    assert create(board_member, sheet).pk == mine.pk
    assert ImportJob.objects.count() == 2 and len(stored_uploads(settings)) == 2


def test_another_file_or_another_kind_of_data_with_the_same_key_is_another_upload(board_member, sheet, tmp_path):
    # The form kept on the phone (or come back to with Back) and sent with the corrected file.
    corrected = xlsx_file(
        tmp_path, [HEADERS, ["LKSA Sekali", "anak", "63.71.01.1001", "TD/SEKALI/2", 12]], name="benar.xlsx"
    )
    first = create(board_member, sheet)
    second = create(board_member, corrected)
    assert second.pk != first.pk
    assert create(board_member, corrected).pk == second.pk
    assert ImportJob.objects.count() == 2


def test_without_a_key_every_upload_is_a_job_as_before(board_member, sheet, settings):
    first = create(board_member, sheet, upload_key=None)
    second = create(board_member, sheet, upload_key=None)
    assert first.pk != second.pk and (first.upload_key, second.upload_key) == (None, None)
    assert len(stored_uploads(settings)) == 1 and second.file.name == first.file.name  # stored once


def test_the_command_line_keeps_no_key(sheet):
    first = create(services.SystemActor(), sheet)
    second = create(services.SystemActor(), sheet)
    assert first.pk != second.pk and (first.upload_key, second.upload_key) == (None, None)


def test_of_two_posts_at_once_the_one_saved_second_answers_with_the_first_and_removes_its_file(
    board_member, sheet, settings, monkeypatch, django_capture_on_commit_callbacks
):
    # Given a post that looked for the key before the other post saved its job (both passed the check)
    winner = create(board_member, sheet)
    looked_up = uploads._upload_sent_before
    calls = []

    def not_yet_saved(*args):
        calls.append(args)
        return None if len(calls) == 1 else looked_up(*args)

    monkeypatch.setattr(uploads, "_upload_sent_before", not_yet_saved)
    # When it saves its own job
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        loser = create(board_member, sheet, enqueue=True)
    # Then the unique constraint refused it: it answers with the job that got in, keeps no copy, queues nothing
    assert loser.pk == winner.pk and len(calls) == 2
    assert ImportJob.objects.count() == 1
    assert stored_uploads(settings) == [Path(winner.file.path)]
    assert callbacks == []


# ---------------------------------------------------------------------------------------------- views


def test_each_rendering_of_the_form_has_a_new_key(client, board_member):
    client.force_login(board_member)
    first = form_key(client.get("/exchange/").content.decode())
    second = form_key(client.get("/exchange/").content.decode())
    assert uuid.UUID(first) and uuid.UUID(second) and first != second


def test_the_same_form_posted_twice_lands_on_the_one_job(
    client, board_member, sheet, settings, django_capture_on_commit_callbacks
):
    client.force_login(board_member)
    key = form_key(client.get("/exchange/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        first = post(client, sheet, key=key)
    with django_capture_on_commit_callbacks(execute=True):
        again = post(client, sheet, key=key)  # the answer to the first was lost; "Coba lagi"
    job = ImportJob.objects.get()
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"] == f"/exchange/imports/{job.pk}/"
    assert str(job.upload_key) == key
    assert len(stored_uploads(settings)) == 1
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["exchange.import.checked"]


def test_another_users_key_never_leads_to_their_job(client, board_member, sheet):
    other = user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.lain")
    client.force_login(other)
    key = form_key(client.get("/exchange/").content.decode())
    post(client, sheet, key=key)
    theirs = ImportJob.objects.get()

    client.force_login(board_member)
    response = post(client, sheet, key=key)

    mine = ImportJob.objects.exclude(pk=theirs.pk).get()
    assert response["Location"] == f"/exchange/imports/{mine.pk}/"
    assert mine.created_by == board_member
    assert client.get(f"/exchange/imports/{theirs.pk}/").status_code == 404


@pytest.mark.parametrize("key", [None, "", "bukan-kunci"])
def test_a_post_without_a_usable_key_makes_a_job_each_time_as_before(client, board_member, sheet, key):
    client.force_login(board_member)
    assert post(client, sheet, key=key).status_code == 302
    assert post(client, sheet, key=key).status_code == 302
    assert list(ImportJob.objects.values_list("upload_key", flat=True)) == [None, None]


def test_a_refused_file_keeps_its_key_free(client, board_member, sheet, tmp_path):
    client.force_login(board_member)
    key = form_key(client.get("/exchange/").content.decode())
    fake = tmp_path / "laporan.xlsx"
    fake.write_bytes(b"%PDF-1.4\n\x00\x01binary")
    refused = post(client, fake, key=key)
    assert refused.status_code == 400 and not ImportJob.objects.exists()
    assert form_key(refused.content.decode()) == key  # nothing was made with it, so the form may keep it
    assert post(client, sheet, key=key).status_code == 302
    assert ImportJob.objects.get().upload_key == uuid.UUID(key)


def test_the_upload_script_is_told_the_jobs_address_instead_of_being_redirected(client, board_member, sheet):
    # Given the form sent by exchange/upload.js, whose XMLHttpRequest would follow a redirect to the job's page
    client.force_login(board_member)
    key = form_key(client.get("/exchange/").content.decode())

    # When the job is made, and when the same form is sent again ("Coba lagi" after a lost answer)
    made = post(client, sheet, key=key, headers=UPLOAD_SCRIPT)
    again = post(client, sheet, key=key, headers=UPLOAD_SCRIPT)

    # Then each answer names the one job's page, with nothing to follow and no page in it: the browser fetches it once
    job = ImportJob.objects.get()
    assert made.status_code == again.status_code == 201
    assert made["Location"] == again["Location"] == f"/exchange/imports/{job.pk}/"
    assert made.content == again.content == b""
    assert made["Cache-Control"] == "private, no-store"


def test_a_form_sent_without_javascript_is_still_redirected_and_a_refusal_is_still_the_form(
    client, board_member, sheet, tmp_path
):
    client.force_login(board_member)
    plain = post(client, sheet)
    assert (plain.status_code, plain["Location"]) == (302, f"/exchange/imports/{ImportJob.objects.get().pk}/")
    fake = tmp_path / "laporan.xlsx"
    fake.write_bytes(b"%PDF-1.4\n\x00\x01binary")
    refused = post(client, fake, key=None, headers=UPLOAD_SCRIPT)
    assert refused.status_code == 400 and 'id="upload-form"' in refused.content.decode()


def test_an_upload_whose_job_could_not_be_saved_leaves_no_file_behind(board_member, sheet, settings, monkeypatch):
    # On SQLite a save waiting behind a large import's write gives up after its timeout ("database is locked"): no
    # job names the stored copy then, and the retention purge finds files through their jobs only.
    from django.db import OperationalError

    def locked(self, *args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(ImportJob, "save", locked)

    with pytest.raises(OperationalError):
        create(board_member, sheet)

    assert stored_uploads(settings) == []


def test_an_upload_shared_by_two_jobs_stays_while_the_later_one_is_kept_and_goes_with_it(board_member, sheet, settings):
    from sinergi.exchange.services import exchange_files_purge

    first = create(board_member, sheet, upload_key=None)
    six_days_ago = timezone.now() - datetime.timedelta(days=6)
    ImportJob.objects.filter(pk=first.pk).update(status=ImportStatus.CHECKED, finished_at=six_days_ago)
    second = create(board_member, sheet, upload_key=None)
    assert second.file.name == first.file.name

    exchange_files_purge(now=timezone.now() + datetime.timedelta(days=26))  # the first is due, the second not
    assert len(stored_uploads(settings)) == 1

    ImportJob.objects.filter(pk=second.pk).update(status=ImportStatus.CHECKED, finished_at=timezone.now())
    exchange_files_purge(now=timezone.now() + datetime.timedelta(days=31))
    assert stored_uploads(settings) == []


def test_a_file_sent_again_after_a_week_is_stored_again(board_member, sheet, settings):
    first = create(board_member, sheet, upload_key=None)
    ImportJob.objects.filter(pk=first.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))

    second = create(board_member, sheet, upload_key=None)

    assert second.file.name != first.file.name and len(stored_uploads(settings)) == 2


@pytest.mark.parametrize(
    ("name", "said"),
    [("data-lks.xlsx", True), ("data-lks.ODS", True), ("data-lks.csv", False), ("data-lks.txt", False)],
)
def test_a_text_file_named_as_a_workbook_is_said_to_be_read_as_csv(tmp_path, board_member, name, said):
    # The fifty-ninth review: a CSV saved as .xlsx was read as CSV (by its content) and the page said only "File CSV
    # dibaca sebagai UTF-8", to a user who had sent an .xlsx
    path = tmp_path / name
    path.write_text(";".join(HEADERS) + "\nLKSA Teks;anak;63.71.01.1001;TD/TEKS/1;12\n", encoding="utf-8")

    job = create(board_member, path, upload_key=None)
    services.import_job_run(job_id=job.pk)

    job.refresh_from_db()
    assert job.file_kind == "csv" and job.status == ImportStatus.CHECKED
    named = [notice for notice in job.notices if "isinya teks (CSV), bukan buku kerja" in notice]
    assert named == ([f"File “{name}” bernama {Path(name).suffix.lower()}, tetapi isinya teks (CSV), bukan buku kerja, "
                      "sehingga dibaca sebagai CSV. Bila ini tidak terduga, buka file di Excel dan simpan lagi "
                      "sebagai Excel Workbook (.xlsx)."] if said else [])  # fmt: skip
