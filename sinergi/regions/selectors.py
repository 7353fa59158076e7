"""Reads of the region tree.

Regions are public reference data (the Kemendagri decree), so unlike every other app's selectors these are not
scoped through `restrict`: anyone may see any region.
"""

from collections.abc import Iterable

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from sinergi.core.deployment import deployment_province

from .codes import ancestor_codes, code_prefix, normalize_code
from .models import Region, RegionLevel

SEARCH_LIMIT = 20


def region_get(*, code: str) -> Region | None:
    """The region with this code (dotted or digits only), retired or not; None if there is none."""
    normalized = normalize_code(code)
    if normalized is None:
        return None
    return Region.objects.filter(code=normalized).first()


def regency_names() -> dict[str, str]:
    """Every kabupaten/kota's name by its code (514 of them): for exports, which show the name a reader knows rather
    than the code, and which imports read back the same."""
    return dict(Region.objects.filter(level=RegionLevel.REGENCY).values_list("code", "name"))


def region_list(
    *,
    parent: str | None = None,
    q: str = "",
    level: int | None = None,
    within: str | None = None,
    include_retired: bool = False,
) -> QuerySet[Region]:
    """Regions by code order: the children of `parent`; else those of `level`; else (no `q`) the provinces.

    `q` matches names (case-insensitive, anywhere) or, when it looks like a code, code prefixes.
    """
    qs = Region.objects.all()
    if not include_retired:
        qs = qs.filter(is_current=True)
    if parent:
        qs = qs.filter(parent_id=parent)
    elif level is None and not q.strip():
        qs = qs.filter(level=1)
    if level is not None:
        qs = qs.filter(level=level)
    if within:
        qs = qs.filter(code__startswith=f"{within}.")
    if q.strip():
        qs = qs.filter(_match(q))
    return qs.order_by("code")


def region_search(
    *, q: str, level: int | Iterable[int] | None = None, within: str | None = None, limit: int = SEARCH_LIMIT
) -> tuple[list[Region], bool]:
    """At most `limit` current regions matching `q`, best first, and whether more exist.

    Best means: code prefix or exact name, then names starting with `q`, then names containing it; the deployment's
    own province, higher levels (kabupaten before desa) and then names alphabetically break ties.
    """
    text = " ".join(q.split())
    if not text:
        return [], False
    qs = Region.objects.filter(is_current=True).filter(_match(text))
    levels = _levels(level)
    if levels:
        qs = qs.filter(level__in=levels)
    if within:
        qs = qs.filter(code__startswith=f"{within}.")
    code = code_prefix(text)
    # Kabupaten/kota are named "Kabupaten Banjar", "Kota Banjarbaru": "banjar" should find them as if bare.
    rank = Case(
        When(
            Q(name__iexact=text) | Q(name__iexact=f"Kabupaten {text}") | Q(name__iexact=f"Kota {text}"), then=Value(0)
        ),
        When(
            Q(name__istartswith=text) | Q(name__istartswith=f"Kabupaten {text}") | Q(name__istartswith=f"Kota {text}"),
            then=Value(1),
        ),
        default=Value(2),
        output_field=IntegerField(),
    )
    # The deployment's own province first among equally good matches: a Kalsel user typing "Banjar" means theirs.
    # A national server has no home province ("" here): every province's "Banjar" is as good.
    home = deployment_province()
    elsewhere = (
        Case(
            When(Q(code=home) | Q(code__startswith=f"{home}."), then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        if home
        else Value(0)
    )
    order = ["level", "code"] if code else ["rank", "elsewhere", "level", "name", "code"]
    found = list(qs.annotate(rank=rank, elsewhere=elsewhere).order_by(*order)[: limit + 1])
    return found[:limit], len(found) > limit


def _levels(level: int | Iterable[int] | None) -> list[int]:
    if level is None:
        return []
    return [int(level)] if isinstance(level, int) else sorted({int(v) for v in level})


def _match(q: str) -> Q:
    text = " ".join(q.split())
    condition = Q(name__icontains=text)
    prefix = code_prefix(text)
    if prefix is not None:
        condition |= Q(code__startswith=prefix)
    return condition


def region_ancestors(region: Region) -> list[Region]:
    """The regions above `region`, province first (one query)."""
    codes = ancestor_codes(region.code)
    by_code = Region.objects.in_bulk(codes)
    return [by_code[c] for c in codes if c in by_code]


def region_paths(regions: Iterable[Region], *, below: str | None = None) -> dict[str, str]:
    """For each region, its name and those of its ancestors, nearest first: "Mantuil, Banjarmasin Selatan, Kota
    Banjarmasin, Kalimantan Selatan". Ancestors at or above the region `below` are left out (e.g. the province when
    the user already chose it). One query for the whole batch."""
    regions = list(regions)
    wanted = {c for r in regions for c in ancestor_codes(r.code)}
    names = dict(Region.objects.filter(code__in=wanted).values_list("code", "name")) if wanted else {}
    stop = set(ancestor_codes(below)) | {below} if below else set()
    paths = {}
    for region in regions:
        parts = [region.name]
        for code in reversed(ancestor_codes(region.code)):
            if code in stop:
                break
            if code in names:
                parts.append(names[code])
        paths[region.code] = ", ".join(parts)
    return paths


def region_path(region: Region, *, below: str | None = None) -> str:
    return region_paths([region], below=below)[region.code]
