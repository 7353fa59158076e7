"""Import jobs: accepting an upload, running it (in the task worker or the terminal), cancelling it; and the
retention clean-up that removes the stored files of old import and export jobs.

Callers use the package (`from sinergi.exchange import services`, `services.import_job_create(...)`); the modules
below are by concept:
- `uploads`: an upload checked and stored, and the runs made again from it (a confirmed trial, a retry, a sheet
  chosen); each queues its run (`_enqueue`). The limit on a user's waiting jobs (`too_many_pending`).
- `running`: a job run to its end (`import_job_run`): the pipeline over its file, its report and its audit event.
- `results`: what a finished run keeps on its job for the page (`_store_result`): problems and warnings grouped.
- `settling`: a cancel, and the ending of jobs whose run died or will never start (`import_job_settle`,
  `exchange_jobs_settle`).
- `audit`: the audit events of import jobs; `retention`: the purge of old jobs' files (`exchange_files_purge`);
  `erasure`: the files and lists of the jobs that hold an erased person, removed with the erasure.
- `_common`: the logger, the whole-job messages, `FileGone`, the masking of NIK and KK numbers.

A test replacing a name that a function looks up (`_enqueue`, `run_import`, `_store_result`, ...) replaces it in
the module that looks it up (`services.uploads`, `services.running`, ...), not here. Only `import_job_run` is
looked up through the package (by the task worker, `tasks.run_import_job`).
"""

from sinergi.core.actors import SystemActor
from sinergi.core.errors import TransitionError

from .. import runners
from ..files import FileRefused
from ..models import SMALL_FILE_BYTES, ImportJob
from ._common import (
    CANCELLED,
    CANCELLED_BEFORE_START,
    CANCELLED_DRY_RUN,
    CANCELLED_DRY_RUN_BEFORE_START,
    FAILED,
    INTERRUPTED,
    INTERRUPTED_AFTER_SAVE,
    JOB_BUSY,
    REPORT_FAILED,
    STORAGE_REFUSED,
    FileGone,
    file_type,
)
from .audit import COMMAND_LINE, import_report_downloaded, import_upload_refused
from .erasure import (
    erasure_candidates,
    export_erased_message,
    import_erased_notice,
    import_jobs_quoting,
    jobs_purge_for_erasure,
)
from .results import problem_groups, warning_groups
from .retention import (
    PurgedJob,
    PurgeIncomplete,
    exchange_files_purge,
    export_file_gone_message,
    import_files_gone_message,
    retention_days,
)
from .running import import_job_run, import_job_stop_requested
from .settling import (
    DROPPED_BY_ITS_WORKER,
    NOT_STARTED,
    exchange_jobs_settle,
    import_job_cancel,
    import_job_end_after_error,
    import_job_not_started,
    import_job_settle,
    queue_lost,
)
from .uploads import (
    SMALL_JOB_PRIORITY,
    TOO_MANY_PENDING,
    import_job_confirm,
    import_job_create,
    import_job_read_sheet,
    import_job_retry,
    too_many_pending,
    upload_present,
)

__all__ = [
    "CANCELLED",
    "CANCELLED_BEFORE_START",
    "CANCELLED_DRY_RUN",
    "CANCELLED_DRY_RUN_BEFORE_START",
    "COMMAND_LINE",
    "DROPPED_BY_ITS_WORKER",
    "FAILED",
    "INTERRUPTED",
    "INTERRUPTED_AFTER_SAVE",
    "JOB_BUSY",
    "NOT_STARTED",
    "REPORT_FAILED",
    "SMALL_FILE_BYTES",
    "SMALL_JOB_PRIORITY",
    "STORAGE_REFUSED",
    "TOO_MANY_PENDING",
    "FileGone",
    "FileRefused",
    "ImportJob",
    "PurgeIncomplete",
    "PurgedJob",
    "SystemActor",
    "TransitionError",
    "erasure_candidates",
    "exchange_files_purge",
    "exchange_jobs_settle",
    "export_erased_message",
    "export_file_gone_message",
    "file_type",
    "import_erased_notice",
    "import_files_gone_message",
    "import_job_cancel",
    "import_job_confirm",
    "import_job_create",
    "import_job_end_after_error",
    "import_job_not_started",
    "import_job_read_sheet",
    "import_job_retry",
    "import_job_run",
    "import_job_settle",
    "import_job_stop_requested",
    "import_jobs_quoting",
    "import_report_downloaded",
    "import_upload_refused",
    "jobs_purge_for_erasure",
    "problem_groups",
    "queue_lost",
    "retention_days",
    "runners",
    "too_many_pending",
    "upload_present",
    "warning_groups",
]
