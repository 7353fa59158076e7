"""Number columns: whole numbers (with the unit a header names), decimals and coordinates; and the ID and version
columns our exports write beside each record, read back (stale_row_message: why a row of an older version is
refused)."""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from .. import values as v
from .base import Column, ImportContext


@dataclass
class RecordIdColumn(Column):
    """The ID column of our exports, read back: a row with an ID is about that record, so a corrected name or
    birth date updates it instead of registering someone new. Not in the template (new rows have none)."""

    in_template = False
    memoize = False

    def clean(self, raw: Any, ctx: "ImportContext") -> int | None:
        return v.parse_int(raw, min_value=1, max_value=2**63 - 1)  # a database key: 64 bits at most


class RecordVersionColumn(Column):
    """The version our exports write beside each ID, read back: a row from a file exported before the record was
    changed (by someone else, or by an earlier import of the same file) would put the old values back over the
    change. Such a row is refused when it would change anything, as a form with a stale version is
    (stale_row_message). Not in the template."""

    in_template = False
    memoize = False

    def clean(self, raw: Any, ctx: "ImportContext") -> int | None:
        return v.parse_int(raw, min_value=1, max_value=2**31 - 1)


def stale_row_message(in_file: int, stored: int) -> str:
    return _(
        "Data ini sudah diubah sejak file ini diekspor (versi di file %(file)s, kini %(stored)s); mengimpor baris ini "
        "akan mengembalikan isian lama. Ekspor ulang, lalu ulangi perubahan Anda di file baru."
    ) % {"file": in_file, "stored": stored}


@dataclass
class IntegerColumn(Column):
    min_value: int | None = None
    max_value: int | None = None
    # Words that may follow the number, the unit the header names ("50 orang" under "Kapasitas (orang)").
    units: tuple[str, ...] = ()

    def clean(self, raw: Any, ctx: "ImportContext") -> int | None:
        return v.parse_int(raw, min_value=self.min_value, max_value=self.max_value, units=self.units)


@dataclass
class DecimalColumn(Column):
    places: int = 6

    def clean(self, raw: Any, ctx: "ImportContext") -> Any:
        return v.parse_decimal(raw, places=self.places)


@dataclass
class CoordinateColumn(DecimalColumn):
    axis: str = "latitude"

    def clean(self, raw: Any, ctx: "ImportContext") -> Any:
        return v.parse_coordinate(raw, axis=self.axis, places=self.places)
