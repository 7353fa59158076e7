"""A finished export's file handed to the one who asked for it, while their access is still what it was."""

from typing import TYPE_CHECKING, BinaryIO

from django.http import HttpRequest
from django.utils.translation import gettext as _

from sinergi.accounts.scope import access_key
from sinergi.audit.services import audit_record
from sinergi.core.errors import PermissionDenied, TransitionError

from ..columns import get_entity
from ..models import ExportJob, ExportStatus
from ..selectors import export_job_display
from ..services import FileGone, export_file_gone_message, retention_days

if TYPE_CHECKING:
    from sinergi.accounts.models import User


def export_job_download(*, job: ExportJob, actor: "User", request: HttpRequest | None = None) -> BinaryIO:
    """The finished export's file, open for reading; audited like the export itself. The permission to export is
    checked again: someone who lost it since asking does not get the data any more."""
    if job.status == ExportStatus.CANCELLED:
        raise TransitionError(_("Ekspor ini dibatalkan; tidak ada file untuk diunduh."))
    if job.status != ExportStatus.SUCCEEDED:
        raise TransitionError(_("File ekspor ini belum siap diunduh."))
    if job.report:
        from ..report_jobs import report_job_may_download

        if not report_job_may_download(job=job, actor=actor):
            raise PermissionDenied(_("Anda tidak berwenang mencetak laporan ini."))
    else:
        entity = get_entity(job.entity)
        if not entity.can_export(actor):
            raise PermissionDenied(_("Anda tidak berwenang mengekspor data %(entity)s.") % {"entity": entity.label})
    # The file holds what its asker's access saw: it goes to them only while that access is the same. (Someone else
    # may open it only as a superuser, who sees everything anyway.)
    own = job.requested_by_id is not None and job.requested_by_id == getattr(actor, "pk", None)
    if own and not job.access_key:
        # Asked before exports kept their asker's access (an upgrade from before 2026-12-04): whether it still holds
        # cannot be told, so the file is not handed over.
        raise TransitionError(
            _(
                "Ekspor ini diminta sebelum pembaruan Sinergi, jadi tidak dapat dipastikan bahwa hak akses Anda masih "
                "sama seperti saat itu. Minta ekspor baru."
            )
        )
    if own and job.access_key != access_key(actor):
        raise TransitionError(
            _(
                "Peran atau wilayah Anda berubah sejak ekspor ini diminta, jadi filenya (data menurut hak akses yang "
                "lama) tidak diberikan lagi. Minta ekspor baru."
            )
        )
    if not job.file:
        gone = export_job_display(job, retention_days=retention_days()).file_gone
        raise FileGone(gone or export_file_gone_message())
    try:
        handle = job.file.open("rb")
    except FileNotFoundError:
        raise FileGone(export_file_gone_message()) from None
    if job.report:
        from ..report_jobs import report_job_downloaded

        report_job_downloaded(job=job, actor=actor, request=request)
        return handle
    audit_record(
        actor=actor,
        action=f"exchange.{job.entity}.downloaded",
        obj=job,
        data={"format": job.file_format, "rows": job.rows_done, "job": job.pk},
        request=request,
    )
    return handle
