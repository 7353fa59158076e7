"""A merge of duplicate records beside a referral's accept, a consent withdrawn or recorded, an incident reported
(PostgreSQL, real threads; the forty-third review)."""

import datetime
import threading

import pytest
from django.db import connection

from sinergi.people.models import Person
from sinergi.people.services.merges import duplicate_merge
from sinergi.people.tests.test_concurrency_real import (
    InThread,
    _referral,
    beside,
    broken_invariants,
    child,
    concurrency_world,
    held_after,
    make_job,
    recorded_twice,
    run_now,
)
from sinergi.referrals import services as referral_services
from sinergi.referrals.services import transitions


@pytest.fixture
def world():
    return concurrency_world()


pytestmark = [
    pytest.mark.transactional,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrency: PostgreSQL"),
]


def test_a_referral_accepted_while_the_board_merges_its_client_into_another_record_is_no_deadlock(
    tmp_path, world, monkeypatch
):
    # One child recorded twice: served at Harapan (active), and an earlier stay at Tetangga (left): a candidate
    run_now(make_job(tmp_path, [child(1)], world.province_admin, name="a.xlsx"))
    candidate, served, keep = recorded_twice(tmp_path, world)  # (served: the record with the active stay, retired)
    # Harapan refers the child (the record served there) to Tetangga
    referral = _referral(world, world.operator, served, world.lks, world.lks_same_regency)
    # Tetangga's accept holds both LKS and the referral
    reached, go = threading.Event(), threading.Event()
    held_after(monkeypatch, transitions, "_locked", reached, go)
    accept = InThread(lambda: referral_services.referral_accept(actor=world.other_operator, referral=referral))
    accept.start()
    assert reached.wait(timeout=30)
    # when the board merges the served record into the other one, and the accept goes on a second later
    merging = beside(lambda: duplicate_merge(actor=world.province_admin, candidate=candidate, keep=keep), go)
    outcomes = {"accept": accept.outcome(), "merge": merging.outcome()}
    # then one waits for the other; neither is killed as a deadlock's victim (40P01)
    assert "40P01" not in str(outcomes), outcomes
    assert broken_invariants() == []


def test_a_consent_withdrawn_while_the_board_merges_its_client_into_another_record_is_no_deadlock(
    tmp_path, world, monkeypatch
):
    from sinergi.exchange.tests.conftest import xlsx_file
    from sinergi.people.models import Consent
    from sinergi.people.services import merges
    from sinergi.people.services.consents import consent_withdraw
    from sinergi.people.tests.test_concurrency_real import ADMITTED, HEADERS

    headers = [*HEADERS, "Persetujuan oleh", "Nama pemberi persetujuan", "Tanggal persetujuan", "Dasar pemrosesan",
               "Cakupan persetujuan"]  # fmt: skip
    row = [*child(1), "Orang tua", "Siti Pemberi Contoh", ADMITTED, "Persetujuan", "Pelayanan dan pengasuhan di LKS"]
    from django.core.files import File

    from sinergi.exchange.services import import_job_create

    path = xlsx_file(tmp_path, [headers, row], name="a.xlsx")
    with path.open("rb") as handle:
        job = import_job_create(actor=world.province_admin, entity_key="clients", file=File(handle),
                                original_name="a.xlsx", dry_run=False, enqueue=False)  # fmt: skip
    run_now(job)
    candidate, served, keep = recorded_twice(tmp_path, world)
    consent = Consent.objects.get(person=served)
    # The merge holds both records and their stays, and has planned
    reached, go = threading.Event(), threading.Event()
    held_after(monkeypatch, merges, "duplicate_merge_plan", reached, go)
    merging = InThread(lambda: merges.duplicate_merge(actor=world.province_admin, candidate=candidate, keep=keep))
    merging.start()
    assert reached.wait(timeout=30)
    # when Harapan's operator withdraws the consent on the page, and the merge goes on a second later
    withdrawing = beside(lambda: consent_withdraw(actor=world.operator, consent=consent, on=datetime.date.today()), go)
    outcomes = {"merge": merging.outcome(), "withdraw": withdrawing.outcome()}
    assert "40P01" not in str(outcomes), outcomes


@pytest.mark.parametrize("what", ["incident", "consent"])
def test_an_incident_or_consent_recorded_while_the_board_merges_the_record_goes_to_the_kept_record_or_is_refused(
    tmp_path, world, monkeypatch, what
):
    from sinergi.people.models import Consent, Incident
    from sinergi.people.services import merges
    from sinergi.people.services.consents import consent_record
    from sinergi.people.services.incidents import incident_report

    run_now(make_job(tmp_path, [child(1)], world.province_admin, name="a.xlsx"))
    candidate, served, keep = recorded_twice(tmp_path, world)
    # The merge holds both records and has planned
    reached, go = threading.Event(), threading.Event()
    held_after(monkeypatch, merges, "duplicate_merge_plan", reached, go)
    merging = InThread(lambda: merges.duplicate_merge(actor=world.province_admin, candidate=candidate, keep=keep))
    merging.start()
    assert reached.wait(timeout=30)
    # when Harapan's operator reports an incident / records a consent on the child's page (read before the merge)
    page = Person.objects.get(pk=served.pk)

    def work():
        if what == "incident":
            data = {"kind": "neglect", "occurred_on": datetime.date(2024, 5, 1),
                    "description": "Anak tidak diberi makan."}  # fmt: skip
            return incident_report(actor=world.operator, person=page, data=data)
        data = {"given_by": "parent", "giver_name": "Siti Ibu", "given_on": datetime.date(2024, 5, 1),
                "legal_basis": "consent", "scope": "Pelayanan"}  # fmt: skip
        return consent_record(actor=world.operator, person=page, data=data)

    recording = beside(work, go)
    assert merging.outcome() == "done"
    outcome = recording.outcome()
    model = Incident if what == "incident" else Consent
    # then it is refused, or written on the record kept: never on the retired record, which nobody finds any more
    assert not model.objects.filter(person=served).exists(), (outcome, "written on the retired record")
    if what == "incident":
        # a report of harm is not lost for a merge: it is the kept record's (the operator may change it: both LKS
        # are in the operator's world, or the report is refused and said so)
        assert model.objects.filter(person=keep).exists() or "PermissionDenied" in outcome, outcome
    else:
        assert "digabungkan" in outcome, outcome
