"""Whether a zip is an OpenDocument spreadsheet, another OpenDocument file, or saved with a password: read from its
mimetype and manifest."""

import zipfile

MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def is_spreadsheet(archive: zipfile.ZipFile, names: set[str]) -> bool | None:
    """True for an OpenDocument spreadsheet, False for another OpenDocument file (a text, a presentation), None
    when the zip is not OpenDocument. The `mimetype` member says which; a file without one (allowed by the
    standard) is taken for a spreadsheet when its manifest says so."""
    if "mimetype" in names:
        with archive.open("mimetype") as handle:
            mimetype = handle.read(200).strip()
        if mimetype.startswith(b"application/vnd.oasis.opendocument."):
            return mimetype == MIMETYPE or mimetype == MIMETYPE + b"-template"
    if "content.xml" in names and "META-INF/manifest.xml" in names:
        return MIMETYPE in _manifest(archive)
    return None


def document_kind(archive: zipfile.ZipFile) -> str:
    """The OpenDocument type in the mimetype member ("text", "presentation", ...), or ""."""
    try:
        with archive.open("mimetype") as handle:
            mimetype = handle.read(200).strip().decode("ascii", "replace")
    except KeyError:
        return ""
    return mimetype.removeprefix("application/vnd.oasis.opendocument.").split("-")[0]


def is_encrypted(archive: zipfile.ZipFile) -> bool:
    """Whether the file was saved with a password: its manifest then describes how each part is encrypted."""
    return b"encryption-data" in _manifest(archive)


def _manifest(archive: zipfile.ZipFile) -> bytes:
    try:
        with archive.open("META-INF/manifest.xml") as handle:
            return handle.read(1024 * 1024)  # a few KB; the cap guards against a lying one
    except KeyError:
        return b""
