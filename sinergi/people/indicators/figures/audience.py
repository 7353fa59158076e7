"""What a page or an API call shows: the filters it passes (`IndicatorFilters`) and `Indicators`, the tables of
one area for one audience, exact within a signed-in actor's scope, suppressed for the public."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from sinergi.core.dates import shown
from sinergi.core.errors import PermissionDenied, ValidationError
from sinergi.vocabularies.models import Term, Vocabulary

from ...choices import ServiceSetting, WorkerRole
from ...models import SummaryLevel
from ..areas import Area, area_allowed, area_choices, area_get, indicator_scope, public_area_check, public_default_area
from ..suppression import suppression_threshold
from ..tables import Matrix, Trend
from .counts import TREND_MONTHS, children_in_care, clients_by_category, clients_trend, workers_by_category
from .months import add_months, month_start, parse_month

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from sinergi.accounts.models import User


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
        # Dates as the reader's language writes them (sinergi.core.dates), as the dashboard's tables' notes do: an
        # English reader takes "08-12-2026" for 12 August.
        notes.append((_("Dibuat"), shown(now, "datetime")))
        return notes

    def _as_of(self, key: str) -> str:
        today = shown(self.today)
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
