"""Whom a row is about by name: titles, degrees and the marks of the deceased set aside (match_name), whether a
row agrees with the record its ID names (id_confirmed), and the warning when a row found by its NIK bears a name far
from the stored one.
"""

from typing import Any

from django.utils.translation import gettext as _

from sinergi.exchange import values as v

from ...services.rules import normalize_name

# ---------------------------------------------------------------------------------------------- names and titles
# Titles written before a name (Haji, doctor, engineer, professor, kyai, ustaz) and the degrees written after it:
# one list says "Budi Santoso", another "Drs. H. Budi Santoso, S.Sos., M.Si.". Compared with dots and case gone.
# A parent who died is marked so, before or after the name, in one list and not in the next: "Alm. Juwariah",
# "Juwariah (Almh)".
_DECEASED = frozenset({"alm", "almh", "almarhum", "almarhumah"})
_FRONT_TITLES = _DECEASED | frozenset(
    {"h", "hj", "hjh", "haji", "hajah", "hajjah", "dr", "drs", "dra", "ir", "prof", "ust", "ustadz", "ustadzah",
     "ustaz", "ustazah"}
)  # fmt: skip
_DEGREES = frozenset(
    {"ssos", "strsos", "spd", "spdi", "mpd", "msi", "ssi", "se", "sh", "shi", "mh", "st", "mt", "skom", "sikom",
     "mkom", "sag", "mag", "sip", "sipol", "skm", "mkes", "skep", "ns", "sked", "sfarm", "apt", "sgz", "spsi", "mpsi",
     "sthi", "sth", "shum", "mhum", "sak", "sp", "stp", "sst", "amd", "amdkep", "amdkeb", "amkeb", "amkep", "mm",
     "ma", "msc", "bsc", "ba", "phd", "lc", "mba", "ssn", "ssy", "ssosio"}
)  # fmt: skip


def _title_word(word: str, titles: frozenset[str]) -> bool:
    return word.replace(".", "").strip("()").lower() in titles


def match_name(value: str, *, normalized: str | None = None) -> str:
    """normalize_name of a name without the titles and degrees around it, for finding whom a row is about:
    "Drs. H. Budi Santoso, S.Sos." and "BUDI SANTOSO" compare equal. Dotless degrees count only after a comma
    ("Budi, SE"), so a word of the name is never taken for one; a name of titles only is compared whole."""
    value = value or ""
    if "," not in value and "." not in value and "(" not in value:
        first = value.split(maxsplit=1)[:1]
        last = value[value.rfind(" ") + 1 :]
        if not first or not (_title_word(first[0], _FRONT_TITLES) or _title_word(last, _DECEASED)):
            # No title: the commonest case by far, on every row of a large file (`normalized`: already done).
            return normalize_name(value) if normalized is None else normalized
    head, *after_commas = value.split(",")
    # A part after a comma that is not all degrees is part of the name ("Santoso, Budi").
    kept = [part for part in after_commas if not all(_title_word(w, _DEGREES) for w in part.split())]
    words = " ".join([head, *kept]).split()
    while len(words) > 1 and _title_word(words[0], _FRONT_TITLES):
        words.pop(0)
    while len(words) > 1 and "." in words[-1] and _title_word(words[-1], _DEGREES):
        words.pop()  # "Budi Santoso S.Pd." without the comma
    while len(words) > 1 and _title_word(words[-1], _DECEASED):
        words.pop()  # "Juwariah (Almh)", "Juwariah Alm."
    return normalize_name(" ".join(words)) or normalize_name(value)


def id_confirmed(values: dict[str, Any], stored: dict[str, Any]) -> bool:
    """Whether a row agrees with the record its ID names on something besides the ID: a column headed "ID" in the
    user's own list (a running number) would otherwise rewrite whoever bears that number. The NIK, the birth date
    or a name that may be the same one (a typo corrected) is enough; a row without a name, a partial correction
    file (ID, Telepon), contradicts nothing. `stored` holds full_name, birth_date and nik_hash."""
    if not values.get("full_name"):
        return True
    if not stored["nik_hash"] and stored["birth_date"] is None:
        # Nothing but the name to compare: a name given at last (an infant found without one) is a correction.
        return True
    if values.get("_nik_hash") and values["_nik_hash"] == stored["nik_hash"]:
        return True
    if values.get("birth_date") and values["birth_date"] == stored["birth_date"]:
        return True
    return v.same_one_named(stored["full_name"], values["full_name"])


def far_name_warning(given: str, stored: str) -> str:
    """A row found by its NIK whose name is hardly the stored one (values.names_far_apart): a mistyped NIK would
    change someone else's record, so the trial says so before anything is saved."""
    return _(
        "Nama di file (“%(given)s”) jauh berbeda dari nama yang tercatat untuk NIK ini (“%(stored)s”). Bila NIK-nya "
        "salah ketik, baris ini mengubah data orang lain: periksa sebelum mengimpor."
    ) % {"given": given, "stored": stored}
