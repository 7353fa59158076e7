"""Reads of import and export jobs: a job (its file, problems and report hold personal data) is seen only by its
starter; a superuser may also open someone else's export.

Callers use the package (`from sinergi.exchange import selectors`, `selectors.import_job_get(...)`); the modules
below are by concept: `jobs` (who sees which job: the lists, one job, the same request still waiting), `display`
(what a finished import's or export's page says, in the viewer's language) and `queue` (the workers' queue for
admins).
"""

from .display import (
    GONE_MARKER,
    GROUP_ROWS_OPEN,
    LANGUAGE_NAMES,
    PROBLEMS_OPEN,
    ExportJobDisplay,
    ImportJobDisplay,
    RowGroup,
    export_job_display,
    export_too_large_to_import,
    import_job_display,
)
from .jobs import (
    IMPORT_ACCESS_CHANGED,
    LIST_DEFERRED,
    RECENT_EXPORTS,
    RECENT_IMPORTS,
    RECENT_JOBS_MOST,
    ImportAccessChanged,
    export_job_get,
    export_job_list,
    export_job_pending,
    export_job_recent,
    import_job_by_upload_key,
    import_job_get,
    import_job_list,
    import_job_recent,
    import_job_rows,
    report_job_pending,
    report_request_key,
)
from .queue import QUEUE_FAILED_HOURS, JobQueue, QueueRow, job_queue, job_queue_allowed

__all__ = [
    "GONE_MARKER",
    "GROUP_ROWS_OPEN",
    "IMPORT_ACCESS_CHANGED",
    "LANGUAGE_NAMES",
    "LIST_DEFERRED",
    "PROBLEMS_OPEN",
    "QUEUE_FAILED_HOURS",
    "RECENT_EXPORTS",
    "RECENT_IMPORTS",
    "RECENT_JOBS_MOST",
    "ExportJobDisplay",
    "ImportAccessChanged",
    "ImportJobDisplay",
    "JobQueue",
    "QueueRow",
    "RowGroup",
    "export_job_display",
    "export_job_get",
    "export_job_list",
    "export_job_pending",
    "export_job_recent",
    "export_too_large_to_import",
    "import_job_by_upload_key",
    "import_job_display",
    "import_job_get",
    "import_job_list",
    "import_job_recent",
    "import_job_rows",
    "job_queue",
    "job_queue_allowed",
    "report_job_pending",
    "report_request_key",
]
