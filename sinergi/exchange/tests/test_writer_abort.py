"""The writer thread's abort drops what is still queued. It used to save everything queued before it read the abort
(about 3 minutes for 8,000 updates once a lock it had waited for was let go), only to roll all of it back."""

import threading

import pytest
from django.db import connection

from sinergi.exchange.writer import ConcurrentWriter

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.transactional,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the writer thread is PostgreSQL's"),
]


class SlowEntity:
    """Saves a batch only when let; records the batches it saved."""

    write_batch_size = 1

    def __init__(self) -> None:
        self.saving, self.go = threading.Event(), threading.Event()
        self.saved: list[list] = []

    def save(self, plans, ctx) -> None:
        self.saving.set()
        self.go.wait(10)
        self.saved.append(plans)

    def after_import(self, ctx) -> None:
        pass

    def audit_data(self, ctx) -> dict:
        return {}


def test_an_abort_while_the_writer_saves_drops_the_batches_still_queued():
    entity = SlowEntity()
    writer = ConcurrentWriter(entity, ctx=None, batch_size=1)  # type: ignore[arg-type]
    for row in range(50):
        writer.add([f"plan {row}"])
    assert entity.saving.wait(10)  # the first batch is being saved, 49 wait in the queue

    letting_go = threading.Timer(0.5, entity.go.set)
    letting_go.start()
    assert writer.abort()
    letting_go.join()

    assert entity.saved == [["plan 0"]]
