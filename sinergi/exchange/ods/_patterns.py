"""The tags of content.xml that more than one of the scans looks for."""

import re

_CELL_STARTS = (b"<table:table-cell", b"<table:covered-table-cell")


_ROW_START = b"<table:table-row"


_TAG = re.compile(rb"<[^>]*>")
