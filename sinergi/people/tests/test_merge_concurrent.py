"""Two merges sharing a record at the same moment (cand1 = A+B keeping A, cand2 = B+C keeping C) wait for each other
rather than deadlock; the second is told its candidate changed (a review found a deadlock, a 500)."""

import threading
import time

import pytest
from django.db import connection

from sinergi.people import services
from sinergi.people.choices import DuplicateReason
from sinergi.people.models import DuplicateCandidate
from sinergi.people.services import merges
from sinergi.people.tests.factories import PersonFactory, PlacementFactory, people_world

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.transactional,
    # SQLite has one writer at a time and no row locks: two merges there are serial, and cannot deadlock.
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's"),
]


def test_two_merges_sharing_a_record_wait_rather_than_deadlock(monkeypatch):
    # A transactional test starts from (and leaves) an empty database: load what the other tests get once.
    from sinergi.regions.services import region_tree_load
    from sinergi.vocabularies.models import Term
    from sinergi.vocabularies.seed import seed_vocabularies

    region_tree_load(provinces=["63"])
    seed_vocabularies(Term)
    world = people_world()
    a, b, c = (PersonFactory(organisation=world.lks, nik="", nik_missing_reason="unknown") for _ in range(3))
    for person in (a, b, c):
        PlacementFactory(person=person, organisation=world.lks)
    cand1 = DuplicateCandidate.objects.create(
        person=a, other=b, reason=DuplicateReason.CLOSE_MATCH, province_code="63", regency_code="63.71"
    )
    cand2 = DuplicateCandidate.objects.create(
        person=b, other=c, reason=DuplicateReason.CLOSE_MATCH, province_code="63", regency_code="63.71"
    )
    locked, go = threading.Event(), threading.Event()
    real_plan = merges.duplicate_merge_plan

    def paused_plan(*, kept, retired):
        if threading.current_thread().name == "first":
            locked.set()  # A and B (and their stays) are locked now
            go.wait(10)
        return real_plan(kept=kept, retired=retired)

    monkeypatch.setattr(merges, "duplicate_merge_plan", paused_plan)
    errors = {}

    def merge(name, candidate, keep):
        try:
            services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=keep)
        except Exception as error:  # noqa: BLE001 - every failure is the finding
            errors[name] = repr(error)
        finally:
            connection.close()

    first = threading.Thread(target=merge, args=("first", cand1, a), name="first")
    second = threading.Thread(target=merge, args=("second", cand2, c), name="second")
    first.start()
    assert locked.wait(10)
    second.start()  # locks cand2, then waits for B
    time.sleep(1.5)
    go.set()  # the first merge goes on to repoint cand2, locked by the second
    first.join(30)
    second.join(30)
    assert not any("deadlock" in e.lower() for e in errors.values()), errors
    assert "first" not in errors
    # B is merged into A: the second merge's candidate now pairs A and C, which its page must show again
    assert "berubah karena penggabungan lain" in errors.get("second", ""), errors
