"""Checking an uploaded agreement document by its content, never by its name or the browser's claimed type."""

import hashlib
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from sinergi.core.errors import ValidationError

from .choices import DOCUMENT_MAX_BYTES

# First bytes of each accepted format.
MAGICS: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpeg": (b"\xff\xd8\xff",),
}
# File name endings that go with each format; a name that claims another accepted format is refused as a mismatch.
EXTENSIONS: dict[str, set[str]] = {"pdf": {"pdf"}, "png": {"png"}, "jpeg": {"jpg", "jpeg"}}
PIL_FORMATS = {"png": "PNG", "jpeg": "JPEG"}


@dataclass(frozen=True)
class CheckedDocument:
    """What the content check found: the real kind, the size and a fingerprint for the audit trail."""

    kind: str
    size: int
    sha256: str


def document_check(upload: UploadedFile) -> CheckedDocument:
    """The upload's real kind if it is a PDF, PNG or JPEG of at most 10 MB; otherwise a ValidationError saying why."""
    size = upload.size or 0
    if size == 0:
        raise ValidationError({"file": [_("Berkas kosong. Pilih berkas PDF atau gambar (PNG/JPEG).")]})
    if size > DOCUMENT_MAX_BYTES:
        raise ValidationError(
            {
                "file": [
                    _("Berkas terlalu besar (%(size)s); batasnya %(limit)s.")
                    % {"size": filesizeformat(size), "limit": filesizeformat(DOCUMENT_MAX_BYTES)}
                ]
            }
        )
    upload.seek(0)
    head = upload.read(16)
    kind = next((k for k, magics in MAGICS.items() if head.startswith(magics)), None)
    if kind is None:
        raise ValidationError(
            {"file": [_("Isi berkas bukan PDF atau gambar PNG/JPEG. Hanya dokumen PDF dan gambar yang diterima.")]}
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in (upload.name or "") else ""
    claimed = next((k for k, endings in EXTENSIONS.items() if extension in endings), None)
    if claimed is not None and claimed != kind:
        raise ValidationError(
            {"file": [_("Nama berkas berakhiran .%(ext)s, tetapi isinya bukan berkas itu.") % {"ext": extension}]}
        )
    if kind in PIL_FORMATS:
        _check_image(upload, PIL_FORMATS[kind])
    else:
        _check_pdf(upload)
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedDocument(kind=kind, size=size, sha256=digest.hexdigest())


def _check_image(upload: UploadedFile, expected: str) -> None:
    # A header alone is cheap to fake; letting Pillow parse it catches a renamed or truncated file.
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image.verify()
            found = image.format
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError({"file": [_("Gambar rusak atau tidak dapat dibaca.")]}) from error
    if found != expected:
        raise ValidationError({"file": [_("Gambar rusak atau tidak dapat dibaca.")]})


def _check_pdf(upload: UploadedFile) -> None:
    # Every complete PDF ends with an end-of-file marker near its last bytes; a cut-off upload does not.
    upload.seek(max(0, (upload.size or 0) - 2048))
    if b"%%EOF" not in upload.read():
        raise ValidationError({"file": [_("Berkas PDF tidak lengkap atau rusak.")]})
