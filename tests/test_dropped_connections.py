"""A database connection that PostgreSQL drops (a restart, a failover, pg_terminate_backend) is replaced on its next
use. Kept connections (CONN_MAX_AGE) were reused without a test: the idle task worker's next look for a task failed,
its loop ended, and no job ever ran again; each web worker answered one request with a 500."""

import time

import pytest
from django.db import close_old_connections, connection, connections
from django_tasks_db.management.commands.db_worker import Worker

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.transactional,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the server drops the connection"),
]


@pytest.fixture
def kept_connection(monkeypatch):
    """The connection kept between requests and tasks, as in production (CONN_MAX_AGE 60)."""
    connection.close()
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 60)
    connection.ensure_connection()
    yield connection
    connection.close()


def drop(pid: int) -> None:
    """What a server restart does to the connection: its server process ends (asked from another connection)."""
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
            for _ in range(50):  # the process ends a moment after the call returns
                cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = %s)", [pid])
                if not cursor.fetchone()[0]:
                    return
                time.sleep(0.1)
    finally:
        other.close()


def server_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def test_a_kept_connection_that_the_server_dropped_is_replaced_before_its_next_query(kept_connection):
    dropped = server_pid()
    drop(dropped)

    # What the task worker and every request do before their work
    close_old_connections()

    assert server_pid() != dropped


def test_the_task_worker_looks_for_its_next_task_after_its_idle_connection_was_dropped(kept_connection):
    worker = Worker(
        queue_names=["default"],
        interval=0.1,
        batch=True,  # ends when it finds no task: one pass of its loop
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    worker.run()  # idle: no task
    drop(server_pid())

    worker.run()  # raised OperationalError ("terminating connection due to administrator command")

    assert server_pid()  # and the worker's connection works again
