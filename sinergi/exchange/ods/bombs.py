"""How much text calamine would write out beyond what content.xml spells (spaces and repeated cells and rows), to
refuse a file that asks for more than any real sheet holds (TextBomb) before calamine reads it."""

import re
from collections.abc import Iterator

from ._patterns import _CELL_STARTS, _TAG

# Text that calamine writes out beyond what the file spells: `<text:s text:c="N"/>` stands for N spaces, and a cell
# or row repeated N times (`table:number-columns-repeated`, `-rows-repeated`) is copied N times, text and all. 791
# bytes of `text:c="100000000"` made the process abort; 773 bytes of a repeated cell took 1.2 GB. A cell of Excel or
# LibreOffice holds at most 32,767 characters; a real file repeats short text (a "Ya" copied down a column).
MAX_SPACES = 32_767
MAX_TEXT_REPEATED = 64 * 1024 * 1024  # characters written out by repeats and spaces, over the whole file
_SPACES = re.compile(rb"""<text:s\b[^>]*?\btext:c\s*=\s*["']\s*(\d+)""")
# A repeat of two or more on an element that is not empty (`<table:table-cell ... number-columns-repeated="3"/>`,
# written at the end of every row, holds nothing): searched in C code, so a real file costs little.
# An empty one counts only when it gives its text as an attribute (`office:string-value`).
_REPEATS = re.compile(rb"""-repeated\s*=\s*["']\s*0*([2-9]|[1-9][0-9]+)\s*["'][^>]*(?<!/)>""")
_REPEATS_EMPTY = re.compile(rb"""-repeated\s*=\s*["']\s*0*([2-9]|[1-9][0-9]+)\s*["'][^>]*/>""")


_BETWEEN_TAGS = re.compile(rb">\s+<")


class TextBomb(Exception):
    """content.xml asks calamine to write out more text than MAX_SPACES in one place or MAX_TEXT_REPEATED in all."""


def _text(part: bytes) -> int:
    """Characters of the text in a part of content.xml, its spaces counted (an upper bound: entities are counted as
    written, and the attributes of a cell that gives its text as one, `office:string-value`)."""
    text = len(_TAG.sub(_kept_tag, _BETWEEN_TAGS.sub(b"><", part))) if b"<" in part else len(part)
    if b"text:c" in part:
        text += sum(int(count.group(1)) for count in _SPACES.finditer(part))
    return text


def _kept_tag(tag: re.Match) -> bytes:
    return tag.group(0) if b"string-value" in tag.group(0) else b""


def _repeated_text(piece: bytes) -> int:
    """Characters that the repeats and spaces in the piece add to what it spells. The piece holds whole rows
    (whole_pieces cuts before a row's start): a repeated row or cell whose end is not in it is refused."""
    added = 0
    if b"text:c" in piece:
        for count in _SPACES.finditer(piece):
            if int(count.group(1)) > MAX_SPACES:
                raise TextBomb
            added += int(count.group(1))
    if b"-repeated" not in piece:
        return added
    for repeats, start, end in _repeats(piece):
        text = _repeated_part_text(piece, start, end)
        if text:
            added += (repeats - 1) * text
            if added > MAX_TEXT_REPEATED:
                raise TextBomb
    return added


def _repeats(part: bytes) -> Iterator[tuple[int, int, int]]:
    """(repeats, start, end) of each opening tag in `part` that repeats something (see _REPEATS)."""
    found = list(_REPEATS.finditer(part))
    if b"string-value" in part:
        found += (tag for tag in _REPEATS_EMPTY.finditer(part) if b"string-value" in _opening_tag(part, tag))
    for repeated in found:
        start = part.rfind(b"<", 0, repeated.start())
        if start < 0:
            raise TextBomb
        yield int(repeated.group(1)), start, repeated.end()


def _opening_tag(part: bytes, repeated: re.Match) -> bytes:
    return part[part.rfind(b"<", 0, repeated.start()) : repeated.end()]


def _repeated_part_text(piece: bytes, start: int, end: int) -> int:
    """The text of the repeated row or cell whose opening tag is piece[start:end] (0 for a column's description)."""
    tag = piece[start:end]
    row = tag.startswith(b"<table:table-row")
    if not (row or tag.startswith(_CELL_STARTS)):
        return 0
    own = len(tag) if b"string-value" in tag else 0
    if tag.endswith(b"/>"):
        return own
    close = piece.find(b"</table:table-row>" if row else b"</table:", end)
    if close < 0:
        raise TextBomb
    body = piece[end:close]
    if not row:
        return own + (_text(body) if b"<text:" in body or b"string-value" in body else 0)
    text = _text(body)
    for repeats, cell_start, cell_end in _repeats(body):  # the row's own repeated cells, as often as they repeat
        text += (repeats - 1) * _repeated_part_text(body, cell_start, cell_end)
    return text
