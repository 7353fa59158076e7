"""Months: the first of a month, months added, a month parsed from a query, and the public's figures of a
month's end, frozen at the public's first reading of them."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db import transaction
from django.db.models import QuerySet, Sum
from django.utils.translation import gettext as _

from sinergi.core.errors import ValidationError

from ...models import PlacementActive, PlacementMonthly, PublicClientsMonth, PublicClientsMonthEnd


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
