"""An export writes while it reads (the access log of the people it exports, its progress). On SQLite such a write
on the reading connection failed with "database is locked" as soon as another connection had committed (a page's
session, a job page's poll), and a background export died half way. Those writes go through a second connection
there (dbwrite.write_beside_open_read).

Measured on a file database with 100,000 clients and a session saved every 50 ms beside the XLSX export: the
export failed after 0.9 s before, and completes now (8.8 s)."""

import threading

import pytest
from django.db import connection, transaction

from sinergi.exchange.dbwrite import write_beside_open_read
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory


def renamed(pk: int) -> tuple[str, int]:
    Organisation.objects.filter(pk=pk).update(name="LKSA Diubah")
    return threading.current_thread().name, pk


@pytest.mark.transactional
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL's reads do not hold back writes")
def test_on_sqlite_a_write_during_an_open_read_runs_on_a_second_connection_and_is_committed(monkeypatch):
    from sinergi.regions.services import region_tree_load
    from sinergi.vocabularies.models import Term
    from sinergi.vocabularies.seed import seed_vocabularies

    region_tree_load(provinces=["63"])  # a transactional test's database may have been emptied before
    seed_vocabularies(Term)
    first, second = OrganisationFactory(name="LKSA A"), OrganisationFactory(name="LKSA B")
    # The tests' in-memory database is shared between connections, as a file is.
    monkeypatch.setattr(connection, "is_in_memory_db", lambda: False)

    names = Organisation.objects.filter(pk=first.pk).values_list("name", flat=True).iterator(chunk_size=1)
    assert next(names) == "LKSA A"  # a read left open

    outcome = write_beside_open_read(lambda: renamed(second.pk))

    names.close()
    assert outcome == ("sinergi-write-beside", second.pk)
    assert Organisation.objects.get(pk=second.pk).name == "LKSA Diubah"


@pytest.mark.django_db
def test_inside_a_transaction_the_write_runs_here_where_it_sees_what_the_transaction_sees():
    lks = OrganisationFactory(name="LKSA A")
    with transaction.atomic():
        assert write_beside_open_read(lambda: renamed(lks.pk)) == (threading.current_thread().name, lks.pk)
    assert Organisation.objects.get(pk=lks.pk).name == "LKSA Diubah"
