"""Stored records an import holds until the write, in a third of a dict's memory: StoredRecord, the slotted
types made per field list, and stored_records, which keeps repeating values once each.
"""

import functools
from typing import Any


class StoredRecord:
    """A stored record an import read, its fields by name as a dict's (record["full_name"], record.get("nik_masked"))
    in about a third of a dict's memory: a re-import of 100,000 unchanged rows holds every person and stay (or
    worker) it found until the write."""

    __slots__ = ()

    def __getitem__(self, key: str) -> Any:
        try:
            return getattr(self, key)
        except AttributeError:
            raise KeyError(key) from None

    def __setitem__(self, key: str, value: Any) -> None:
        setattr(self, key, value)

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key, default)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={self.get(k)!r}' for k in self.__slots__)})"


@functools.cache
def record_type(name: str, fields: tuple[str, ...]) -> type[StoredRecord]:
    return type(name, (StoredRecord,), {"__slots__": fields})


def stored_records(kind: type[StoredRecord], fields: tuple[str, ...], rows, shared: tuple[str, ...], share):
    """Records of `rows` (tuples in `fields`' order); the values of the `shared` fields, which repeat over thousands
    of records (codes, places, dates), kept once each."""
    kept_once = [key in shared for key in fields]
    for row in rows:
        record = kind()
        for key, value, once in zip(fields, row, kept_once, strict=True):
            setattr(record, key, share(value, value) if once else value)
        yield record
