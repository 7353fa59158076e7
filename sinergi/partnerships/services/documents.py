"""An agreement's documents: uploading a PDF or image (checked by content in `sinergi/partnerships/documents.py`) and
removing one. Apart because they touch storage: a file written must not outlive a failed write, and a removed one
goes only once the removal is committed.
"""

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from sinergi.accounts.models import User
from sinergi.accounts.scope import Action, can
from sinergi.audit.services import audit_record
from sinergi.core.errors import PermissionDenied

from ..documents import document_check
from ..models import Agreement, AgreementDocument


@transaction.atomic
def document_upload(
    *, agreement: Agreement, actor: "User", upload: UploadedFile, title: str = "", request: HttpRequest | None = None
) -> AgreementDocument:
    """Stores a PDF or image (checked by content, at most 10 MB) under MEDIA_ROOT/agreements/<id>/."""
    if not can(actor, Action.CHANGE, agreement):
        raise PermissionDenied(_("Anda tidak berwenang menambah dokumen pada perjanjian ini."))
    checked = document_check(upload)
    original = (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1][:200]
    document = AgreementDocument(
        agreement=agreement,
        title=(title or "").strip()[:200] or original or _("Dokumen"),
        original_name=original,
        content_kind=checked.kind,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    document.file.save("upload", upload, save=False)
    try:
        document.save()
        audit_record(
            actor=actor,
            action="partnerships.document.uploaded",
            obj=agreement,
            data={"document": document.title, "kind": checked.kind, "size": checked.size, "sha256": checked.sha256},
            request=request,
        )
    except Exception:
        # The row is rolled back with the transaction; the file written a moment ago must not stay behind alone.
        document.file.storage.delete(document.file.name)
        raise
    return document


@transaction.atomic
def document_delete(*, document: AgreementDocument, actor: "User", request: HttpRequest | None = None) -> None:
    """Removes a document (e.g. uploaded to the wrong agreement); the file goes once the removal is committed."""
    agreement = document.agreement
    if not can(actor, Action.CHANGE, agreement):
        raise PermissionDenied(_("Anda tidak berwenang menghapus dokumen perjanjian ini."))
    name, storage = document.file.name, document.file.storage
    audit_record(
        actor=actor,
        action="partnerships.document.deleted",
        obj=agreement,
        data={"document": document.title, "sha256": document.sha256},
        request=request,
    )
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))
