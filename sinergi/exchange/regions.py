"""Finding a region from a spreadsheet row: by its Kemendagri code, or by kabupaten/kota, kecamatan and
desa/kelurahan names (which repeat across the country, so they are looked up inside their parent)."""

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable

from django.utils.translation import gettext as _

from sinergi.core.deployment import deployment_province
from sinergi.regions.models import Region, RegionLevel

from . import values as v

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
# Short names of kabupaten/kota in everyday use, by code, and former names still found in files ("Toba Samosir",
# "Mamuju Utara", "Maluku Tenggara Barat"). A short name two provinces use ("Mura": Musi Rawas, Murung Raya) is the
# server's province's, or asked about. Acronyms of names of three words or more (HSS, HST, HSU, OKU, TTS) are derived,
# not listed.
REGENCY_NICKNAMES = {
    # Aceh
    "11.02": ("agara",),
    "11.12": ("abdya",),
    # Sumatera Utara
    "12.01": ("tapteng",),
    "12.02": ("taput",),
    "12.03": ("tapsel",),
    "12.12": ("tobasa", "toba samosir"),
    "12.13": ("madina",),
    "12.14": ("nisel",),
    "12.16": ("humbahas",),
    "12.18": ("sergai",),
    "12.20": ("paluta",),
    "12.21": ("palas",),
    "12.22": ("labusel",),
    "12.23": ("labura",),
    # Sumatera Barat
    "13.01": ("pessel",),
    "13.09": ("mentawai",),
    "13.11": ("solsel",),
    "13.12": ("pasbar",),
    # Riau
    "14.02": ("inhu",),
    "14.04": ("inhil",),
    "14.06": ("rohul",),
    "14.07": ("rohil",),
    "14.09": ("kuansing",),
    "14.10": ("meranti",),
    # Jambi
    "15.06": ("tanjabbar",),
    "15.07": ("tanjabtim",),
    # Sumatera Selatan
    "16.05": ("mura",),
    "16.06": ("muba",),
    "16.13": ("muratara",),
    # Bengkulu
    "17.09": ("benteng",),
    # Lampung
    "18.01": ("lamsel",),
    "18.02": ("lamteng",),
    "18.03": ("lampura",),
    "18.04": ("lambar",),
    "18.05": ("tuba",),
    "18.07": ("lamtim",),
    "18.12": ("tubaba",),
    "18.13": ("pesibar",),
    # Kepulauan Bangka Belitung
    "19.03": ("basel",),
    "19.04": ("bateng",),
    "19.05": ("babar",),
    "19.06": ("beltim",),
    # Kepulauan Riau
    "21.05": ("anambas",),
    # Daerah Khusus Ibukota Jakarta
    "31.01": ("pulau seribu",),
    "31.71": ("jakpus",),
    "31.72": ("jakut",),
    "31.73": ("jakbar",),
    "31.74": ("jaksel",),
    "31.75": ("jaktim",),
    # Jawa Barat
    "32.17": ("kbb",),
    # Daerah Istimewa Yogyakarta
    "34.71": ("jogja", "jogjakarta", "yogya", "kota jogja"),
    # Banten
    "36.74": ("tangsel",),
    # Nusa Tenggara Barat
    "52.01": ("lobar",),
    "52.02": ("loteng",),
    "52.03": ("lotim",),
    "52.07": ("ksb",),
    "52.08": ("klu",),
    # Nusa Tenggara Timur
    "53.15": ("mabar",),
    "53.19": ("matim",),
    # Kalimantan Barat
    "61.11": ("kku",),
    # Kalimantan Tengah
    "62.01": ("kobar",),
    "62.02": ("kotim",),
    "62.04": ("barsel",),
    "62.05": ("barut",),
    "62.10": ("gumas",),
    "62.11": ("pulpis",),
    "62.12": ("mura",),
    "62.13": ("bartim",),
    # Kalimantan Selatan
    "63.01": ("tala",),
    "63.04": ("batola",),
    "63.10": ("tanbu",),
    "63.71": ("bjm", "banjarmasin kota"),
    "63.72": ("bjb",),
    # Kalimantan Timur
    "64.02": ("kukar",),
    "64.07": ("kubar",),
    "64.08": ("kutim",),
    "64.11": ("mahulu",),
    # Kalimantan Utara
    "65.04": ("ktt",),
    # Sulawesi Utara
    "71.01": ("bolmong",),
    "71.03": ("sangihe",),
    "71.04": ("talaud",),
    "71.05": ("minsel",),
    "71.06": ("minut",),
    "71.07": ("mitra",),
    "71.08": ("bolmut",),
    "71.09": ("sitaro",),
    "71.10": ("boltim",),
    "71.11": ("bolsel",),
    # Sulawesi Tengah
    "72.07": ("bangkep",),
    "72.08": ("parimo",),
    "72.09": ("touna", "tojo una-una"),
    "72.11": ("balut",),
    "72.12": ("morut",),
    # Sulawesi Selatan
    "73.01": ("selayar",),
    "73.10": ("pangkep",),
    "73.14": ("sidrap",),
    "73.18": ("tator",),
    "73.22": ("lutra",),
    "73.24": ("lutim",),
    "73.26": ("torut",),
    # Sulawesi Tenggara
    "74.05": ("konsel",),
    "74.08": ("kolut",),
    "74.09": ("konut",),
    "74.10": ("butur",),
    "74.11": ("koltim",),
    "74.12": ("konkep",),
    "74.13": ("mubar",),
    "74.14": ("buteng",),
    "74.15": ("busel",),
    # Gorontalo
    "75.03": ("bonebol",),
    "75.05": ("gorut",),
    # Sulawesi Barat
    "76.01": ("mamuju utara", "matra"),
    "76.04": ("polman",),
    "76.06": ("mateng",),
    # Maluku
    "81.02": ("malra",),
    "81.03": ("maluku tenggara barat", "mtb", "kkt"),
    "81.07": ("aru",),
    "81.09": ("bursel",),
    # Maluku Utara
    "82.01": ("halbar",),
    "82.02": ("halteng",),
    "82.03": ("halut",),
    "82.04": ("halsel",),
    "82.06": ("haltim",),
    "82.07": ("morotai",),
    "82.08": ("taliabu",),
}


# Older or shorter words for a region's kind, as written in office files: "Kodya Banjarmasin", "Ds. Mantuil".
# The provinces whose codes were given anew when Papua was split in 2022: before it, 91 was Papua Barat and 94 Papua
# (94.01 Merauke, 94.71 Kota Jayapura); now 91 to 96 are Papua, Papua Barat, Papua Selatan, Papua Tengah, Papua
# Pegunungan and Papua Barat Daya. An older file's code may still be read, as another kabupaten/kota.
RECODED_PROVINCES = frozenset({"91", "92", "93", "94", "95", "96"})


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


class RegionResolver:
    """Per-import cache of regions; codes are fetched in batches, names level by level."""

    def __init__(self) -> None:
        self.by_code: dict[str, Region | None] = {}
        self._children: dict[str, dict[str, list[Region]]] = {}
        self._regencies: dict[str, list[Region]] | None = None
        # "" on a national server: no home province to warn about or to prefer in a suggestion.
        self.province = deployment_province()

    def prefetch(self, codes: Iterable[str | None]) -> None:
        wanted = {code for code in codes if code and code not in self.by_code}
        if not wanted:
            return
        found = {r.code: r for r in Region.objects.filter(code__in=wanted)}
        for code in wanted:
            self.by_code[code] = found.get(code)

    def resolve(
        self, *, code: str | None, regency: str = "", district: str = "", village: str = ""
    ) -> tuple[Region | None, list[tuple[str, str]]]:
        """The region and a list of (column key, message) problems; (None, []) when the row names no region."""
        if code:
            if code not in self.by_code:
                self.prefetch([code])
            region = self.by_code.get(code)
            if region is None:
                message = _("Kode wilayah %(code)s tidak ada dalam daftar wilayah Kemendagri.") % {"code": code}
                if code[:2] in RECODED_PROVINCES:
                    message += " " + _(
                        "Kode wilayah Papua diubah pada pemekaran 2022; bila kode ini dari data lama, pakai kode yang "
                        "berlaku sekarang."
                    )
                return None, [("region_code", message)]
            if not region.is_current:
                return None, [
                    (
                        "region_code",
                        _(
                            "Kode %(code)s (%(name)s) tidak berlaku lagi menurut keputusan terbaru; "
                            "pakai kode yang berlaku."
                        )
                        % {"code": code, "name": region.name},
                    )
                ]
            if not (regency or district or village):
                return region, []
            return region, self._check_names(region, regency, district, village)
        if not (regency or district or village):
            return None, []
        return self._by_names(regency, district, village)

    def recoded_warning(self, region: Region | None, *, code: str | None, named: bool) -> str:
        """A warning for a code of Papua's provinces given without a name beside it ("" otherwise): since the 2022
        split the same code may stand for another kabupaten/kota than in an older file, and nothing on the row
        shows which was meant."""
        if region is None or not code or named or code[:2] not in RECODED_PROVINCES:
            return ""
        regency = next((r for r in self._ancestry(region) if r.level == RegionLevel.REGENCY), region)
        return _(
            "Kode %(code)s dibaca sebagai %(name)s. Kode wilayah Papua diubah pada pemekaran 2022 (mis. 94.01 dahulu "
            "Kabupaten Merauke, kini Kabupaten Nabire): bila kode ini dari data lama, pakai kode yang berlaku "
            "sekarang. Tulis juga nama kabupaten/kotanya agar kode dan nama dicocokkan."
        ) % {"code": code, "name": regency.name if regency is region else f"{region.name}, {regency.name}"}

    def outside_warning(self, region: Region | None) -> str:
        """A warning for a region outside the server's province ("" otherwise): what is registered there shows in
        none of this province's reports and dashboards."""
        if region is None or not self.province or region.code.startswith(f"{self.province}."):
            return ""
        self.prefetch([region.code[:2], self.province])
        theirs, ours = self.by_code.get(region.code[:2]), self.by_code.get(self.province)
        return _(
            "Wilayah ini berada di provinsi %(theirs)s, di luar provinsi yang dilayani Sinergi ini (%(ours)s): datanya "
            "tidak akan tampil di laporan dan dasbor provinsi ini. Periksa kode atau nama wilayahnya."
        ) % {
            "theirs": theirs.name if theirs else region.code[:2],
            "ours": ours.name if ours else self.province,
        }

    def regencies_named(self, name: str) -> list[Region]:
        """The current kabupaten/kota a name, short name or code ("63.71", "63,71", "Bjm", "Kota Banjarmasin")
        stands for: several when the bare name is ambiguous, none when unknown."""
        try:
            code = v.parse_region_code(name)
        except v.CellProblem:
            code = None
        if code is not None and len(code) == 5:
            self.prefetch([code])
            region = self.by_code.get(code)
            return [region] if region is not None and region.is_current else []
        return self._match(self._regency_index(), name)

    def _check_names(self, region: Region, regency: str, district: str, village: str) -> list[tuple[str, str]]:
        """Names written beside a code must agree with it; a disagreement means one of them is wrong."""
        problems = []
        ancestors = {r.level: r for r in self._ancestry(region)}
        for key, level, name in (
            ("regency_name", RegionLevel.REGENCY, regency),
            ("district_name", RegionLevel.DISTRICT, district),
            ("village_name", RegionLevel.VILLAGE, village),
        ):
            actual = ancestors.get(level)
            regency_named = level == RegionLevel.REGENCY and name and actual is not None
            if regency_named and actual in self._match(self._regency_index(), name):
                continue  # a short name (HSS, Bjm) or the name in full
            written = _name_keys(name) | _name_keys(_LOCAL_KINDS.sub("", v.norm(name))) if name else set()
            if name and actual is not None and not written & _name_keys(actual.name):
                problems.append(
                    (
                        key,
                        _("Kode wilayah %(code)s berada di %(actual)s, bukan “%(name)s”. Periksa kode atau namanya.")
                        % {"code": region.code, "actual": actual.name, "name": name},
                    )
                )
        return problems

    def _ancestry(self, region: Region) -> list[Region]:
        parts = region.code.split(".")
        codes = [".".join(parts[:i]) for i in range(1, len(parts))]
        self.prefetch(codes)
        return [r for r in (self.by_code.get(c) for c in codes) if r is not None] + [region]

    def _by_names(self, regency: str, district: str, village: str) -> tuple[Region | None, list[tuple[str, str]]]:
        if not regency:
            return None, [
                ("regency_name", _("Isi Kabupaten/Kota (atau kode wilayah) agar kecamatan/desa dapat dicari."))
            ]
        found = self._match(self._regency_index(), regency)
        if len(found) > 1 and (district or village):
            # "Malang" is a kabupaten and a kota: the kecamatan or desa on the row says which, as the message asks.
            found = [candidate for candidate in found if self._lies_in(candidate, district, village)] or found
        if len(found) != 1:
            return None, [("regency_name", self._not_found(_("Kabupaten/kota"), regency, found, self._regency_index()))]
        region = found[0]
        if district:
            index = self._children_index(region.code)
            found = self._match(index, district)
            if len(found) != 1:
                return None, [("district_name", self._not_found(_("Kecamatan"), district, found, index, region.name))]
            region = found[0]
        if village:
            index = self._children_index(region.code) if district else self._villages_of_regency(region.code)
            found = self._match(index, village)
            if len(found) != 1:
                return None, [
                    ("village_name", self._not_found(_("Desa/kelurahan"), village, found, index, region.name))
                ]
            region = found[0]
        return region, []

    def _lies_in(self, regency: Region, district: str, village: str) -> bool:
        """Whether the row's kecamatan (or, without one, its desa) is found, once, in the kabupaten/kota."""
        if district:
            return len(self._match(self._children_index(regency.code), district)) == 1
        return len(self._match(self._villages_of_regency(regency.code), village)) == 1

    @classmethod
    def _match(cls, index: dict[str, list[Region]], name: str) -> list[Region]:
        found = cls._match_name(index, name)
        if not found and (bare := _LOCAL_KINDS.sub("", v.norm(name))) != v.norm(name):
            found = cls._match_name(index, bare)  # "Kapanewon Depok" is Depok, "Distrik Wamena" Wamena
        return found

    @staticmethod
    def _match_name(index: dict[str, list[Region]], name: str) -> list[Region]:
        matches: dict[str, Region] = {}
        for key in _name_keys(name):
            for region in index.get(key, []):
                matches[region.code] = region
        if len(matches) > 1:
            # "Kota Malang" also matches Kabupaten Malang by its bare name; the official name written in full wins.
            exact = [region for region in matches.values() if v.norm(region.name) == _full_key(name)]
            if len(exact) == 1:
                return exact
            # A desa and a kelurahan of one name in one kecamatan (14 pairs in Indonesia): "Kelurahan X" says which.
            if kind := _VILLAGE_KIND.match(v.norm(name)):
                of_kind = [region for region in matches.values() if region.kind == _VILLAGE_KIND_AS[kind[1]]]
                if len(of_kind) == 1:
                    return of_kind
        return list(matches.values())

    def _not_found(self, what, name: str, found: list[Region], index: dict[str, list[Region]], within: str = "") -> str:
        if (
            len(found) == 2
            and {r.kind for r in found} == {"desa", "kelurahan"}
            and found[0].parent_id == found[1].parent_id
        ):
            # Naming the kecamatan cannot help here: the word before the name can.
            desa, kelurahan = sorted(found, key=lambda r: r.kind)
            return _(
                "Di Kecamatan %(district)s ada desa dan kelurahan yang sama-sama bernama “%(name)s” (%(desa)s dan "
                "%(kelurahan)s). Tulis “Desa %(name)s” atau “Kelurahan %(name)s”, atau isi kode wilayah."
            ) % {"district": desa.parent.name, "name": desa.name, "desa": desa.code, "kelurahan": kelurahan.code}
        if len(found) > 1:
            return _(
                "%(what)s “%(name)s” ada lebih dari satu (%(codes)s). "
                "Isi kolom di atasnya (kecamatan) atau kode wilayah."
            ) % {"what": what, "name": name, "codes": ", ".join(sorted(r.code for r in found)[:5])}
        # A kabupaten/kota of the server's province first: "Jakarta Selatan" on a Jakarta server is not "Barito
        # Selatan" of another province, however close the letters.
        local = [
            key
            for key, regions in index.items()
            if self.province and any(r.code.startswith(f"{self.province}.") for r in regions)
        ]
        closest = difflib.get_close_matches(v.norm(name), local, n=1, cutoff=0.75) if local else []
        closest = closest or difflib.get_close_matches(v.norm(name), list(index), n=1, cutoff=0.75)
        where = _(" di %(within)s") % {"within": within} if within else ""
        if closest:
            suggestion = index[closest[0]][0].name
            return _("%(what)s “%(name)s” tidak ditemukan%(where)s. Mungkin maksud Anda “%(suggestion)s”?") % {
                "what": what,
                "name": name,
                "where": where,
                "suggestion": suggestion,
            }
        return _("%(what)s “%(name)s” tidak ditemukan%(where)s.") % {"what": what, "name": name, "where": where}

    def _regency_index(self) -> dict[str, list[Region]]:
        if self._regencies is None:
            index: dict[str, list[Region]] = defaultdict(list)
            for region in Region.objects.filter(level=RegionLevel.REGENCY, is_current=True):
                keys = _name_keys(region.name) | set(REGENCY_NICKNAMES.get(region.code, ()))
                if acronym := _acronym(region.name):
                    keys.add(acronym)
                for key in keys:
                    index[key].append(region)
            # The same name in two provinces (Kota Banjar in Jawa Barat, Kabupaten Banjar here): prefer ours.
            for key, regions in index.items():
                local = [r for r in regions if self.province and r.code.startswith(f"{self.province}.")]
                if len(regions) > 1 and len(local) == 1:
                    index[key] = local
            self._regencies = dict(index)
        return self._regencies

    def _children_index(self, parent_code: str) -> dict[str, list[Region]]:
        if parent_code not in self._children:
            index: dict[str, list[Region]] = defaultdict(list)
            for region in Region.objects.filter(parent_id=parent_code, is_current=True):
                for key in _name_keys(region.name):
                    index[key].append(region)
            self._children[parent_code] = dict(index)
        return self._children[parent_code]

    def _villages_of_regency(self, regency_code: str) -> dict[str, list[Region]]:
        key = f"villages:{regency_code}"
        if key not in self._children:
            index: dict[str, list[Region]] = defaultdict(list)
            villages = Region.objects.filter(
                level=RegionLevel.VILLAGE, code__startswith=f"{regency_code}.", is_current=True
            )
            for region in villages:
                for name_key in _name_keys(region.name):
                    index[name_key].append(region)
            self._children[key] = dict(index)
        return self._children[key]


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


def region_same_or_within(stored: str | None, given: str) -> bool:
    """Whether a row's region leaves the stored one as it is: the same, or a coarser one containing it (a file that
    names only the kabupaten/kota of a desa already on record says less, not something else)."""
    return bool(stored) and (stored == given or stored.startswith(f"{given}."))
