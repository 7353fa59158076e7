"""RegionResolver, the per-import cache that finds a row's region by its Kemendagri code or by its kabupaten/
kota, kecamatan and desa/kelurahan names, and says what is wrong when it cannot (a code not on the list or recoded
since Papua's 2022 split, names that disagree with the code, a name not found or found twice); and whether a row's
region leaves a stored one as it is."""

import difflib
from collections import defaultdict
from collections.abc import Iterable

from django.utils.translation import gettext as _

from sinergi.core.deployment import deployment_province
from sinergi.regions.models import Region, RegionLevel

from .. import values as v
from .names import _LOCAL_KINDS, _VILLAGE_KIND, _VILLAGE_KIND_AS, _acronym, _full_key, _name_keys
from .nicknames import REGENCY_NICKNAMES

# The provinces whose codes were given anew when Papua was split in 2022: before it, 91 was Papua Barat and 94 Papua
# (94.01 Merauke, 94.71 Kota Jayapura); now 91 to 96 are Papua, Papua Barat, Papua Selatan, Papua Tengah, Papua
# Pegunungan and Papua Barat Daya. An older file's code may still be read, as another kabupaten/kota.
RECODED_PROVINCES = frozenset({"91", "92", "93", "94", "95", "96"})


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
            if problems := self._check_names(region, regency, district, village):
                return region, problems
            return self._below(region, regency, district, village)
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

    def _below(
        self, region: Region, regency: str, district: str, village: str
    ) -> tuple[Region | None, list[tuple[str, str]]]:
        """The kabupaten/kota, kecamatan and desa named beside a code that stops above them (63.71.01 with the desa
        Mantuil, the province's 63 with Kota Banjarmasin), looked up under the code: stored at the code's own level,
        the desa the row names was lost without a word."""
        if regency and region.level < RegionLevel.REGENCY:
            index = self._children_index(region.code)
            found = self._match(index, regency) or [
                candidate for candidate in self.regencies_named(regency) if candidate.parent_id == region.code
            ]  # (a short name, "Bjm", "HSS")
            if len(found) != 1:
                return None, [
                    ("regency_name", self._not_found(_("Kabupaten/kota"), regency, found, index, region.name))
                ]
            region = found[0]
        if district and region.level < RegionLevel.REGENCY:
            # A province's kecamatan are not told apart by name alone: its kabupaten/kota says where to look.
            return None, [
                ("regency_name", _("Isi Kabupaten/Kota (atau kode wilayah) agar kecamatan/desa dapat dicari."))
            ]
        if district and region.level < RegionLevel.DISTRICT:
            index = self._children_index(region.code)
            found = self._match(index, district)
            if len(found) != 1:
                return None, [("district_name", self._not_found(_("Kecamatan"), district, found, index, region.name))]
            region = found[0]
        if village and region.level < RegionLevel.VILLAGE:
            if region.level == RegionLevel.DISTRICT:
                index = self._children_index(region.code)
            else:
                index = self._villages_of_regency(region.code)
            found = self._match(index, village)
            if len(found) != 1:
                return None, [
                    ("village_name", self._not_found(_("Desa/kelurahan"), village, found, index, region.name))
                ]
            region = found[0]
        return region, []

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
        # The kecamatan and desa under the kabupaten/kota, as under a code that stops there.
        return self._below(found[0], "", district, village)

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


def region_same_or_within(stored: str | None, given: str) -> bool:
    """Whether a row's region leaves the stored one as it is: the same, or a coarser one containing it (a file that
    names only the kabupaten/kota of a desa already on record says less, not something else)."""
    return bool(stored) and (stored == given or stored.startswith(f"{given}."))
