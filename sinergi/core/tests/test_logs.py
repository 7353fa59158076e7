"""The server's log: a refused request is one line, an error keeps its traceback (twenty-ninth review)."""

import logging

import pytest
from django.core.exceptions import PermissionDenied
from django.utils.log import log_response

from sinergi.core.logs import ClientErrorsInOneLine


class Response:
    def __init__(self, status_code: int) -> None:
        self.status_code = status_code


def logged(status: int, error: Exception) -> logging.LogRecord:
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    logger = logging.getLogger("sinergi.test.requests")
    handler = Keep()
    handler.addFilter(ClientErrorsInOneLine())
    logger.addHandler(handler)
    try:
        try:
            raise error
        except Exception as raised:
            log_response("%s: %s", "Forbidden", "/x/", response=Response(status), logger=logger, exception=raised)
    finally:
        logger.removeHandler(handler)
    return records[0]


def test_a_refused_request_is_logged_in_one_line_without_its_traceback():
    record = logged(403, PermissionDenied("Anda tidak berwenang."))

    assert record.levelname == "WARNING" and record.exc_info is None
    assert "Traceback" not in logging.Formatter().format(record)


def test_a_server_error_keeps_its_traceback():
    record = logged(500, RuntimeError("boom"))

    assert record.exc_info is not None
    assert "Traceback" in logging.Formatter().format(record)


@pytest.mark.parametrize("name", ["console"])
def test_the_console_handler_of_the_settings_uses_the_filter(settings, name):
    assert "client_errors_in_one_line" in settings.LOGGING["handlers"][name]["filters"]
