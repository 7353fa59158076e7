"""The audit events of import jobs: the one event of each job's end (_audit, written by its run, its cancel or
its settling), a refused upload that made no job, a report downloaded; and who ran an import on the command line."""

import os
import pwd
from typing import TYPE_CHECKING

from django.http import HttpRequest

from sinergi.audit.services import audit_record

from ..columns import get_entity
from ..models import ImportJob
from ..pipeline import ImportResult
from ._common import file_type

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


def import_upload_refused(
    *, actor: "User", entity_key: str, original_name: str, size: int, reason: str, request: HttpRequest | None = None
) -> None:
    """An upload refused before any row was read (not a spreadsheet, too large, a zip bomb, too many jobs): kept
    no file and made no job, but is recorded, so that files sent to probe the reader are seen."""
    audit_record(
        actor=actor,
        action="exchange.import.upload_refused",
        request=request,
        data={
            "entity": entity_key,
            "file_type": file_type(original_name),
            "size": size,
            "reason": reason[:300],
        },
    )


def import_report_downloaded(*, job: ImportJob, actor: "User", request: HttpRequest | None = None) -> None:
    """An import's report was downloaded: it holds the file's rows, full NIKs among them (UU PDP: who took what)."""
    audit_record(
        actor=actor,
        action="exchange.import.report_downloaded",
        obj=job,
        request=request,
        data={
            "entity": job.entity,
            "file_type": file_type(job.original_name),
            "rows": job.rows_total,
            "problems": job.problem_count,
        },
    )


def _audit(
    job: ImportJob,
    actor: "User | SystemActor | None",
    result: ImportResult,
    outcome: str,
    request: HttpRequest | None = None,
) -> None:
    try:
        purpose = get_entity(job.entity).import_purpose
    except LookupError:
        purpose = ""
    audit_record(
        actor=actor,
        action=f"exchange.import.{outcome}",
        obj=job,
        purpose=purpose,  # as its access-log lines say (UU PDP): shown in the log's "Tujuan" column
        request=request,
        ip_address=job.ip_address,  # (the upload's, for the run that the worker does later without a request)
        data={
            "entity": job.entity,
            "dry_run": job.dry_run,
            "file_type": file_type(job.original_name),
            "sha256": job.file_sha256,
            # (not the sheet's name: people name sheets after a child as they do files)
            "via": job.via,
            # Who ran the command on the server: several administrators may share it, and "Sistem" tells them
            # apart from nobody.
            **({"os_user": _os_user()} if job.via == COMMAND_LINE else {}),
            **result.counts,
            "warnings": len(result.warnings),
            **result.extra,
            "seconds": round(result.seconds, 2),
        },
    )


COMMAND_LINE = "command line"


def _os_user() -> str:
    """The server account that runs this process, and the one it was reached from through sudo."""
    try:
        account = pwd.getpwuid(os.geteuid()).pw_name  # the process's own, not $USER, which anyone may set
    except KeyError:  # no name for the uid (a container)
        account = str(os.geteuid())
    sudo = os.environ.get("SUDO_USER", "")
    return f"{account} (sudo {sudo})" if sudo and sudo != account else account
