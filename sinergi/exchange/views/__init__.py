"""Import/export pages and PDF reports: thin translations between HTTP and the exchange services.

`urls.py` uses the package (`views.ExchangeIndexView`, `views.export`, …); the modules below are by concept:
- `index`: the exchange page, the lists of all imports and exports, and the task workers' queue;
- `importing`: the import template, an import's page and what it offers (confirm, retry, one sheet, cancel, report);
- `exporting`: an entity's list downloaded, and a background export's page, cancelling and file;
- `reports`: the PDF reports (LKS profile, kabupaten/kota summary, province report);
- `_common`: content types, an entity's 404, the bad-request page and the access purpose, shared by the others.
"""

from ._common import PDF_TYPE, XLSX_TYPE
from .exporting import ExportJobView, export, export_job_cancel, export_job_download
from .importing import (
    UPLOAD_SCRIPT_HEADER,
    ImportJobView,
    import_job_by_key,
    import_job_cancel,
    import_job_confirm,
    import_job_read_sheet,
    import_job_report,
    import_job_retry,
    template_download,
)
from .index import JOBS_PER_PAGE, ExchangeIndexView, ExportJobListView, ImportJobListView, JobQueueView
from .reports import lks_profile_pdf, province_report_pdf, regency_summary_pdf

__all__ = [
    "JOBS_PER_PAGE",
    "PDF_TYPE",
    "UPLOAD_SCRIPT_HEADER",
    "XLSX_TYPE",
    "ExchangeIndexView",
    "ExportJobListView",
    "ExportJobView",
    "ImportJobListView",
    "ImportJobView",
    "JobQueueView",
    "export",
    "export_job_cancel",
    "export_job_download",
    "import_job_by_key",
    "import_job_cancel",
    "import_job_confirm",
    "import_job_read_sheet",
    "import_job_report",
    "import_job_retry",
    "lks_profile_pdf",
    "province_report_pdf",
    "regency_summary_pdf",
    "template_download",
]
