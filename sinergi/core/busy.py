"""A web request that would wait long for a lock held by a long write gives up, says so, and saves nothing.

An import of 100,000 clients holds its LKS until it commits (so that nobody admits the same NIK there meanwhile, and
a move of the LKS waits for it): on PostgreSQL, editing that LKS or admitting someone there waited as long, up to a
minute on a slow machine, with no sign of why, until a proxy's time-out cut the request. Web requests (only they:
the task workers that run imports wait as long as needed) now wait at most WEB_LOCK_TIMEOUT_MS, then the user reads
that the data is being saved by another process, that nothing of theirs changed, and to send it again in a moment.
SQLite has one write lock for the whole database; a write that waited for it longer than its busy time-out gets the
same page.
"""

from collections.abc import Callable

from django.conf import settings
from django.db import OperationalError, connection
from django.http import HttpRequest, HttpResponse
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


class DatabaseBusyMiddleware:
    """Bounds a web write's lock waits (PostgreSQL) and answers a write that gave up with a page saying why."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in SAFE_METHODS and connection.vendor == "postgresql":
            # For the connection's session: it serves web requests only (workers never pass here).
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('lock_timeout', %s, false)", [f"{web_lock_timeout_ms()}ms"])
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError) or not is_busy(exception):
            return None
        message = _(
            "Data yang ingin Anda ubah sedang disimpan oleh proses lain, misalnya impor spreadsheet yang besar. "
            "Tidak ada yang berubah. Tunggu sebentar, lalu kirim lagi."
        )
        if getattr(request, "htmx", False):
            # htmx does not swap an error answer; sinergi.js shows this text in the page's notice.
            response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
        else:
            response = render(request, "errors/busy.html", {"message": message}, status=503)
        response["Retry-After"] = "10"
        return response
