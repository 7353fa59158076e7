"""The tables of the data-centre pages, built once from the selectors and used for both the page and the download.

Building page and download from the same `StatTable` is what guarantees that a downloaded file shows exactly the
numbers on the screen, under the same scope.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action, region_scope_codes
from sinergi.core.dates import shown
from sinergi.organisations.choices import OrganisationStatus
from sinergi.regions.models import Region

from . import selectors
from .selectors import BoardCoverage, CrossTab, ExpiringDocument, OfficialFigures

if TYPE_CHECKING:
    from sinergi.accounts.models import User


@dataclass(frozen=True)
class Link:
    """A table cell that links somewhere on the page; a download keeps only its text."""

    text: str
    url: str

    def __str__(self) -> str:
        return self.text


@dataclass
class StatTable:
    """One table: what the page renders and what a CSV/XLSX download contains (footer = totals row)."""

    key: str
    title: str
    headers: list[str]
    rows: list[list[Any]]
    footer: list[Any] | None = None
    empty_text: str = ""

    def all_rows(self) -> list[list[Any]]:
        return self.rows + ([self.footer] if self.footer else [])

    @staticmethod
    def _cells(row: list[Any]) -> list[tuple[Any, bool]]:
        return [(cell, isinstance(cell, int | float | Decimal) and not isinstance(cell, bool)) for cell in row]

    @property
    def html_rows(self) -> list[list[tuple[Any, bool]]]:
        """Rows as (value, is_number) pairs so that the template can right-align numbers."""
        return [self._cells(row) for row in self.rows]

    @property
    def html_footer(self) -> list[tuple[Any, bool]]:
        return self._cells(self.footer) if self.footer else []


def crosstab_table(key: str, title: str, crosstab: CrossTab) -> StatTable:
    """Kabupaten/kota rows × category columns with row and column totals."""
    totals = crosstab.column_totals()
    return StatTable(
        key=key,
        title=title,
        headers=[_("Kabupaten/Kota"), *(c.label for c in crosstab.columns), _("Jumlah")],
        rows=[
            [row.name, *(crosstab.count(row.code, c.code) for c in crosstab.columns), crosstab.row_total(row.code)]
            for row in crosstab.rows
        ],
        footer=[_("Jumlah"), *(totals[c.code] for c in crosstab.columns), crosstab.total],
        empty_text=_("Tidak ada kabupaten/kota dalam cakupan Anda."),
    )


def chart_data(crosstab: CrossTab) -> dict[str, Any]:
    """The by-kind table in the shape charts.js hands to Chart.js (one stacked dataset per kind)."""
    return {
        "labels": [row.name for row in crosstab.rows],
        "datasets": [
            {"code": c.code, "label": c.label, "data": [crosstab.count(r.code, c.code) for r in crosstab.rows]}
            for c in crosstab.columns
        ],
    }


def permits_table(documents: list[ExpiringDocument], within_days: int) -> StatTable:
    return StatTable(
        key="permits",
        title=_("Izin operasional dan tanda daftar yang berakhir dalam %(days)s hari") % {"days": within_days},
        headers=[_("LKS"), _("Kabupaten/Kota"), _("Dokumen"), _("Berlaku sampai"), _("Sisa hari"), _("Keadaan")],
        rows=[
            [
                Link(d.organisation_name, reverse("organisations:detail", args=[d.organisation_id])),
                d.regency.name,
                d.document,
                d.expires_on,
                d.days_left,
                _("Sudah berakhir") if d.expired else _("Segera berakhir"),
            ]
            for d in documents
        ],
        empty_text=_("Tidak ada izin yang berakhir dalam %(days)s hari.") % {"days": within_days},
    )


def board_coverage_table(coverage: BoardCoverage) -> StatTable:
    none_yet = _("Belum ada")
    status_labels = dict(OrganisationStatus.choices)

    def cells(row: selectors.BoardCoverageRow) -> list[Any]:
        if not row.board_id:
            return [row.area.name, none_yet, ""]
        return [row.area.name, row.board_name, str(status_labels.get(row.board_status, row.board_status))]

    return StatTable(
        key="boards",
        title=_("Cakupan LKKKS"),
        headers=[_("Wilayah"), _("LKKKS"), _("Status")],
        rows=[cells(coverage.province), *(cells(row) for row in coverage.regencies)],
    )


def official_figures_table(figures: OfficialFigures) -> StatTable:
    kinds = figures.registry.columns
    registry_totals = figures.registry.column_totals()
    rows: list[list[Any]] = [
        [
            figure.as_of,
            figure.total,
            *(figure.by_kind.get(c.code) for c in kinds),
            figure.source,
            Link(figure.source_url, figure.source_url) if figure.source_url else "",
        ]
        for figure in figures.figures
    ]
    rows.append(
        [
            timezone.localtime(figures.as_of).date(),
            figures.registry.total,
            *(registry_totals[c.code] for c in kinds),
            _("Registri Sinergi (LKS aktif saat ini)"),
            "",
        ]
    )
    return StatTable(
        key="official",
        title=_("Angka resmi %(region)s dan hitungan registri") % {"region": figures.region.name},
        headers=[_("Per tanggal"), _("Jumlah LKS"), *(c.label for c in kinds), _("Sumber"), _("Tautan sumber")],
        rows=rows,
    )


# The tables about the whole province whoever reads them (see DashboardStatistics.table_scope_text).
PROVINCE_WIDE_TABLES = ("boards", "official")


class PublicStatistics:
    """The public figures of the deployment province: aggregates of active LKS only."""

    TABLES: dict[str, Callable[["PublicStatistics"], StatTable]] = {
        "by_kind": lambda s: crosstab_table("by_kind", _("LKS aktif menurut jenis dan kabupaten/kota"), s.by_kind),
        "accreditation": lambda s: crosstab_table(
            "accreditation", _("Akreditasi LKS aktif per kabupaten/kota"), s.accreditation
        ),
        "boards": lambda s: board_coverage_table(s.coverage),
        "official": lambda s: official_figures_table(s.figures),
    }

    def __init__(self, *, province_code: str | None = None) -> None:
        self.province_code = province_code or selectors.home_province()

    @cached_property
    def public_by_kind(self) -> CrossTab:
        return selectors.public_lks_count_by_kind_and_regency(region_code=self.province_code)

    @cached_property
    def by_kind(self) -> CrossTab:
        return self.public_by_kind

    @cached_property
    def accreditation(self) -> CrossTab:
        return selectors.public_lks_accreditation_summary(region_code=self.province_code)

    @cached_property
    def coverage(self) -> BoardCoverage:
        return selectors.board_coverage(province_code=self.province_code)

    @cached_property
    def figures(self) -> OfficialFigures:
        return selectors.official_figures(province_code=self.province_code, registry=self.public_by_kind)

    def table(self, key: str) -> StatTable:
        return self.TABLES[key](self)

    def tables(self) -> dict[str, StatTable]:
        return {key: build(self) for key, build in self.TABLES.items()}

    @property
    def audit_scope(self) -> list[str]:
        return [self.province_code]

    @cached_property
    def scope_text(self) -> str:
        """Whose figures these are, in words: the province, or the part of it a signed-in reader may see."""
        return self._public_scope_text

    @property
    def _public_scope_text(self) -> str:
        """The province's public figures, in words (also a signed-in reader's tables about the whole province)."""
        return _("%(province)s, LKS aktif (angka publik)") % {"province": self._province_name}

    @cached_property
    def _province_name(self) -> str:
        province = Region.objects.filter(code=self.province_code).only("name").first()
        return province.name if province else self.province_code

    def download_notes(self, table: StatTable, *, page: str) -> list[tuple[str, str]]:
        """What a downloaded table's figures are, as (label, text), for the download's "Keterangan" sheet."""
        return [
            (_("Tabel"), table.title),
            (_("Cakupan"), self.table_scope_text(table.key)),
            # In the reader's language, as the pages write a moment (2026-12-08 in English, 08-12-2026 in Indonesian).
            (_("Per"), shown(timezone.localtime(), "datetime")),
            (_("Halaman sumber"), page),
        ]

    def table_scope_text(self, key: str) -> str:
        """Whose figures the table `key` holds, in words."""
        return self.scope_text

    def download_name(self, key: str) -> str:
        """A downloaded table's file name without the date, e.g. "sinergi-by_kind-kota-banjarmasin"."""
        return f"sinergi-{key}-{self._scope_slug}"

    @property
    def _scope_slug(self) -> str:
        return self._public_scope_slug

    @property
    def _public_scope_slug(self) -> str:
        return f"{slugify(self._province_name)}-{slugify(_('publik'))}"


class DashboardStatistics(PublicStatistics):
    """The signed-in dashboard: the same tables over what the actor may see, plus registry work lists."""

    TABLES: dict[str, Callable[[Any], StatTable]] = {
        **PublicStatistics.TABLES,
        "status": lambda s: crosstab_table("status", _("Status LKS per kabupaten/kota"), s.status),
        "permits": lambda s: permits_table(s.permits, s.within_days),
    }

    def __init__(
        self,
        *,
        actor: "User",
        action: str = Action.VIEW,
        province_code: str | None = None,
        within_province: bool = False,
    ) -> None:
        super().__init__(province_code=province_code)
        self.actor = actor
        self.action = action
        # The dashboard shows a national reader everything; a report about the province keeps to the province.
        self.region_prefix = self.province_code if within_province else None
        self.within_days = selectors.permit_expiry_warning_days()

    @cached_property
    def by_kind(self) -> CrossTab:
        return selectors.lks_count_by_kind_and_regency(
            actor=self.actor, action=self.action, region_prefix=self.region_prefix
        )

    @cached_property
    def accreditation(self) -> CrossTab:
        return selectors.lks_accreditation_summary(
            actor=self.actor, action=self.action, region_prefix=self.region_prefix
        )

    @cached_property
    def status(self) -> CrossTab:
        return selectors.lks_status_summary(actor=self.actor, action=self.action, region_prefix=self.region_prefix)

    @cached_property
    def permits(self) -> list[ExpiringDocument]:
        return selectors.lks_permits_expiring(
            actor=self.actor, within_days=self.within_days, action=self.action, region_prefix=self.region_prefix
        )

    @property
    def audit_scope(self) -> list[str]:
        codes = region_scope_codes(self.actor, self.action)
        return ["*"] if codes is None else codes

    def table_scope_text(self, key: str) -> str:
        # The LKKKS coverage and the official figures are public facts about the whole province (the registry's count
        # beside them is every active LKS in it), whatever part of it the reader may see: their file must not say
        # "Kota Banjarmasin" over a province's figures (the province report prints them apart for the same reason).
        if key in PROVINCE_WIDE_TABLES:
            return self._public_scope_text
        return self.scope_text

    def download_name(self, key: str) -> str:
        if key in PROVINCE_WIDE_TABLES:
            return f"sinergi-{key}-{self._public_scope_slug}"
        return super().download_name(key)

    @cached_property
    def scope_text(self) -> str:
        from sinergi.organisations.reports import report_scope

        if region_scope_codes(self.actor, self.action) is None and self.region_prefix is None:
            return _("Semua wilayah")
        scope = report_scope(actor=self.actor, area_code=self.province_code)
        return self._province_name if scope.whole else scope.text

    @property
    def _scope_slug(self) -> str:
        slug = slugify(self.scope_text)
        # Several LKS or kabupaten/kota: cut after a whole word, the "Keterangan" sheet names them all.
        return slug if len(slug) <= 40 else slug[:40].rsplit("-", 1)[0]
