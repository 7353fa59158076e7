"""The tables counted from the summary tables only: clients by PPKS category (now or at a month's end), their
trend, children by form of care, workers by PSKS category; each area's exact figures, before any suppression."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.core.dates import shown
from sinergi.vocabularies.models import Term, Vocabulary

from ...choices import ServiceSetting
from ...models import PlacementActive, PlacementMonthly, WorkerCount
from ..areas import Area
from ..tables import Label, Matrix, Trend, TrendMonth
from .months import add_months, month_start, public_month_end_frozen

TREND_MONTHS = 24


def _terms(vocabulary: str) -> list[Label]:
    return [Label(t.code, t.label) for t in Term.objects.filter(vocabulary=vocabulary, is_active=True)]


def child_ppks_codes() -> list[str]:
    """The PPKS categories of children: those an LKS Anak serves (vocabulary), else the `anak_` codes."""
    kind = Term.objects.filter(vocabulary=Vocabulary.LKS_KIND, code="anak").first()
    codes = list((kind.attributes or {}).get("ppks", [])) if kind else []
    return codes or list(
        Term.objects.filter(vocabulary=Vocabulary.PPKS, code__startswith="anak_").values_list("code", flat=True)
    )


def _with_extra(labels: list[Label], codes: Iterable[str]) -> list[Label]:
    """Labels plus any code found in the data but no longer in the vocabulary/tree, so totals stay whole."""
    known = {label.code for label in labels}
    return labels + [Label(code, code) for code in sorted(set(codes) - known)]


def clients_by_category(
    *,
    area: Area,
    setting: str = "",
    ppks: str = "",
    month: datetime.date | None = None,
    frozen: bool = False,
) -> Matrix:
    """Active placements by PPKS category × the areas below `area`, now or at the end of `month`; `frozen`: as the
    public's figures of that month were frozen (public_month_end_frozen)."""
    if frozen and month is not None:
        active, later = public_month_end_frozen(month).filter(area.rows_q()), None
    else:
        active, later = PlacementActive.objects.filter(area.rows_q()), PlacementMonthly.objects.filter(area.rows_q())
    # (a queryset's truth would run it: None is tested for)
    if setting:
        active = active.filter(setting=setting)
        later = later.filter(setting=setting) if later is not None else None
    if ppks:
        active = active.filter(ppks_code=ppks)
        later = later.filter(ppks_code=ppks) if later is not None else None
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for row in active.values("ppks_code", "area_code").annotate(n=Sum("active")).order_by():
        counts[(row["ppks_code"], row["area_code"])] += row["n"]
    if month is not None and later is not None:
        # Active at the end of M = active now − admissions after M + discharges after M (see summaries.py).
        rows = later.filter(month__gt=month_start(month)).values("ppks_code", "area_code")
        for row in rows.annotate(a=Sum("admissions"), d=Sum("discharges")).order_by():
            counts[(row["ppks_code"], row["area_code"])] += row["d"] - row["a"]
    title = _("Penerima layanan aktif menurut kategori PPKS dan wilayah")
    if month is not None:
        title += " " + _("(akhir %(month)s)") % {"month": month.strftime("%Y-%m")}
    categories = _terms(Vocabulary.PPKS)
    if ppks:
        categories = [c for c in categories if c.code == ppks]
    return Matrix(
        key="clients",
        title=title,
        row_header=_("Kategori PPKS"),
        rows=_with_extra(categories, {r for r, _c in counts}),
        columns=_with_extra(area.children(), {c for _r, c in counts}),
        counts={key: value for key, value in counts.items() if value},
    )


def clients_trend(*, area: Area, setting: str = "", ppks: str = "", months: int = TREND_MONTHS, today=None) -> Trend:
    """The last `months` months of `area`: active at each month's end, admissions and discharges."""
    today = today or timezone.localdate()
    last = month_start(today)
    first = add_months(last, -(months - 1))
    active = PlacementActive.objects.filter(area_code=area.code)
    monthly = PlacementMonthly.objects.filter(area_code=area.code, month__gte=first)
    if setting:
        active, monthly = active.filter(setting=setting), monthly.filter(setting=setting)
    if ppks:
        active, monthly = active.filter(ppks_code=ppks), monthly.filter(ppks_code=ppks)
    now = active.aggregate(n=Sum("active"))["n"] or 0
    by_month = {
        row["month"]: (row["a"] or 0, row["d"] or 0)
        for row in monthly.values("month").annotate(a=Sum("admissions"), d=Sum("discharges")).order_by()
    }
    # Walk back from now: future-dated rows (after this month) first, then month by month.
    running = now - sum(a - d for m, (a, d) in by_month.items() if m > last)
    result: list[TrendMonth] = []
    for i in range(months):
        month = add_months(last, -i)
        admissions, discharges = by_month.get(month, (0, 0))
        result.append(TrendMonth(month, running, admissions, discharges))
        running -= admissions - discharges
    result.reverse()
    return Trend(key="trend", title=_("Tren %(n)s bulan terakhir") % {"n": months}, months=result)


def children_in_care(*, area: Area, month: datetime.date | None = None) -> Matrix:
    """Children (the PPKS categories of an LKS Anak) in residential vs family-based care, by area, now or at the end
    of `month` (worked out from the monthly rows as the clients table is, so the two agree for any month)."""
    codes = child_ppks_codes()
    rows = (
        PlacementActive.objects.filter(area.rows_q(), ppks_code__in=codes)
        .values("area_code", "setting")
        .annotate(n=Sum("active"))
        .order_by()
    )
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for row in rows:
        counts[(row["area_code"], row["setting"])] += row["n"]
    if month is not None:
        later = PlacementMonthly.objects.filter(area.rows_q(), ppks_code__in=codes, month__gt=month_start(month))
        for row in later.values("area_code", "setting").annotate(a=Sum("admissions"), d=Sum("discharges")).order_by():
            counts[(row["area_code"], row["setting"])] += row["d"] - row["a"]
    title = _("Anak dalam pengasuhan panti (residensial) dan berbasis keluarga")
    if month is not None:
        title += " " + _("(akhir %(month)s)") % {"month": month.strftime("%Y-%m")}
    counts = {key: value for key, value in counts.items() if value}
    return Matrix(
        key="children",
        title=title,
        row_header=area.breakdown_label,
        rows=_with_extra(area.children(), {r for r, _c in counts}),
        columns=[Label(value, str(label)) for value, label in ServiceSetting.choices],
        counts=counts,
    )


def workers_by_category(*, area: Area, role: str = "", as_of: datetime.date | None = None) -> Matrix:
    """Active workers by PSKS category × the areas below `area`, as they are today: the summary keeps no history of
    workers. `as_of` (today) is written into the title, for a page whose other tables are of an earlier month."""
    qs = WorkerCount.objects.filter(area.rows_q())
    if role:
        qs = qs.filter(role=role)
    counts = {
        (row["psks_code"], row["area_code"]): row["n"]
        for row in qs.values("psks_code", "area_code").annotate(n=Sum("active")).order_by()
        if row["n"]
    }
    title = _("Pekerja sosial (PSKS) aktif menurut kategori dan wilayah")
    if as_of is not None:
        title += " " + _("(saat ini, %(date)s)") % {"date": shown(as_of)}
    return Matrix(
        key="workers",
        title=title,
        row_header=_("Kategori PSKS"),
        rows=_with_extra(_terms(Vocabulary.PSKS), {r for r, _c in counts}),
        columns=_with_extra(area.children(), {c for _r, c in counts}),
        counts=counts,
    )
