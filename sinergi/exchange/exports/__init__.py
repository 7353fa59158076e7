"""List exports too large to build inside a request: asking for one, running it in the task worker, handing the
finished file to the one who asked.

A CSV export always streams from the request (constant memory). An XLSX file must be complete before the first byte
can be sent, so past `SINERGI["EXPORT_XLSX_SYNC_ROWS"]` rows it is written by the worker into an `ExportJob`, with
the same scope, masking and access log as the request would apply: the queryset is evaluated again there, with the
requesting user as the actor.

Callers use the package (`from sinergi.exchange import exports`, `exports.export_job_create(...)`); the modules
below are by concept: `asking` (the CSV stream, a job asked for and queued, its filters and audit), `running` (a job
run by the worker, its progress and its end; the logger), `settling` (a cancel, and jobs whose run died or will never
start) and `download` (the finished file handed over).

A test replacing a name that a function looks up (`_enqueue`, `export_job_pending`, `table_write`,
`PROGRESS_EVERY`, `_export_job_run`, ...) replaces it in the module that looks it up (`exports.asking`,
`exports.running`), not here. Only `export_job_run` is looked up through the package (by the task worker,
`tasks.run_export_job`).
"""

from .asking import (
    DEFAULT_XLSX_SYNC_ROWS,
    audit_filters,
    csv_chunks,
    export_filters,
    export_job_create,
    export_runs_in_background,
    export_url,
    job_create_once,
)
from .download import export_job_download
from .running import ExportCancelled, _finish, _RowCounter, _stop_asked, export_job_run
from .settling import (
    EXPORT_DROPPED_BY_ITS_WORKER,
    EXPORT_INTERRUPTED,
    EXPORT_NOT_STARTED,
    export_job_cancel,
    export_job_end_after_error,
    export_job_not_started,
    export_job_settle,
)

__all__ = [
    "DEFAULT_XLSX_SYNC_ROWS",
    "EXPORT_DROPPED_BY_ITS_WORKER",
    "EXPORT_INTERRUPTED",
    "EXPORT_NOT_STARTED",
    "ExportCancelled",
    "_RowCounter",
    "_finish",
    "_stop_asked",
    "audit_filters",
    "csv_chunks",
    "export_filters",
    "export_job_cancel",
    "export_job_create",
    "export_job_download",
    "export_job_end_after_error",
    "export_job_not_started",
    "export_job_run",
    "export_job_settle",
    "export_runs_in_background",
    "export_url",
    "job_create_once",
]
