"""Background tasks of the exchange app (django-tasks; the database backend in production)."""

from django_tasks import task

from . import exports, services


@task()
def run_import_job(job_id: int) -> None:
    """Runs one import job; progress, result and error report are stored on the job, which the page polls."""
    services.import_job_run(job_id=job_id)


@task()
def run_export_job(job_id: int) -> None:
    """Writes one large export's file; progress and the file are stored on the job, which the page polls."""
    exports.export_job_run(job_id=job_id)
