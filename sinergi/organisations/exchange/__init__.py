"""The LKS registry as a spreadsheet: columns of the import template, the import rules and the export.

Natural key (how a row finds the LKS it updates): the nomor tanda daftar; when a row has none, the nomor izin
operasional; when it has neither, the name together with the region code (desa/kelurahan, or the kecamatan or
kabupaten/kota written). A row that finds no LKS creates one, as a draft awaiting verification — exactly what
the registration form does. An empty cell never erases a stored value (use the form to clear a field).

Loaded by the exchange app's autodiscovery (`exchange` modules of every app), which registers the entity here, once.
The modules: `columns` (the sheet's columns, COLUMNS, the kind words), `entity` (LksEntity, its names and permissions,
combining the mixins of `matching`: which registered LKS a row is about; `planning`: a new LKS or a change, with the
services' checks; `writing`: saving a batch; `export`: the export of the registry), `_common` (the registry loaded
once for matching, how rows and regions are named, how cells compare).
"""

from sinergi.exchange.columns import register

from ..numbers import number_key
from ._common import DERIVED, name_key
from .columns import (
    COLUMNS,
    FK_FIELDS,
    LKS_KIND_ALIASES,
    LKS_KIND_OPTIONS,
    MODEL_KEYS,
    REGION_KEYS,
    ReadOnlyColumn,
    RegionColumn,
    RegionNameColumn,
)
from .entity import LksEntity

__all__ = [
    "COLUMNS",
    "DERIVED",
    "FK_FIELDS",
    "LKS_KIND_ALIASES",
    "LKS_KIND_OPTIONS",
    "MODEL_KEYS",
    "REGION_KEYS",
    "LksEntity",
    "ReadOnlyColumn",
    "RegionColumn",
    "RegionNameColumn",
    "name_key",
    "number_key",
]

register(LksEntity())
