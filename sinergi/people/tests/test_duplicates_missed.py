"""The look-again after an import's commit for "same NIK active elsewhere" candidates it could not see (people
another import was writing at the same time). The race itself is in test_concurrency_stress_imports.py (PostgreSQL
only); here, on both databases, what the look-again records and what it leaves alone."""

import pytest

from sinergi.audit.models import AuditEvent
from sinergi.people.choices import DuplicateReason, PlacementStatus
from sinergi.people.models import DuplicateCandidate, Placement
from sinergi.people.services.duplicates import admission_clock, admission_clock_advance, duplicates_flag_missed
from sinergi.people.tests.factories import people_world
from sinergi.people.tests.test_services import admit, person_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return people_world()


@pytest.fixture
def missed(world):
    """The same NIK active at two LKS of different kabupaten/kota, with no candidate between them: what two
    concurrent imports leave behind."""
    far = admit(world, actor=world.far_operator, organisation=world.lks_other_regency).obj
    here = admit(world, person=person_data(full_name="Nama Berbeda", mother_name="Ibu Berbeda")).obj
    DuplicateCandidate.objects.all().delete()
    return here, far


def test_a_person_with_the_nik_active_at_another_lks_is_recorded_for_the_board(world, missed):
    here, far = missed

    assert duplicates_flag_missed(actor=world.province_admin, person_ids=[here.pk]) == 1

    candidate = DuplicateCandidate.objects.get()
    assert (candidate.person_id, candidate.other_id, candidate.reason) == (
        here.pk,
        far.pk,
        DuplicateReason.SAME_NIK_OTHER_LKS,
    )
    # located where the swept record is, so that its board sees it, and audited like any other candidate
    assert (candidate.province_code, candidate.regency_code) == ("63", "63.71")
    event = AuditEvent.objects.get(action="people.duplicate.flagged", object_id=str(candidate.pk))
    assert event.data == {"person": here.pk, "other": far.pk, "reason": "same_nik", "late": True}


def test_looking_again_records_nothing_twice_in_either_direction(world, missed):
    here, far = missed
    assert duplicates_flag_missed(actor=world.province_admin, person_ids=[here.pk]) == 1
    assert duplicates_flag_missed(actor=world.province_admin, person_ids=[here.pk]) == 0
    # the other import, looking from its side, finds the pair already recorded
    assert duplicates_flag_missed(actor=world.province_admin, person_ids=[far.pk]) == 0
    assert DuplicateCandidate.objects.count() == 1


def test_both_records_looked_at_together_make_one_candidate(world, missed):
    assert duplicates_flag_missed(actor=world.province_admin, person_ids=[m.pk for m in missed]) == 1
    assert DuplicateCandidate.objects.count() == 1


def test_someone_no_longer_served_or_erased_is_not_recorded(world, missed):
    here, far = missed
    Placement.objects.filter(person=far).update(status=PlacementStatus.DISCHARGED)
    assert duplicates_flag_missed(actor=world.province_admin, person_ids=[here.pk]) == 0

    Placement.objects.filter(person=far).update(status=PlacementStatus.ACTIVE)
    type(far).objects.filter(pk=far.pk).update(erased_at="2026-01-01T00:00:00Z")
    assert duplicates_flag_missed(actor=world.province_admin, person_ids=[here.pk]) == 0
    assert not DuplicateCandidate.objects.exists()


def test_a_person_without_nik_is_never_swept(world):
    person = admit(world, person=person_data(nik="", nik_missing_reason="not_yet_recorded")).obj
    other = admit(
        world,
        actor=world.far_operator,
        organisation=world.lks_other_regency,
        person=person_data(nik="", nik_missing_reason="not_yet_recorded", full_name="Orang Lain"),
    ).obj
    DuplicateCandidate.objects.all().delete()
    assert duplicates_flag_missed(actor=world.province_admin, person_ids=[person.pk, other.pk]) == 0


HEADERS = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "Alasan KK kosong", "Kategori PPKS",
           "Bentuk layanan", "Tanggal masuk", "Nama ibu kandung", "LKS"]  # fmt: skip


def one_child_file(tmp_path, world):
    from sinergi.exchange.tests.conftest import xlsx_file

    data = person_data()
    row = [data["full_name"], "L", data["birth_date"], data["nik"], "unknown", "anak_telantar",
           "Dalam panti (residensial)", "2024-01-15", data["mother_name"], world.lks.name]  # fmt: skip
    return xlsx_file(tmp_path, [HEADERS, row])


@pytest.fixture
def looked_again(monkeypatch):
    """The people each look-again was asked about."""
    from sinergi.people.services import duplicates

    calls = []
    original = duplicates.duplicates_flag_missed

    def spy(*, actor, person_ids):
        calls.append(set(person_ids))
        return original(actor=actor, person_ids=person_ids)

    monkeypatch.setattr(duplicates, "duplicates_flag_missed", spy)
    return calls


def test_an_import_alone_advances_the_clock_and_does_not_look_again(
    world, tmp_path, django_capture_on_commit_callbacks, looked_again
):
    from sinergi.exchange.tests.conftest import run

    before = admission_clock()
    with django_capture_on_commit_callbacks(execute=True):
        result = run(one_child_file(tmp_path, world), world.province_admin, entity="clients")

    assert result.status == "succeeded", result.message
    assert admission_clock() == before + 1
    assert looked_again == []


def test_an_import_looks_again_when_someone_else_admitted_people_meanwhile(
    world, tmp_path, django_capture_on_commit_callbacks, looked_again, monkeypatch
):
    from sinergi.exchange.tests.conftest import run
    from sinergi.people.exchange.clients import ClientsEntity

    original = ClientsEntity.after_import

    def after_import(self, ctx):
        admission_clock_advance()  # another admission committed while this import was writing
        return original(self, ctx)

    monkeypatch.setattr(ClientsEntity, "after_import", after_import)
    with django_capture_on_commit_callbacks(execute=True):
        result = run(one_child_file(tmp_path, world), world.province_admin, entity="clients")

    assert result.status == "succeeded", result.message
    assert looked_again == [set(Placement.objects.filter(organisation=world.lks).values_list("person_id", flat=True))]


def test_a_dry_run_neither_advances_the_clock_nor_looks_again(
    world, tmp_path, django_capture_on_commit_callbacks, looked_again
):
    from sinergi.exchange.tests.conftest import run

    before = admission_clock()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        result = run(one_child_file(tmp_path, world), world.province_admin, entity="clients", dry_run=True)
    assert result.status == "checked", result.message
    assert (callbacks, admission_clock(), looked_again) == ([], before, [])


def test_a_form_admission_looks_again_after_its_commit(world, django_capture_on_commit_callbacks, monkeypatch):
    # The form's own check cannot see an import that is still writing the same NIK elsewhere: here, as if it had
    # not seen the person at the other LKS.
    far = admit(world, actor=world.far_operator, organisation=world.lks_other_regency).obj
    monkeypatch.setattr("sinergi.people.services.persons.admission._flag_duplicates", lambda **kwargs: 0)
    before = admission_clock()
    with django_capture_on_commit_callbacks(execute=True):
        here = admit(world, person=person_data(full_name="Nama Berbeda", mother_name="Ibu Berbeda")).obj

    assert admission_clock() == before + 1
    candidate = DuplicateCandidate.objects.get()
    assert (candidate.person_id, candidate.other_id) == (here.pk, far.pk)


def test_the_clock_starts_itself_when_its_row_is_missing():
    from sinergi.people.models import AdmissionClock

    AdmissionClock.objects.all().delete()
    assert admission_clock() == 0
    assert admission_clock_advance() == 1
    assert admission_clock_advance() == 2


def test_the_hourly_backstop_records_what_a_look_again_missed(world, missed):
    from sinergi.people.services.duplicates import duplicates_recheck_recent

    here, far = missed
    recorded = duplicates_recheck_recent()
    assert [(c.person_id, c.other_id) for c in DuplicateCandidate.objects.filter(pk__in=recorded)] in (
        [(here.pk, far.pk)],
        [(far.pk, here.pk)],
    )
    assert duplicates_recheck_recent() == []


def test_the_hourly_backstop_looks_only_at_recent_people(world, missed):
    import datetime

    from django.utils import timezone

    from sinergi.people.models import Person
    from sinergi.people.services.duplicates import duplicates_recheck_recent

    old = timezone.now() - datetime.timedelta(days=3)
    Person.objects.update(created_at=old, updated_at=old)
    assert duplicates_recheck_recent() == []


def test_after_a_weeks_outage_the_backstop_looks_back_to_its_last_successful_run(world, missed):
    import datetime

    from django.utils import timezone

    from sinergi.core.models import HousekeepingRun
    from sinergi.people.models import Person
    from sinergi.people.services.duplicates import BACKSTOP, duplicates_recheck_recent

    # given the hourly run down for a week (its last success 8 days ago), the missed pair written just after it
    now = timezone.now()
    HousekeepingRun.objects.create(name=BACKSTOP, succeeded_at=now - datetime.timedelta(days=8))
    written = now - datetime.timedelta(days=7)
    Person.objects.update(created_at=written, updated_at=written)
    here, far = missed

    # when it runs again
    recorded = duplicates_recheck_recent()

    # then the pair is caught up, and the next run looks back from this one
    pair = DuplicateCandidate.objects.filter(pk__in=recorded).values_list("person_id", "other_id").get()
    assert sorted(pair) == sorted([here.pk, far.pk])
    assert HousekeepingRun.objects.get(name=BACKSTOP).succeeded_at >= now


def test_a_failed_backstop_run_is_not_taken_as_its_last_success(world, missed, monkeypatch):
    import datetime

    from django.utils import timezone

    from sinergi.core.models import HousekeepingRun
    from sinergi.people.services import duplicates

    last = timezone.now() - datetime.timedelta(days=8)
    HousekeepingRun.objects.create(name=duplicates.BACKSTOP, succeeded_at=last)

    def busy(**kwargs):
        raise RuntimeError("database is locked")

    monkeypatch.setattr(duplicates, "_record_missed", busy)
    with pytest.raises(RuntimeError):
        duplicates.duplicates_recheck_recent()

    assert HousekeepingRun.objects.get(name=duplicates.BACKSTOP).succeeded_at == last


def test_two_records_of_one_nik_at_the_same_lks_are_not_a_candidate(world):
    # A client discharged and readmitted at the same LKS may have two records; only other LKS count.
    first = admit(world).obj
    Placement.objects.filter(person=first).update(status=PlacementStatus.DISCHARGED)
    second = admit(world).obj
    Placement.objects.filter(person=first).update(status=PlacementStatus.ACTIVE)
    DuplicateCandidate.objects.all().delete()
    assert duplicates_flag_missed(actor=world.province_admin, person_ids=[second.pk]) == 0


def test_send_reminders_runs_the_backstop(world, missed):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("send_reminders", stdout=out)
    assert "duplicates_recheck_recent: 1" in out.getvalue()
