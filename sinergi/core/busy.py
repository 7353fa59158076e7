"""A web request that would wait long for a lock held by a long write gives up, says so, and saves nothing.

An import of 100,000 clients holds its LKS until it commits (so that nobody admits the same NIK there meanwhile, and
a move of the LKS waits for it): on PostgreSQL, editing that LKS or admitting someone there waited as long, up to a
minute on a slow machine, with no sign of why, until a proxy's time-out cut the request. Web requests now wait at most
WEB_LOCK_TIMEOUT_MS, then the user reads that the data is being saved by another process, that nothing of theirs
changed, and to send it again in a moment. (Imports wait far longer, IMPORT_LOCK_TIMEOUT_MS: for another import at
the same LKS to commit; see sinergi.exchange.lockwaits.)
SQLite has one write lock for the whole database; a write that waited for it longer than its busy time-out gets the
same page. ("Nothing changed": the services write in one transaction each, so the write that gave up is rolled
back whole.)
"""

import contextlib
from collections.abc import Callable, Iterator

from django.conf import settings
from django.db import DatabaseError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
# PostgreSQL: lock_not_available (lock_timeout), deadlock_detected, serialization_failure.
BUSY_SQLSTATES = ("55P03", "40P01", "40001")


def is_busy(error: OperationalError) -> bool:
    """A lock waited on too long, a deadlock or a serialization failure: the same request may succeed later."""
    cause = error.__cause__
    return getattr(cause, "sqlstate", None) in BUSY_SQLSTATES or "database is locked" in str(error)


def web_lock_timeout_ms() -> int:
    return int(getattr(settings, "SINERGI", {}).get("WEB_LOCK_TIMEOUT_MS", 8000))


@contextlib.contextmanager
def lock_timeout(milliseconds: int) -> Iterator[None]:
    """PostgreSQL's lock_timeout on this thread's connection while the block runs, and only then: the connection
    outlives it (CONN_MAX_AGE), and what runs on it later (a GET, a streamed download, work done after the response)
    keeps the server's setting. Nothing on SQLite, whose busy time-out bounds every wait."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('lock_timeout', %s, false)", [f"{milliseconds}ms"])
    try:
        yield
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute("RESET lock_timeout")
        except DatabaseError:
            # The connection broke or its transaction was aborted: a new connection starts from the server's
            # setting, and an aborted transaction rolls the SET back with it.
            pass


class DatabaseBusyMiddleware:
    """Bounds a web write's lock waits (PostgreSQL) and answers a request that gave up with a page saying why."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in SAFE_METHODS or connection.vendor != "postgresql":
            return self.get_response(request)
        with lock_timeout(web_lock_timeout_ms()):
            return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError) or not is_busy(exception):
            return None
        if request.method in SAFE_METHODS:
            message = _("Sinergi sedang sibuk menyimpan data lain, misalnya impor spreadsheet yang besar. Muat ulang "
                        "halaman ini sebentar lagi.")  # fmt: skip
        else:
            message = _(
                "Data yang ingin Anda ubah sedang disimpan oleh proses lain, misalnya impor spreadsheet yang besar. "
                "Tidak ada yang berubah. Tunggu sebentar, lalu kirim lagi."
            )
        if request.path.startswith("/api/"):
            response: HttpResponse = JsonResponse({"detail": message}, status=503)
        elif getattr(request, "htmx", False):
            # htmx does not swap an error answer; sinergi.js shows this text in the page's notice.
            response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
        else:
            response = render(request, "errors/busy.html", {"message": message}, status=503)
        response["Retry-After"] = "10"
        return response
