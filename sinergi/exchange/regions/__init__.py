"""Finding a region from a spreadsheet row: by its Kemendagri code, or by kabupaten/kota, kecamatan and
desa/kelurahan names (which repeat across the country, so they are looked up inside their parent).

Callers import from the package (`from sinergi.exchange.regions import RegionResolver`); the modules below are by
concept: `names` (how a place's name is normalised and the keys it is looked up by), `nicknames` (the table of
kabupaten/kota short and former names), `resolver` (`RegionResolver`, the per-import cache that finds a region and
says what is wrong with a row's code or names, and `region_same_or_within`) and `examples` (the templates' place
examples as the server's province writes them).
"""

from .examples import EXAMPLE_DISTRICT, EXAMPLE_REGENCY, EXAMPLE_VILLAGE, local_examples, localised_example
from .names import _name_keys
from .nicknames import REGENCY_NICKNAMES
from .resolver import RECODED_PROVINCES, RegionResolver, region_same_or_within

__all__ = [
    "EXAMPLE_DISTRICT",
    "EXAMPLE_REGENCY",
    "EXAMPLE_VILLAGE",
    "RECODED_PROVINCES",
    "REGENCY_NICKNAMES",
    "RegionResolver",
    "_name_keys",
    "local_examples",
    "localised_example",
    "region_same_or_within",
]
