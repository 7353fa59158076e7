"""Tables of counts (Matrix) and the monthly trend (Trend): one shape for the page, the download and the API."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .suppression import Line, suppress_cells

HIDDEN = "*"  # how a suppressed cell is written in a table or a download


@dataclass(frozen=True)
class Label:
    """A row or column of a table: a stable code (for the API and downloads) and a label in the UI language."""

    code: str
    label: str


TOTAL = "__total__"


@dataclass
class Matrix:
    """Counts by rows × columns with totals; after `suppressed()` hidden cells are None."""

    key: str
    title: str
    row_header: str
    rows: list[Label]
    columns: list[Label]
    counts: dict[tuple[str, str], int | None]
    hidden: int = 0
    threshold: int | None = None

    @cached_property
    def _sums(self) -> dict[tuple[str, str], int]:
        sums: dict[tuple[str, str], int] = defaultdict(int)
        for (row, column), value in self.counts.items():
            if row == TOTAL or column == TOTAL:
                continue
            value = value or 0
            sums[(row, TOTAL)] += value
            sums[(TOTAL, column)] += value
            sums[(TOTAL, TOTAL)] += value
        return sums

    def value(self, row: str, column: str) -> int | None:
        """A cell, a total (row or column TOTAL) or None when hidden."""
        if (row, column) in self.counts:
            return self.counts[(row, column)]
        if row == TOTAL or column == TOTAL:
            return self._sums.get((row, column), 0)
        return 0

    @property
    def has_row_totals(self) -> bool:
        return len(self.columns) > 1

    @property
    def has_column_totals(self) -> bool:
        return len(self.rows) > 1

    @property
    def total(self) -> int | None:
        return self.value(TOTAL, TOTAL)

    def suppressed(self, threshold: int, *, hidden_in_whole: Iterable[tuple[str, str]] = ()) -> Matrix:
        """A copy for the public: small cells and the cells that would give them away are None; totals stay
        unless they are small themselves."""
        row_codes = [r.code for r in self.rows]
        column_codes = [c.code for c in self.columns]
        values: dict[Hashable, int] = {}
        for r in row_codes:
            for c in column_codes:
                values[(r, c)] = self.value(r, c) or 0
        totals_in_rows = [TOTAL] if self.has_column_totals else []
        totals_in_columns = [TOTAL] if self.has_row_totals else []
        for r in row_codes + totals_in_rows:
            for c in totals_in_columns:
                values[(r, c)] = self.value(r, c) or 0
        for c in column_codes:
            for r in totals_in_rows:
                values[(r, c)] = self.value(r, c) or 0
        if self.has_row_totals and self.has_column_totals:
            values[(TOTAL, TOTAL)] = self.total or 0
        # Each published sum is a line; a row or column without a printed total is no identity a reader can use.
        lines: list[Line] = []
        if self.has_row_totals:
            for r in row_codes:
                inner = tuple((r, c) for c in column_codes)
                lines.append(Line((*inner, (r, TOTAL)), inner))
        if self.has_column_totals:
            for c in column_codes:
                inner = tuple((r, c) for r in row_codes)
                lines.append(Line((*inner, (TOTAL, c)), inner))
        if self.has_row_totals and self.has_column_totals:
            column_totals = tuple((TOTAL, c) for c in column_codes)
            row_totals = tuple((r, TOTAL) for r in row_codes)
            lines.append(Line((*column_totals, (TOTAL, TOTAL)), column_totals))
            lines.append(Line((*row_totals, (TOTAL, TOTAL)), row_totals))
        hidden = suppress_cells(values, lines, threshold, hidden_already=hidden_in_whole)
        counts: dict[tuple[str, str], int | None] = {
            key: (None if key in hidden else value)
            for key, value in values.items()  # type: ignore[misc]
        }
        # Totals that are not printed as such still exist in the API: they are the same number as the one cell
        # or total that is printed, so they are hidden exactly when it is.
        if not self.has_row_totals:
            for r in [*row_codes, *([TOTAL] if self.has_column_totals else [])]:
                counts[(r, TOTAL)] = counts.get((r, column_codes[0])) if column_codes else 0
        if not self.has_column_totals:
            for c in [*column_codes, *([TOTAL] if self.has_row_totals else [])]:
                counts[(TOTAL, c)] = counts.get((row_codes[0], c)) if row_codes else 0
        if not (self.has_row_totals and self.has_column_totals):
            if len(column_codes) == 1:
                counts[(TOTAL, TOTAL)] = counts[(TOTAL, column_codes[0])]
            elif len(row_codes) == 1:
                counts[(TOTAL, TOTAL)] = counts[(row_codes[0], TOTAL)]
            else:
                counts[(TOTAL, TOTAL)] = 0
        return Matrix(
            key=self.key,
            title=self.title,
            row_header=self.row_header,
            rows=self.rows,
            columns=self.columns,
            counts=counts,
            hidden=len(hidden),
            threshold=threshold,
        )

    # Presentation: one list of rows serves the page, the CSV/XLSX download and the API.
    def hidden_keys(self) -> set[tuple[str, str]]:
        """The cells (and totals) this table hides."""
        return {key for key, value in self.counts.items() if value is None}

    @property
    def headers(self) -> list[str]:
        return [self.row_header, *(c.label for c in self.columns), *([_("Jumlah")] if self.has_row_totals else [])]

    def table_rows(self) -> list[list[Any]]:
        return [
            [r.label, *(self.value(r.code, c.code) for c in self.columns)]
            + ([self.value(r.code, TOTAL)] if self.has_row_totals else [])
            for r in self.rows
        ]

    def footer(self) -> list[Any] | None:
        if not self.has_column_totals:
            return None
        return [_("Jumlah"), *(self.value(TOTAL, c.code) for c in self.columns)] + (
            [self.total] if self.has_row_totals else []
        )

    def download_rows(self) -> list[list[Any]]:
        rows = self.table_rows() + ([self.footer()] if self.footer() else [])
        return [[HIDDEN if cell is None else cell for cell in row] for row in rows]

    def as_json(self) -> dict[str, Any]:
        return {
            "rows": [{"code": r.code, "label": r.label} for r in self.rows],
            "columns": [{"code": c.code, "label": c.label} for c in self.columns],
            "cells": [[self.value(r.code, c.code) for c in self.columns] for r in self.rows],
            "row_totals": [self.value(r.code, TOTAL) for r in self.rows],
            "column_totals": [self.value(TOTAL, c.code) for c in self.columns],
            "total": self.total,
            "suppressed_cells": self.hidden,
            "threshold": self.threshold,
        }


@dataclass
class TrendMonth:
    """One month of the trend: active at its end, admissions and discharges during it (None when hidden)."""

    month: datetime.date
    active: int | None
    admissions: int | None
    discharges: int | None


@dataclass
class Trend:
    """Active placements at the end of each month, with that month's admissions and discharges."""

    key: str
    title: str
    months: list[TrendMonth]
    hidden: int = 0
    threshold: int | None = None

    def suppressed(self, threshold: int) -> Trend:
        """For the public: active(M) = active(M−1) + admissions(M) − discharges(M) is an identity a reader can
        use, so each month's four figures form a line for complementary suppression."""
        values: dict[Hashable, int] = {}
        for i, m in enumerate(self.months):
            values[(i, "active")] = m.active or 0
            values[(i, "admissions")] = m.admissions or 0
            values[(i, "discharges")] = m.discharges or 0
        lines = [
            Line(((i - 1, "active"), (i, "active"), (i, "admissions"), (i, "discharges")))
            for i in range(1, len(self.months))
        ]
        hidden = suppress_cells(values, lines, threshold)

        def shown(i: int, name: str) -> int | None:
            return None if (i, name) in hidden else values[(i, name)]

        return Trend(
            key=self.key,
            title=self.title,
            months=[
                TrendMonth(m.month, shown(i, "active"), shown(i, "admissions"), shown(i, "discharges"))
                for i, m in enumerate(self.months)
            ],
            hidden=len(hidden),
            threshold=threshold,
        )

    @property
    def headers(self) -> list[str]:
        return [_("Bulan"), _("Dilayani di akhir bulan"), pgettext("trend", "Masuk"), pgettext("trend", "Keluar")]

    def table_rows(self) -> list[list[Any]]:
        return [[m.month.strftime("%Y-%m"), m.active, m.admissions, m.discharges] for m in self.months]

    def footer(self) -> None:
        return None

    def download_rows(self) -> list[list[Any]]:
        return [[HIDDEN if cell is None else cell for cell in row] for row in self.table_rows()]

    def as_json(self) -> dict[str, Any]:
        return {
            "months": [
                {
                    "month": m.month.strftime("%Y-%m"),
                    "active": m.active,
                    "admissions": m.admissions,
                    "discharges": m.discharges,
                }
                for m in self.months
            ],
            "suppressed_cells": self.hidden,
            "threshold": self.threshold,
        }
