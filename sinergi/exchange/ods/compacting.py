"""A copy of an .ods that calamine can read: without the whitespace between table elements that SheetJS and Gnumeric
write, and with a cell's line breaks and tabs kept as characters, which calamine would drop."""

import re
import zipfile
from pathlib import Path
from typing import BinaryIO

from ..xmlpieces import whole_pieces
from ._patterns import _ROW_START

# Whitespace between the table's elements: SheetJS and Gnumeric write content.xml indented, a line per row and per
# cell, which calamine (0.9) refuses ("Expecting 'table-cell', found Text"). Only whitespace before a table: tag is
# meant: between a paragraph's spans it is text.
_INDENT = re.compile(rb"(>)[ \t\r\n]+(</?table:)")
_TRAILING_SPACE = re.compile(rb">([ \t\r\n]+)$")
# A line break or a tab inside a cell's paragraph (`A<text:line-break/>B`, written by Excel and when text is pasted
# into a cell), which calamine (0.9) drops, joining the words around it ("Jl. Mawar 1Kel. Mantuil"). The copy holds
# the character instead, as a reference (not whitespace, which _INDENT might take for indentation).
_BREAK = re.compile(rb"<text:(line-break|tab)\b[^>]*/>")
_BREAK_CHARACTERS = {b"line-break": b"&#10;", b"tab": b"&#9;"}


def is_indented(path: Path) -> bool:
    """Whether content.xml has whitespace between its table elements (see _INDENT), judged on its start up to the
    first row: a producer indents all of it or none. Not on a fixed number of bytes: the styles before the table
    run to hundreds of kilobytes in a workbook of many cell styles (Gnumeric writes about 220 bytes for each)."""
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as handle:
        for piece in whole_pieces(handle, before=_ROW_START):
            if _INDENT.search(piece):
                return True
            if _ROW_START in piece:
                return False
    return False


def write_compacted(path: Path, target: BinaryIO) -> None:
    """A copy of the .ods that calamine reads, written into `target` (a file open for writing): content.xml without
    the whitespace between table elements, its cells' line breaks and tabs as characters (_BREAK), streamed piece by
    piece (it may be hundreds of megabytes); the other members as they are."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            if info.filename != "content.xml":
                # mimetype first and stored, as ODF wants; the rest are small (sizes were checked on upload).
                kind = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
                copy.writestr(info.filename, source.read(info), compress_type=kind)
                continue
            with source.open(info) as handle, copy.open("content.xml", "w", force_zip64=True) as out:
                pending = b""  # whitespace ending a piece: dropped if the next one starts with a table: tag
                for piece in whole_pieces(handle, before=_ROW_START):
                    if pending and not piece.startswith((b"<table:", b"</table:")):
                        out.write(pending)
                    piece = _INDENT.sub(rb"\1\2", piece)
                    if b"<text:line-break" in piece or b"<text:tab" in piece:
                        piece = _BREAK.sub(lambda tag: _BREAK_CHARACTERS[tag.group(1)], piece)
                    trailing = _TRAILING_SPACE.search(piece)
                    pending = trailing.group(1) if trailing else b""
                    out.write(piece[: trailing.start(1)] if trailing else piece)
                out.write(pending)
