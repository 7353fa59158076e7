"""How a place's name is read: its kind words ("Kab.", "Kodya", "Kec.", "Ds.", the local "Kapanewon" or
"Gampong") and short words ("Sei", "Kep.") normalised, and the keys a name is looked up by (with and without its
kind, run together, its acronym). Apart because both the resolver and the templates' examples read names so."""

import re

from .. import values as v

_PREFIXES = re.compile(r"^(?:(?:kabupaten|kab|kota)(?:\s+administrasi)?|kecamatan|kec|desa|kelurahan|kel)\s+")
# The local words for a kecamatan or a desa (DIY's kapanewon, kemantren and kalurahan, Papua's distrik and kampung,
# Aceh's gampong, Sumatera Barat's nagari, Lampung's pekon…). Many official names begin with one of them ("Kampung
# Baru", "Gampong Jawa"), so a name is looked up without it only when it is not found with it.
_LOCAL_KINDS = re.compile(
    r"^(?:kapanewon|kemantren|kalurahan|distrik|kampung|kampong|gampong|nagari|pekon|lembang|negeri|desa adat)\s+"
)
# "Desa X" or "Kelurahan X": which of the two, where a desa and a kelurahan share a name (RegionResolver._match_name).
_VILLAGE_KIND = re.compile(r"^(desa|kelurahan|kel)\s+")
_VILLAGE_KIND_AS = {"desa": "desa", "kelurahan": "kelurahan", "kel": "kelurahan"}
# Words written short in place names: "Sei Tabuk" is Sungai Tabuk, "Kep. Seribu" Kepulauan Seribu.
_PLACE_WORDS = {"sei": "sungai", "sg": "sungai", "kep": "kepulauan", "tj": "tanjung", "tg": "tanjung"}


# Older or shorter words for a region's kind, as written in office files: "Kodya Banjarmasin", "Ds. Mantuil".
_KIND_WORDS = re.compile(r"^(kodya|kotamadya|ds|kab kota|kab adm|kab|kota adm|kabupaten adm)\s+")
_KIND_AS = {
    "kodya": "kota ",
    "kotamadya": "kota ",
    "ds": "desa ",
    "kab kota": "",
    "kab": "kabupaten ",
    "kab adm": "kabupaten administrasi ",
    "kabupaten adm": "kabupaten administrasi ",
    "kota adm": "kota administrasi ",
}


def _full_key(name: str) -> str:
    """A name normalised, its kind word as the official names write it ("Kodya X" is "kota x", "Kab. X" "kabupaten
    x", "Kota Adm. X" "kota administrasi x")."""
    return _KIND_WORDS.sub(lambda m: _KIND_AS[m[1]], v.norm(name))


def _name_keys(name: str) -> set[str]:
    key = _full_key(name)
    bare = _PREFIXES.sub("", key)
    keys = {key, bare}
    words = bare.split()
    keys.add(" ".join(_PLACE_WORDS.get(word, word) for word in words))
    if len(words) > 1 and all(len(word) == 1 for word in words):
        keys.add("".join(words))  # "H.S.U." is HSU
    if len(words) > 1:
        keys.add("".join(words))  # "Gunung Kidul" is Gunungkidul, "Fakfak" Fak Fak
    return keys


def _acronym(name: str) -> str | None:
    words = _PREFIXES.sub("", v.norm(name)).split()
    return "".join(word[0] for word in words) if len(words) >= 3 else None
