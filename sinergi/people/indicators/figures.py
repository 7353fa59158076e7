"""The figures, read from the summary tables only, and the `Indicators` of one area for one audience."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet, Sum
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from sinergi.core.errors import PermissionDenied, ValidationError
from sinergi.vocabularies.models import Term, Vocabulary

from ..choices import ServiceSetting, WorkerRole
from ..models import (
    PlacementActive,
    PlacementMonthly,
    PublicClientsMonth,
    PublicClientsMonthEnd,
    SummaryLevel,
    WorkerCount,
)
from .areas import (
    Area,
    area_allowed,
    area_choices,
    area_get,
    indicator_scope,
    public_area_check,
    public_default_area,
)
from .suppression import suppression_threshold
from .tables import Label, Matrix, Trend, TrendMonth

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from sinergi.accounts.models import User

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


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def parse_month(value: str | None) -> datetime.date | None:
    """ "2025-03" → 1 March 2025; ValidationError for anything else."""
    if not value:
        return None
    try:
        return datetime.datetime.strptime(value.strip(), "%Y-%m").date()
    except ValueError:
        raise ValidationError({"month": [_("Bulan harus berformat TTTT-BB, misalnya 2025-03.")]}) from None


def public_month_end_frozen(month: datetime.date) -> QuerySet[PublicClientsMonthEnd]:
    """The public's clients figures at the end of `month`, every area's, as they were when the public first asked
    for them (frozen then: PublicClientsMonthEnd). Frozen in one transaction, the month's marker row first: a second
    first reader waits at the marker (its unique month) and then reads what the first wrote."""
    month = month_start(month)
    if not PublicClientsMonth.objects.filter(month=month).exists():
        with transaction.atomic():
            _marker, made = PublicClientsMonth.objects.get_or_create(month=month)
            if made:
                counts: dict[tuple, int] = defaultdict(int)
                keys = ("level", "area_code", "parent_code", "ppks_code", "setting")
                for row in PlacementActive.objects.values(*keys, "active"):
                    counts[tuple(row[k] for k in keys)] += row["active"]
                later = PlacementMonthly.objects.filter(month__gt=month).values(*keys).order_by()
                for row in later.annotate(a=Sum("admissions"), d=Sum("discharges")):
                    counts[tuple(row[k] for k in keys)] += row["d"] - row["a"]
                PublicClientsMonthEnd.objects.bulk_create(
                    [
                        PublicClientsMonthEnd(month=month, **dict(zip(keys, key, strict=True)), active=n)
                        for key, n in counts.items()
                        if n
                    ]  # fmt: skip
                )
    return PublicClientsMonthEnd.objects.filter(month=month)


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
        title += " " + _("(saat ini, %(date)s)") % {"date": as_of.strftime("%d-%m-%Y")}
    return Matrix(
        key="workers",
        title=title,
        row_header=_("Kategori PSKS"),
        rows=_with_extra(_terms(Vocabulary.PSKS), {r for r, _c in counts}),
        columns=_with_extra(area.children(), {c for _r, c in counts}),
        counts=counts,
    )


# --- what a page or an API call shows --------------------------------------------------------------------


@dataclass
class IndicatorFilters:
    """Validated query parameters shared by the pages and the API."""

    region: str = ""
    setting: str = ""
    ppks: str = ""
    month: datetime.date | None = None
    role: str = ""

    @classmethod
    def from_query(cls, query) -> IndicatorFilters:
        """From request.GET / query_params; ValidationError listing every bad parameter at once."""
        problems: dict[str, list[str]] = {}
        setting = (query.get("setting") or "").strip()
        if setting and setting not in ServiceSetting.values:
            problems["setting"] = [_("Bentuk layanan harus residential atau community.")]
        ppks = (query.get("ppks") or "").strip()
        if ppks and not Term.objects.filter(vocabulary=Vocabulary.PPKS, code=ppks).exists():
            problems["ppks"] = [_("Kategori PPKS “%(code)s” tidak dikenal.") % {"code": ppks}]
        role = (query.get("role") or "").strip()
        if role and role not in WorkerRole.values:
            problems["role"] = [_("Peran pekerja “%(code)s” tidak dikenal.") % {"code": role}]
        month = None
        try:
            month = parse_month(query.get("month"))
        except ValidationError as error:
            problems.update(error.message_dict)
        if problems:
            raise ValidationError(problems)
        return cls(region=(query.get("region") or "").strip(), setting=setting, ppks=ppks, month=month, role=role)


def public_table_message() -> str:
    return _(
        "Tabel ini hanya tersedia bagi pengguna yang masuk: angkanya adalah angka tabel penerima layanan yang dipilah "
        "lain, dan di samping tabel itu dapat membuka angka kecil yang disembunyikan."
    )


class Indicators:
    """The figures of one area for one audience: exact within a signed-in actor's scope, suppressed for the public.

    `actor=None` (or an anonymous user) means the public. Raises PermissionDenied when a signed-in actor asks
    for an area outside their scope, or has no aggregate scope at all.
    """

    TABLES = ("clients", "trend", "children", "workers")
    # What the public gets. The trend (a province's is the sum of its kabupaten/kota's; its actives are the clients
    # table's totals month by month) and the children table (a residential/community split of the clients table's
    # child categories) are the same figures cut otherwise, suppressed on their own: beside the clients table they
    # would give its hidden cells away (docs/decisions/0007).
    PUBLIC_TABLES = ("clients", "workers")

    def __init__(
        self,
        *,
        actor: User | AnonymousUser | None = None,
        filters: IndicatorFilters | None = None,
        public: bool | None = None,
        today=None,
    ):
        self.filters = filters or IndicatorFilters()
        self.public = public if public is not None else not (actor is not None and actor.is_authenticated)
        self.today = today or timezone.localdate()
        self.scope: list[str] | None = None if self.public else indicator_scope(actor)
        if self.scope is not None and not self.scope:
            raise PermissionDenied(_("Akun Anda tidak memiliki wilayah untuk melihat angka gabungan."))
        requested = self.filters.region
        if not requested and self.scope:
            requested = sorted(self.scope)[0]
        self.area = public_default_area() if self.public and not requested else area_get(requested)
        if self.public:
            public_area_check(self.area)
        if not area_allowed(self.area, self.scope):
            raise PermissionDenied(_("Wilayah ini di luar cakupan akun Anda."))
        self.threshold = suppression_threshold() if self.public else None
        if self.public:
            self._refuse_public_breakdowns()

    def _refuse_public_breakdowns(self) -> None:
        """The public sees each area whole. A table broken down by form of service, PPKS category or worker role is
        a part of the whole table, suppressed on its own: set side by side with it, a cell hidden in one would show
        in the other (all = residential + community), so these breakdowns are for signed-in users only."""
        f = self.filters
        message = _(
            "Pemilahan menurut bentuk layanan, kategori PPKS, atau peran pekerja hanya tersedia bagi pengguna yang "
            "masuk: tabel publik yang dipilah dapat dibandingkan dengan tabel utuhnya untuk membuka angka kecil yang "
            "disembunyikan."
        )
        problems = {name: [message] for name in ("setting", "ppks", "role") if getattr(f, name)}
        if f.month is not None and f.month != self.month:
            # Two months side by side give each cell's change: a flow of people in or out, often a small one. (The
            # last complete month is the one the public is shown: asked for, it is what it gets.)
            problems["month"] = [
                _(
                    "Angka per akhir bulan yang lalu hanya tersedia bagi pengguna yang masuk: dua bulan berdampingan "
                    "memperlihatkan perubahan kecil per sel yang disembunyikan."
                )
            ]
        if problems:
            raise ValidationError(problems)

    def _finish(self, table, whole: Callable[[Area], Matrix] | None = None):
        """The table as this audience sees it. For the public, a kabupaten/kota's table is a part of its province's
        (the same figures in one column): it hides at least what the province's hides there, or the two side by
        side would show a cell one of them hides."""
        if not self.public:
            return table
        if whole is not None and self.area.level == SummaryLevel.REGENCY:
            province = whole(area_get(self.area.code[:2])).suppressed(self.threshold)
            return table.suppressed(self.threshold, hidden_in_whole=province.hidden_keys())
        return table.suppressed(self.threshold)

    @cached_property
    def clients(self) -> Matrix:
        f = self.filters
        return self._finish(
            clients_by_category(area=self.area, setting=f.setting, ppks=f.ppks, month=self.month, frozen=self.public),
            lambda area: clients_by_category(
                area=area, setting=f.setting, ppks=f.ppks, month=self.month, frozen=self.public
            ),
        )

    @cached_property
    def trend(self) -> Trend:
        f = self.filters
        return self._finish(clients_trend(area=self.area, setting=f.setting, ppks=f.ppks, today=self.today))

    @cached_property
    def children(self) -> Matrix:
        month = self.month
        return self._finish(
            children_in_care(area=self.area, month=month), lambda area: children_in_care(area=area, month=month)
        )

    @cached_property
    def workers(self) -> Matrix:
        role = self.filters.role
        # Workers have no monthly history: beside tables of an earlier month, the title says the figures are today's.
        as_of = self.today if self.workers_are_current_only else None
        return self._finish(
            workers_by_category(area=self.area, role=role, as_of=as_of),
            lambda area: workers_by_category(area=area, role=role),
        )

    @property
    def workers_are_current_only(self) -> bool:
        """Whether the other tables are of a month's end, which the workers table cannot show (it shows today's)."""
        return self.month is not None

    @property
    def month(self) -> datetime.date | None:
        """The month at whose end the clients (and children) figures are; None: as they are now.

        Signed in: the month asked for, else now. The public: always the last complete month. The summary tables
        change with every admission and discharge, so figures published as they are now, read on two days, would
        show one child's admission as +1 in its cell (its PPKS category, its kabupaten/kota): what refusing the
        public an earlier month is for. As of the end of the last complete month, every reading in a month is the
        same (docs/privacy.md)."""
        if self.public:
            return add_months(month_start(self.today), -1)
        return self.filters.month

    def figures_date(self, key: str) -> datetime.date:
        """The day a table's figures are of: the end of `month` for the tables that follow it, else today."""
        if self.month is not None and "month" in self.TABLE_FILTERS[key]:
            return add_months(self.month, 1) - datetime.timedelta(days=1)
        return self.today

    def table(self, key: str) -> Matrix | Trend:
        if key not in self.TABLES:
            raise KeyError(key)
        if key not in self.tables_shown:
            raise ValidationError({"table": [public_table_message()]})
        return getattr(self, key)

    # Which of the page's filters each table follows (the others leave it as it is).
    TABLE_FILTERS = {
        "clients": ("setting", "ppks", "month"),
        "trend": ("setting", "ppks"),
        "children": ("month",),
        "workers": ("role",),
    }

    def download_notes(self, key: str, *, now: datetime.datetime | None = None) -> list[tuple[str, str]]:
        """What a downloaded table's figures are, as (label, text): the table, the area, the time they are of, the
        filters that apply to this table, whose figures (exact in the reader's scope, or suppressed for the public)
        and when the file was made. A download's second sheet, "Keterangan"."""
        table = self.table(key)
        f = self.filters
        area = f"{self.area.name} ({self.area.code})" if self.area.code else self.area.name
        notes = [(_("Tabel"), table.title), (_("Wilayah"), area), (_("Per"), self._as_of(key))]
        applied = self.TABLE_FILTERS[key]
        if "setting" in applied and f.setting:
            notes.append((_("Bentuk layanan"), str(ServiceSetting(f.setting).label)))
        if "ppks" in applied and f.ppks:
            term = Term.objects.filter(vocabulary=Vocabulary.PPKS, code=f.ppks).first()
            notes.append((_("Kategori PPKS"), term.label if term else f.ppks))
        if "role" in applied and f.role:
            notes.append((_("Peran pekerja"), str(WorkerRole(f.role).label)))
        if self.public:
            audience = _("Publik: angka di bawah %(threshold)s disembunyikan (*), juga angka yang dapat dipakai untuk "
                         "menghitungnya kembali.") % {"threshold": self.threshold}  # fmt: skip
        else:
            audience = _("Angka lengkap (pengguna yang masuk), seluruh LKS di wilayah ini.")
        notes.append((_("Angka"), audience))
        now = timezone.localtime(now) if now else timezone.localtime()
        notes.append((_("Dibuat"), now.strftime("%d-%m-%Y %H:%M")))
        return notes

    def _as_of(self, key: str) -> str:
        today = self.today.strftime("%d-%m-%Y")
        month = self.month
        if key == "trend":
            return _("%(n)s bulan sampai %(month)s") % {"n": TREND_MONTHS, "month": self.today.strftime("%Y-%m")}
        if month is not None and "month" in self.TABLE_FILTERS[key]:
            if self.public:
                return self.public_as_of
            return _("akhir %(month)s") % {"month": month.strftime("%Y-%m")}
        return _("saat ini (%(date)s)") % {"date": today}

    @property
    def public_as_of(self) -> str:
        """What the public's clients figures are of, e.g. "Data per 30 November 2026 (akhir bulan lengkap terakhir)"."""
        day = formats.date_format(self.figures_date("clients"), "j F Y")
        return _("Data per %(date)s (akhir bulan lengkap terakhir)") % {"date": day}

    def download_name(self, key: str) -> str:
        """A downloaded table's file name without the date: the table, the area and what the figures are of
        (month, the filters applied to it), e.g. "sinergi-clients-6303-akhir-2025-06-residential"."""
        f = self.filters
        applied = self.TABLE_FILTERS[key]
        parts = ["sinergi", key, self.area.code.replace(".", "") or "id"]
        if "month" in applied and self.month is not None:
            parts.append(_("akhir %(month)s") % {"month": self.month.strftime("%Y-%m")})
        elif key == "workers" and self.month is not None:
            parts.append(_("saat ini"))  # not of the month asked for: the file's date is the figures'
        parts += [getattr(f, name) for name in ("setting", "ppks", "role") if name in applied and getattr(f, name)]
        if self.public:
            parts.append(_("publik"))
        return "-".join(parts)

    @property
    def tables_shown(self) -> tuple[str, ...]:
        return self.PUBLIC_TABLES if self.public else self.TABLES

    @cached_property
    def choices(self) -> list[Area]:
        return area_choices(scope=self.scope, current=self.area, public=self.public)

    @property
    def audit_scope(self) -> list[str]:
        return ["*"] if self.scope is None else list(self.scope)
