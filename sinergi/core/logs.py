"""Logging filters of the server's log."""

import logging


class ClientErrorsInOneLine(logging.Filter):
    """A refused request (403 for a page outside the user's area, 404, 400) is one warning line, not a traceback:
    Django logs the exception it answered with, and on a busy day (many users trying pages of other roles) the
    tracebacks of refusals buried the errors that need an administrator. 5xx keep theirs."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if isinstance(status, int) and 400 <= status < 500 and record.exc_info:
            record.exc_info, record.exc_text = None, None
        return True
