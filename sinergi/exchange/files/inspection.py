"""The content check (inspect): an upload's type decided by its first bytes and its structure, never its name; its
size, a zip's entries and uncompressed size, and an .xlsx's metadata capped BEFORE any parser sees it; formats people
upload by mistake (PDF, images, web pages, Word, XML Spreadsheet 2003, flat ODS) refused, named. Apart from the
reading: it runs at upload, and the file is read later by the job."""

import codecs
import hashlib
import re
import zipfile
import zlib
from pathlib import Path

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from .. import ods, xls
from ..xls import OLE2_MAGIC
from ._common import (
    CSV,
    ODS,
    XLS,
    XLSX,
    FileInfo,
    FileRefused,
    _bomb_message,
    _corrupted_message,
    _password_message,
    _word_message,
    limit,
)
from .encodings import _utf16_without_bom
from .xlsx_xml import XML_METADATA_MAX_BYTES, XML_METADATA_PARTS, _sheet_names_within_limits

ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
# Formats people upload by mistake, recognised by their first bytes.
OTHER_MAGICS = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"Rar!": "RAR",
    b"7z\xbc\xaf": "7z",
    b"\x1f\x8b": "gzip",
    b"MZ": _lazy("program Windows"),
    b"\x7fELF": _lazy("program"),
    b"{\\rtf": "RTF",
}
SNIFF_BYTES = 64 * 1024
# What a phone's camera or gallery gives besides JPEG and PNG, told by the brand of an ISO media file (bytes 4 to 12:
# "ftyp" and the brand) or a RIFF container's kind: a photo of the paper list taken on an iPhone (HEIC) or saved from
# a chat or browser (WebP), which read as "content not recognised" left the user wondering what they had uploaded.
_MEDIA_BRANDS = {
    b"heic": "HEIC",
    b"heix": "HEIC",
    b"hevc": "HEIC",
    b"mif1": "HEIF",
    b"msf1": "HEIF",
    b"avif": "AVIF",
}


def _phone_media_kind(head: bytes) -> str:
    if head[4:8] == b"ftyp":
        return _MEDIA_BRANDS.get(head[8:12], "")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    return ""


MEGABYTE = 1024 * 1024


def megabytes(size: int, decimals: int) -> str:
    """A size in MB as the page writes numbers (25,5 in Indonesian)."""
    return formats.number_format(round(size / MEGABYTE, decimals), decimal_pos=decimals)


def too_large_message(size: int, max_bytes: int, *, text: bool = False) -> str:
    """Why a file is too large, with its size and the limit written so that they differ: a file a few bytes over
    25 MB read "25.0 MB; paling besar 25 MB". A `text` file (a CSV) is told that the same rows as XLSX are several
    times smaller: a national export of workers is 28 MB as CSV and under the limit as XLSX."""
    limit_text = megabytes(max_bytes, 0 if max_bytes % MEGABYTE == 0 else 2)
    message = _("File terlalu besar (lebih dari %(max)s MB). Bagi data menjadi beberapa file.") % {"max": limit_text}
    for decimals in (1, 2):
        if (size_text := megabytes(size, decimals)) != megabytes(max_bytes, decimals):
            message = _(
                "File terlalu besar (%(size)s MB; paling besar %(max)s MB). Bagi data menjadi beberapa file."
            ) % {"size": size_text, "max": limit_text}
            break
    if text:
        message += " " + _(
            "CSV tidak dipadatkan: disimpan sebagai XLSX (di Excel: Simpan Sebagai › Buku Kerja Excel), data yang sama "
            "biasanya beberapa kali lebih kecil."
        )
    return message


def inspect(path: str | Path) -> FileInfo:
    """Decides the file type by content and applies every cap; raises FileRefused without parsing the sheet."""
    path = Path(path)
    size = path.stat().st_size
    if size == 0:
        raise FileRefused(_("File kosong (0 bita). Pilih file spreadsheet yang berisi data."))
    max_bytes = limit("IMPORT_MAX_BYTES")
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if size > max_bytes:
        raise FileRefused(too_large_message(size, max_bytes, text=_looks_like_text(head)))
    digest = _sha256(path)
    if head.startswith(OLE2_MAGIC):
        return FileInfo(_check_ole2(path), size, digest)
    if head.startswith(ZIP_MAGICS):
        return FileInfo(_check_zip(path), size, digest)
    for magic, name in OTHER_MAGICS.items():
        if head.startswith(magic):
            raise FileRefused(
                _("File ini berisi %(kind)s, bukan spreadsheet. Unggah file .xlsx, .ods, .xls atau .csv.")
                % {"kind": name}
            )
    if media := _phone_media_kind(head):
        raise FileRefused(
            _("File ini berisi %(kind)s, bukan spreadsheet. Unggah file .xlsx, .ods, .xls atau .csv.") % {"kind": media}
        )
    if markup := _markup_kind(head):
        raise FileRefused(_markup_message(markup))
    if _padded_with_nul(path, head, size):
        raise FileRefused(
            _(
                "File ini diakhiri deretan byte kosong (NUL): tanda unduhan atau penyalinan yang tidak selesai, "
                "sehingga baris terakhirnya bisa terpotong. Unduh atau salin lagi file aslinya, lalu unggah lagi."
            )
        )
    if _looks_like_text(head):
        return FileInfo(CSV, size, digest)
    raise FileRefused(_("File ini bukan spreadsheet (isinya tidak dikenali). Unggah file .xlsx, .ods, .xls atau .csv."))


# The start of a web page: what many systems export as a "spreadsheet" named .xls (an HTML table that Excel opens).
# A tag name and then a space, ">" or "/": a CSV whose first cell begins with "<" ("<5 tahun") is not one.
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|table|meta|style)[\s>/]")
# Excel's "XML Spreadsheet 2003": an XML document whose root is a Workbook in this namespace.
_XML_SPREADSHEET = re.compile(r"urn:schemas-microsoft-com:office:spreadsheet|<(?:\w+:)?workbook[\s>]")
# A flat OpenDocument spreadsheet (.fods: LibreOffice's "Flat XML ODF Spreadsheet", SheetJS's "fods"): the whole
# workbook as one XML document, its kind in the root's office:mimetype (after the namespaces, within the first bytes).
_FLAT_ODS = re.compile(r"<office:document[\s>]")
MARKUP_SNIFF_CHARS = 4096


def _markup_kind(head: bytes) -> str:
    """ "html" for a web page, "xml" for an XML Spreadsheet 2003, "fods" for a flat OpenDocument spreadsheet, ""
    for anything else: judged on the file's start, after a byte-order mark and whitespace (and for XML the
    declarations and comments at its top)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        start = head[: MARKUP_SNIFF_CHARS * 2].decode("utf-16", "replace")
    elif encoding := _utf16_without_bom(head):
        start = head[: MARKUP_SNIFF_CHARS * 2].decode(encoding, "replace")
    else:
        # Latin-1 reads every byte as one character: the ASCII of the tags is all that matters here.
        start = head.removeprefix(codecs.BOM_UTF8)[:MARKUP_SNIFF_CHARS].decode("latin-1")
    start = start.lstrip("\ufeff \t\r\n").lower()
    if not start.startswith("<"):
        return ""
    if start.startswith("<?xml"):
        if _XML_SPREADSHEET.search(start):
            return "xml"
        if _FLAT_ODS.search(start):
            return "fods"
        # An XHTML page: its declaration, perhaps a processing instruction or a comment, then the page.
        start = re.sub(r"^(?:\s*(?:<\?[^>]*\?>|<!--.*?-->))*\s*", "", start, flags=re.S)
    elif start.startswith("<!--"):
        start = re.sub(r"^(?:\s*<!--.*?-->)*\s*", "", start, flags=re.S)
    return "html" if _HTML_START.match(start) else ""


def _markup_message(kind: str) -> str:
    if kind == "fods":
        # Read as a CSV it was refused for having no header, which sent the user to the wrong fix.
        return _(
            "File ini spreadsheet OpenDocument dalam satu berkas XML (Flat XML ODF, .fods), yang tidak dapat dibaca "
            "di sini. Buka file di LibreOffice, pilih Simpan Sebagai dengan jenis ODF Spreadsheet (.ods) atau Excel "
            "2007-365 (.xlsx), lalu unggah file itu."
        )
    if kind == "xml":
        # Whatever its name: Excel names it .xls or .xml, web applications (SheetJS's "xlml") .xls or .xml.
        return _(
            "File ini “XML Spreadsheet 2003” (format XML lama dari Excel), yang tidak dapat dibaca di sini. Buka "
            "file di Excel atau LibreOffice, pilih Simpan Sebagai dengan jenis Excel Workbook (.xlsx), lalu unggah "
            "file .xlsx itu."
        )
    return _(
        "File ini halaman web (HTML) yang diberi nama seperti file spreadsheet, bukan file spreadsheet sebenarnya "
        "(banyak aplikasi mengekspor tabel dengan cara ini). Buka file di Excel atau LibreOffice, pilih Simpan "
        "Sebagai dengan jenis Excel Workbook (.xlsx), lalu unggah file .xlsx itu."
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _check_ole2(path: Path) -> str:
    """An OLE2 container is an old Excel workbook (.xls, a "Workbook" stream; "Book" for Excel 5/95), a
    password-protected .xlsx (its real content encrypted in an "EncryptedPackage" stream), a Word 97-2003 document
    or another old Office file. Its directory says which; the file is small (capped), so it is read whole."""
    try:
        container = xls.read_container(path.read_bytes())
    except xls.Ole2Error as error:
        raise FileRefused(_corrupted_message(XLS)) from error
    streams = container.names
    if streams & {"EncryptionInfo", "EncryptedPackage"}:
        raise FileRefused(_password_message())
    if container.book is not None:
        if container.book.encrypted:
            raise FileRefused(_password_message())
        return XLS
    if "WordDocument" in streams:
        raise FileRefused(_word_message())
    raise FileRefused(
        _("Ini file Office lama, tetapi bukan buku kerja Excel. Unggah file .xlsx, .ods, .xls atau .csv.")
    )


# The extension of each OpenDocument type that is not a spreadsheet, for the refusal.
OPENDOCUMENT_EXTENSIONS = {"text": ".odt", "presentation": ".odp", "graphics": ".odg", "formula": ".odf"}


def _check_zip(path: Path) -> str:
    """XLSX or ODS. Caps entries and uncompressed size from the zip directory, then verifies the real sizes by
    decompressing with a running budget, so a zip bomb (including one that lies in its directory) costs at most
    the cap."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise FileRefused(_corrupted_message("")) from error
    with archive:
        entries = archive.infolist()
        names = {entry.filename for entry in entries}
        if len(entries) > limit("IMPORT_MAX_ZIP_ENTRIES"):
            raise FileRefused(_bomb_message())
        budget = limit("IMPORT_MAX_UNCOMPRESSED_BYTES")
        if sum(entry.file_size for entry in entries) > budget:
            raise FileRefused(_bomb_message())
        kind = _zip_kind(archive, names)
        corrupted = _corrupted_message(kind)
        metadata = XML_METADATA_PARTS if kind == XLSX else ()
        if any(entry.filename in metadata and entry.file_size > XML_METADATA_MAX_BYTES for entry in entries):
            raise FileRefused(_bomb_message())
        try:
            for entry in entries:
                if entry.flag_bits & 0x1:
                    raise FileRefused(corrupted)
                size = 0
                with archive.open(entry) as member:
                    while chunk := member.read(1024 * 1024):
                        budget -= len(chunk)
                        size += len(chunk)
                        if budget < 0 or (entry.filename in metadata and size > XML_METADATA_MAX_BYTES):
                            raise FileRefused(_bomb_message())
            if kind == XLSX:
                _sheet_names_within_limits(archive)
            # An .ods saved with a password is a zip like any other, its parts encrypted inside: the manifest says so.
            if kind == ODS and ods.is_encrypted(archive):
                raise FileRefused(_password_message())
        except _ZIP_READ_ERRORS as error:
            raise FileRefused(corrupted) from error
    return kind


# What reading a damaged zip member raises. RuntimeError covers an entry encrypted the old zip way and, through its
# subclass NotImplementedError, a compression method zipfile lacks (AES from 7-Zip, say).
_ZIP_READ_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError)


def _zip_kind(archive: zipfile.ZipFile, names: set[str]) -> str:
    """XLSX or ODS from the zip's member names (and the few bytes of an OpenDocument's `mimetype`); anything else
    refused, named when recognised."""
    if "xl/workbook.xml" in names:
        return XLSX
    if "word/document.xml" in names:
        raise FileRefused(_word_message())
    if "xl/workbook.bin" in names:
        # Excel's binary workbook: not read (the size checks made before calamine opens a sheet know only XML).
        raise FileRefused(
            _(
                "Ini buku kerja biner Excel (.xlsb), yang tidak dapat dibaca di sini. Di Excel pilih File › Simpan "
                "Sebagai › Buku Kerja Excel (.xlsx), lalu unggah file itu."
            )
        )
    try:
        spreadsheet = ods.is_spreadsheet(archive, names)
        document = ods.document_kind(archive) if spreadsheet is False else ""
    except _ZIP_READ_ERRORS as error:
        raise FileRefused(_corrupted_message("")) from error
    if spreadsheet:
        return ODS
    if spreadsheet is False:
        raise FileRefused(
            _("Ini dokumen OpenDocument (%(extension)s), bukan spreadsheet. Unggah file .xlsx, .ods, .xls atau .csv.")
            % {"extension": OPENDOCUMENT_EXTENSIONS.get(document, document or "ODF")}
        )
    # An Office document of another kind (a PowerPoint deck: "[Content_Types].xml") holds its charts' data as
    # spreadsheets (ppt/embeddings/…xlsx): no list to take out of a zip, which it is not to its user.
    if "[Content_Types].xml" not in names and (inside := _spreadsheets_inside(archive)):
        # A spreadsheet sent zipped (an e-mail, a cloud drive's download of several files or of a folder): named,
        # since the zip's own name often says nothing of it.
        raise FileRefused(
            _(
                "File ZIP ini bukan spreadsheet, tetapi berisi spreadsheet: %(names)s. Keluarkan (ekstrak) file itu "
                "dari ZIP-nya, lalu unggah file itu sendiri."
            )
            % {"names": ", ".join(f"“{name}”" for name in inside[:3]) + ("…" if len(inside) > 3 else "")}
        )
    raise FileRefused(_("File ZIP ini bukan spreadsheet. Unggah file .xlsx, .ods, .xls atau .csv."))


SPREADSHEET_EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".et")


def _spreadsheets_inside(archive: zipfile.ZipFile) -> list[str]:
    """The names (without their folders) of the spreadsheets a zip holds, by their extension: nothing is opened."""
    return [
        entry.filename.rstrip("/").rsplit("/", 1)[-1]
        for entry in archive.infolist()
        if not entry.is_dir()
        and entry.filename.lower().endswith(SPREADSHEET_EXTENSIONS)
        and not entry.filename.rsplit("/", 1)[-1].startswith(("._", "~$"))  # a Mac's metadata, Office's lock file
        and not entry.filename.startswith("__MACOSX/")
    ]


def _padded_with_nul(path: Path, head: bytes, size: int) -> bool:
    """Whether a text file ends in NUL bytes: the space a download or a copy set aside and never filled. Its last row
    may be cut short (a number, a date, a capacity half there) and would be read as if whole. Not a UTF-16 file,
    whose every other byte may be 0."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(head):
        return False
    with path.open("rb") as handle:
        handle.seek(max(0, size - 1))
        if handle.read(1) != b"\x00":
            return False
    text = head.rstrip(b"\x00")  # (the padding may begin within the first bytes read)
    return bool(text) and _looks_like_text(text)


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(head):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 13))
    return controls <= len(head) // 100
