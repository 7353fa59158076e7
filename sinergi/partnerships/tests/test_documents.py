import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from sinergi.audit.models import AuditEvent
from sinergi.core.errors import PermissionDenied, ValidationError
from sinergi.demo.partnerships import demo_pdf
from sinergi.partnerships import services
from sinergi.partnerships.choices import DOCUMENT_MAX_BYTES
from sinergi.partnerships.models import AgreementDocument

pytestmark = pytest.mark.django_db

PDF = demo_pdf(["Perjanjian kerja sama uji"])


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "green").save(buffer, format="PNG")
    return buffer.getvalue()


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def upload(name: str, content: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_pdf_is_stored_under_the_agreements_folder_with_its_fingerprint(settings, users, agreement):
    document = services.document_upload(
        agreement=agreement, actor=users["board"], upload=upload("naskah PKS.pdf", PDF), title="Naskah bertanda tangan"
    )

    stored = Path(settings.MEDIA_ROOT) / document.file.name
    assert document.file.name.startswith(f"agreements/{agreement.pk}/")
    assert document.file.name.endswith(".pdf")
    assert stored.read_bytes() == PDF
    assert (document.title, document.original_name, document.content_kind, document.size) == (
        "Naskah bertanda tangan",
        "naskah PKS.pdf",
        "pdf",
        len(PDF),
    )
    event = AuditEvent.objects.get(action="partnerships.document.uploaded")
    assert event.data == {
        "document": "Naskah bertanda tangan",
        "kind": "pdf",
        "size": len(PDF),
        "sha256": document.sha256,
    }


def test_an_image_is_accepted_and_its_kind_comes_from_the_content(users, agreement):
    # The browser says "application/octet-stream"; the content says PNG.
    document = services.document_upload(
        agreement=agreement,
        actor=users["operator"],
        upload=upload("foto penandatanganan.png", png_bytes(), "application/octet-stream"),
    )
    assert (document.content_kind, document.mime_type, document.title) == (
        "png",
        "image/png",
        "foto penandatanganan.png",
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "naskah.pdf",
            b"<html><script>alert(1)</script></html>",
            "Isi berkas bukan PDF atau gambar PNG/JPEG. Hanya dokumen PDF dan gambar yang diterima.",
        ),
        ("program.exe", b"MZ\x90\x00" + b"\x00" * 100, "Isi berkas bukan PDF atau gambar PNG/JPEG."),
        ("gambar.pdf", None, "Nama berkas berakhiran .pdf, tetapi isinya bukan berkas itu."),
        ("foto.png", b"\x89PNG\r\n\x1a\n" + b"bukan gambar" * 10, "Gambar rusak atau tidak dapat dibaca."),
        ("potong.pdf", PDF[:-20], "Berkas PDF tidak lengkap atau rusak."),
        ("kosong.pdf", b"", "Berkas kosong. Pilih berkas PDF atau gambar (PNG/JPEG)."),
    ],
)
def test_a_file_that_is_not_what_it_claims_is_refused_and_nothing_is_written(
    settings, users, agreement, name, content, message
):
    content = png_bytes() if content is None else content

    with pytest.raises(ValidationError) as error:
        services.document_upload(agreement=agreement, actor=users["board"], upload=upload(name, content))

    assert error.value.message_dict["file"][0].startswith(message)
    assert AgreementDocument.objects.count() == 0
    assert files_under(Path(settings.MEDIA_ROOT)) == []
    assert not AuditEvent.objects.filter(action="partnerships.document.uploaded").exists()


def test_a_file_over_ten_megabytes_is_refused_and_nothing_is_written(settings, users, agreement):
    too_big = PDF[:-6] + b" " * (DOCUMENT_MAX_BYTES - len(PDF) + 1) + b"%%EOF\n"
    assert len(too_big) == DOCUMENT_MAX_BYTES + 1

    with pytest.raises(ValidationError) as error:
        services.document_upload(agreement=agreement, actor=users["board"], upload=upload("besar.pdf", too_big))

    assert error.value.message_dict["file"] == ["Berkas terlalu besar (10,0\xa0MB); batasnya 10,0\xa0MB."]
    assert AgreementDocument.objects.count() == 0
    assert files_under(Path(settings.MEDIA_ROOT)) == []


def test_exactly_ten_megabytes_is_accepted(users, agreement):
    exact = PDF[:-6] + b" " * (DOCUMENT_MAX_BYTES - len(PDF)) + b"%%EOF\n"
    document = services.document_upload(agreement=agreement, actor=users["board"], upload=upload("pas.pdf", exact))
    assert document.size == DOCUMENT_MAX_BYTES


@pytest.mark.parametrize("who", ["dinsos", "board_tanah_laut", "other_operator"])
def test_only_those_acting_for_a_party_may_upload(settings, users, agreement, who):
    with pytest.raises(PermissionDenied):
        services.document_upload(agreement=agreement, actor=users[who], upload=upload("naskah.pdf", PDF))
    assert AgreementDocument.objects.count() == 0
    assert files_under(Path(settings.MEDIA_ROOT)) == []


def test_deleting_removes_the_file_once_committed(settings, users, agreement, django_capture_on_commit_callbacks):
    document = services.document_upload(agreement=agreement, actor=users["board"], upload=upload("naskah.pdf", PDF))
    stored = Path(settings.MEDIA_ROOT) / document.file.name

    with django_capture_on_commit_callbacks(execute=True):
        services.document_delete(document=document, actor=users["operator"])

    assert not stored.exists()
    assert AgreementDocument.objects.count() == 0
    assert AuditEvent.objects.get(action="partnerships.document.deleted").data["document"] == "naskah.pdf"


def test_a_viewer_cannot_delete(settings, users, agreement):
    document = services.document_upload(agreement=agreement, actor=users["board"], upload=upload("naskah.pdf", PDF))
    with pytest.raises(PermissionDenied):
        services.document_delete(document=document, actor=users["dinsos"])
    assert (Path(settings.MEDIA_ROOT) / document.file.name).exists()
    assert AgreementDocument.objects.count() == 1


def test_a_failure_after_the_file_is_written_leaves_no_file_behind(settings, users, agreement, monkeypatch):
    def broken_audit(**kwargs):
        raise RuntimeError("audit unavailable")

    monkeypatch.setattr(services.documents, "audit_record", broken_audit)  # where document_upload looks it up

    with pytest.raises(RuntimeError):
        services.document_upload(agreement=agreement, actor=users["board"], upload=upload("naskah.pdf", PDF))

    assert AgreementDocument.objects.count() == 0
    assert files_under(Path(settings.MEDIA_ROOT)) == []
