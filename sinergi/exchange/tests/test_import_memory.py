"""What a long import keeps until its write: an unchanged row's plan keeps only its record's id, and the LKS of one
batch are freed when the next begins. A national file (25,000 LKS, 150,000 workers) re-imported unchanged held a copy
of every LKS, and every planned worker, above the 500 MB the worker is sized for (bench/registry.py measures it)."""

import gc

import pytest

from sinergi.exchange.columns import UnchangedRecord, get_entity
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.people.tests.test_exchange_workers_after_workflows import import_workers, row, world  # noqa: F401

from .conftest import HEADERS, run, xlsx_file

pytestmark = pytest.mark.django_db


def planned(entity_key: str, monkeypatch) -> list:
    """The plans of the next import of `entity_key`, as the pipeline keeps them until the write."""
    kept: list = []
    entity = type(get_entity(entity_key))
    checked = entity.plans_notices

    def keep(self, plans, present, ctx):
        kept.extend(plans)
        return checked(self, plans, present, ctx)

    monkeypatch.setattr(entity, "plans_notices", keep)
    return kept


def lks_objects() -> list:
    """The LKS the interpreter holds, collectable or not. By type: isinstance() of a dead weak proxy raises."""
    return [o for o in gc.get_objects() if type(o) is Organisation]


def test_an_unchanged_lks_row_keeps_only_the_lks_id(tmp_path, board_member, monkeypatch):
    lks = [OrganisationFactory(name=f"LKSA Tetap {i}", region_id="63.71.01.1001", registration_number=f"TD/T/{i}")
           for i in range(3)]  # fmt: skip
    rows = [[o.name, "anak", "63.71.01.1001", o.registration_number, o.capacity] for o in lks]
    plans = planned("lks", monkeypatch)

    result = run(xlsx_file(tmp_path, [HEADERS, *rows]), board_member, dry_run=True)

    assert result.unchanged == 3, result.counts
    assert [plan.obj for plan in plans] == [UnchangedRecord(o.pk) for o in lks]


@pytest.mark.parametrize(("capacity", "kept"), [(None, 1), (99, 6)])
def test_the_lks_of_a_batch_are_freed_when_the_next_batch_begins(tmp_path, board_member, monkeypatch, capacity, kept):
    lks = [OrganisationFactory(name=f"LKSA Tetap {i}", region_id="63.71.01.1001", registration_number=f"TD/T/{i}")
           for i in range(5)]  # fmt: skip
    rows = [[o.name, "anak", "63.71.01.1001", o.registration_number, capacity or o.capacity] for o in lks]
    before = lks_objects()  # held, so that no LKS made by the import can take the id of one freed meanwhile
    ours = {id(o) for o in before}
    alive: list[int] = []
    entity = type(get_entity("lks"))
    checked = entity.plans_notices

    def count_alive(self, plans, present, ctx):
        # Without a collection: a long import seldom reaches a full one, so what only it would free stays.
        alive.append(sum(1 for o in lks_objects() if id(o) not in ours))
        return checked(self, plans, present, ctx)

    monkeypatch.setattr(entity, "plans_notices", count_alive)
    gc.collect()
    gc.disable()
    try:
        result = run(xlsx_file(tmp_path, [HEADERS, *rows]), board_member, dry_run=True, batch_size=1)
    finally:
        gc.enable()

    assert (result.unchanged, result.updated) == ((5, 0) if capacity is None else (0, 5)), result.counts
    # The last batch's LKS, and each updated LKS as it will be written (not also as it was read)
    assert alive == [kept]


def test_an_unchanged_worker_row_keeps_only_the_workers_id(tmp_path, world, monkeypatch):  # noqa: F811
    assert import_workers(tmp_path, [row()], world.operator).created == 1
    plans = planned("workers", monkeypatch)

    result = import_workers(tmp_path, [row()], world.operator, dry_run=True)

    assert result.unchanged == 1, result.counts
    assert [type(plan.obj) for plan in plans] == [UnchangedRecord]
