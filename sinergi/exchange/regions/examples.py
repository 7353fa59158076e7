"""The templates' examples of a place (written for Kalimantan Selatan) as the server's province writes them:
its own kota, kecamatan and desa, codes and names, and the NIK examples' region digits. Apart because only the
templates and their help texts use it, not the import."""

import re

from sinergi.core.deployment import deployment_province
from sinergi.regions.models import Region, RegionLevel

from .. import values as v
from .names import _PREFIXES

# The templates' examples of a place, written for Kalimantan Selatan: a Kota, one of its kecamatan and a desa in it.
EXAMPLE_REGENCY, EXAMPLE_DISTRICT, EXAMPLE_VILLAGE = "63.71", "63.71.01", "63.71.01.1001"


def local_examples() -> dict[str, str]:
    """The templates' examples of a place as the server's province writes them ({} in Kalimantan Selatan, whose
    they are): Kalsel example -> the same kind of example in the province (its first kota, else its first
    kabupaten, that one's first kecamatan and desa), codes and names both, and the NIK examples' region digits. An
    operator in Surabaya fills in a template that shows 35.78…, not 63.71…"""
    province = deployment_province()
    # A national server has no province of its own: its operators of every province read Kalsel's examples.
    if not province or province == EXAMPLE_REGENCY[:2]:
        return {}
    regencies = Region.objects.filter(parent_id=province, level=RegionLevel.REGENCY, is_current=True).order_by("code")
    regency = regencies.filter(code__gte=f"{province}.71").first() or regencies.first()
    if regency is None:
        return {}  # the province's regions are not loaded: the examples stay as written
    district = Region.objects.filter(parent_id=regency.code, is_current=True).order_by("code").first()
    village = district and Region.objects.filter(parent_id=district.code, is_current=True).order_by("code").first()
    if district is None or village is None:
        return {}
    ours = Region.objects.in_bulk([EXAMPLE_REGENCY, EXAMPLE_DISTRICT, EXAMPLE_VILLAGE])
    swaps = {EXAMPLE_VILLAGE: village.code, EXAMPLE_REGENCY: regency.code, EXAMPLE_DISTRICT: district.code}
    if len(ours) == 3:
        swaps.update(
            {
                ours[EXAMPLE_REGENCY].name: regency.name,
                _PREFIXES.sub("", v.norm(ours[EXAMPLE_REGENCY].name)).title(): _bare_name(regency.name),
                ours[EXAMPLE_DISTRICT].name: district.name,
                ours[EXAMPLE_VILLAGE].name: village.name,
            }
        )
    swaps[EXAMPLE_DISTRICT.replace(".", "")] = district.code.replace(".", "")  # a NIK's first six digits
    return swaps


def _bare_name(name: str) -> str:
    """A kabupaten/kota's name without its kind, as a birth place is written ("Kota Surabaya" -> "Surabaya")."""
    return re.sub(r"^(?:Kabupaten|Kota)(?: Administrasi)?\s+", "", name)


def localised_example(text: str, swaps: dict[str, str]) -> str:
    """`text` (an example or a help text) with the Kalsel examples in it replaced by the province's (see
    local_examples); longest first, so that a code is not replaced inside a longer one."""
    for old in sorted(swaps, key=len, reverse=True):
        if old in text:
            text = text.replace(old, swaps[old])
    return text
