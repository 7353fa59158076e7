"""A workbook's XML (an .xlsx sheet, an .ods content.xml) read in pieces that never split a tag, for the scans that
look at it with regular expressions instead of parsing it."""

from collections.abc import Iterator
from typing import BinaryIO

PIECE_BYTES = 4 * 1024 * 1024


def whole_pieces(handle: BinaryIO, size: int = PIECE_BYTES, *, before: bytes = b"") -> Iterator[bytes]:
    """The stream in pieces of about `size` bytes, each cut before its last `before` (a row's tag, say) or, when
    there is none, before its last "<", so that no tag is split between two. A tag (or text) longer than a piece is
    refused (ValueError): no producer writes one."""
    carry = b""
    while chunk := handle.read(size):
        data = carry + chunk
        cut = data.rfind(before) if before else -1
        if cut <= 0:
            cut = data.rfind(b"<")
        if cut <= 0:
            if len(data) > size:
                raise ValueError("a tag longer than a piece")
            carry = data
            continue
        data, carry = data[:cut], data[cut:]
        yield data
    if carry:
        yield carry
