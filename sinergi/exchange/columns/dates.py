"""The date column: a cell read as a date (a 1904-system workbook, a time zone, a late time of day), and what a
column of dates says as a whole once every row was read (month-first dates, the swapped cells of an
American-English Excel), apart for its length."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils import dateformat, timezone
from django.utils.formats import date_format, get_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sinergi.core.dates import shown

from .. import values as v
from ..values.dates import refuse_age_as_birth_date
from .base import Column, ImportContext


@dataclass
class DateColumn(Column):
    width: int = 14
    birth_date: bool = False  # a birth date's column: an age written in it is said to be one (v.dates)

    def clean(self, raw: Any, ctx: "ImportContext") -> Any:
        if self.birth_date:
            refuse_age_as_birth_date(raw)  # before the 1904 shift, which would make 11 a day in 1904
        if ctx.cache.get("date_1904") and isinstance(raw, int | float) and not isinstance(raw, bool):
            v.refuse_year_alone(raw)  # before the shift, which would make 2015 a day in 1909
            raw += v.DAYS_1900_TO_1904  # a date of a 1904-system workbook, read as a number
        if order := v.day_month_order(raw):
            # Called once per distinct cell (clean_column's memo): remember which text dates could be either way.
            seen = ctx.cached(("date_order", self.key), lambda: {"month-first": [], "either": [], "day-first": []})
            if order != "day-first" or v.parse_date(raw) is not None:
                seen[order].append(v.text(raw))
        elif moved := v.zoned_day_moved(raw):
            # "2025-01-31T20:00:00Z" is 1 February in WITA: read so (a system's midnight kept in UTC is the day
            # before), and said, since the day written is another. Said as what it most often is, a file that is
            # right (SheetJS writes every .ods date so), not as an alarm.
            ctx.cached(("zoned_dates", self.key), list).append(moved)
        elif isinstance(raw, datetime.date):
            if v.late_time_of_day(raw):
                # The day shown, said with its time (file_notices): the day meant may be the next one. Once per
                # distinct value (clean_column's memo), so the notice counts dates, not cells.
                ctx.cached(("late_times", self.key), list).append(raw)
            # A date cell: its day, for the swapped cells of an American-English Excel (file_problems).
            cells = ctx.cached(("date_cells", self.key), lambda: {"all": 0, "early": []})
            cells["all"] += 1
            if raw.day <= 12:
                cells["early"].append(raw)
        # A text date's refusal advises as the file's kind allows (a workbook's text cell is retyped, not reformatted).
        return v.parse_date(raw, workbook=ctx.cache.get("file_kind", "csv") != "csv")

    def file_notices(self, ctx: "ImportContext") -> list[str]:
        return self._zoned_notices(ctx) + self._late_time_notices(ctx)

    def _late_time_notices(self, ctx: "ImportContext") -> list[str]:
        late = ctx.cache.get(("late_times", self.key))
        if not late:
            return []
        # The dates and times as the reader's language writes them (“16-08-2014 16.00”; in English
        # “2014-08-16 16:00”), and one date said in the singular in English.
        clock = get_format("DATETIME_FORMAT").split()[-1]  # "H.i" in Indonesian, "H:i" in English
        return [
            ngettext(
                "Kolom “%(column)s”: %(count)s tanggal juga berisi jam sore atau malam, dan yang diimpor tanggal yang "
                "tampil di selnya: %(examples)s. Aplikasi yang menyimpan tengah malam WIB, WITA atau WIT sebagai "
                "waktu UTC menulis pukul 17.00, 16.00 atau 15.00 hari sebelumnya; bila file ini dibuat begitu, tanggal "
                "yang dimaksud adalah hari berikutnya: perbaiki tanggalnya di file sebelum mengimpor.",
                "Kolom “%(column)s”: %(count)s tanggal juga berisi jam sore atau malam, dan yang diimpor tanggal yang "
                "tampil di selnya: %(examples)s. Aplikasi yang menyimpan tengah malam WIB, WITA atau WIT sebagai "
                "waktu UTC menulis pukul 17.00, 16.00 atau 15.00 hari sebelumnya; bila file ini dibuat begitu, tanggal "
                "yang dimaksud adalah hari berikutnya: perbaiki tanggalnya di file sebelum mengimpor.",
                len(late),
            )
            % {
                "column": self.header,
                "count": len(late),
                "examples": v.first_ten(
                    [f"“{shown(cell)} {dateformat.time_format(cell, clock)}” → {shown(cell)}" for cell in late]
                ),
            }
        ]

    def _zoned_notices(self, ctx: "ImportContext") -> list[str]:
        moved = ctx.cache.get(("zoned_dates", self.key))
        if not moved:
            return []
        return [
            # One date or several: English says "1 date … was read", not "1 dates … were read".
            ngettext(
                "Kolom “%(column)s”: %(count)s tanggal ditulis dengan jam dalam UTC atau zona waktu lain, dan dibaca "
                "sebagai tanggalnya di zona waktu sistem (%(zone)s): %(examples)s. Itu benar untuk file dari aplikasi "
                "yang menyimpan tengah malam waktu setempat sebagai waktu UTC. Bila yang dimaksud hari yang tertulis, "
                "tulis tanggalnya saja (mis. 2025-01-31).",
                "Kolom “%(column)s”: %(count)s tanggal ditulis dengan jam dalam UTC atau zona waktu lain, dan dibaca "
                "sebagai tanggalnya di zona waktu sistem (%(zone)s): %(examples)s. Itu benar untuk file dari aplikasi "
                "yang menyimpan tengah malam waktu setempat sebagai waktu UTC. Bila yang dimaksud hari yang tertulis, "
                "tulis tanggalnya saja (mis. 2025-01-31).",
                len(moved),
            )
            % {
                "column": self.header,
                "count": len(moved),
                "zone": timezone.localtime().strftime("%Z"),
                # each date as read, as the reader's language writes a date (2025-01-31 in English, not 31-01-2025)
                "examples": v.first_ten([f"“{written}” → {shown(read)}" for written, read in moved]),
            }
        ]

    def _swapped_by_niks(self, ctx: "ImportContext") -> str:
        """Birth dates all read both ways (5/3/2012), typed month first on a computer set to English (US), leave the
        column's order unseen; the NIKs tell it: three or more whose date of birth is the typed one with day and month
        swapped, and none agreeing with a date that reads both ways, is that order, not chance. Refused, as a column
        seen in that order is (the other dates of such a file are likely month first too)."""
        order = ctx.cache.get(("nik_date_order", self.key))
        if not order or order["agrees"] or len(order["swapped"]) < 3:
            return ""
        day, _nik = order["swapped"][0]
        return _(
            "Tanggal di kolom ini tampaknya ditulis berurutan bulan-hari-tahun (pengaturan bahasa Inggris AS): pada "
            "%(count)s baris, tanggal lahir di NIK sama dengan tanggal yang diisi bila hari dan bulannya ditukar, "
            "mis. “%(read)s” dibaca %(read_long)s, sedangkan NIK-nya %(nik_long)s. Ubah semua tanggal di kolom ini, "
            "dan di kolom tanggal lainnya, ke urutan hari-bulan-tahun (mis. 17-08-2023), lalu unggah lagi."
        ) % {
            "count": len(order["swapped"]),
            "read": day.strftime("%d-%m-%Y"),
            "read_long": date_format(day, "j F Y"),
            "nik_long": date_format(day.replace(day=day.month, month=day.day), "j F Y"),
        }

    def doubtful_cells(self, ctx: "ImportContext") -> frozenset:
        return ctx.cache.get(("doubtful_dates", self.key), frozenset())

    def doubtful_key(self, raw: Any) -> Any:
        if isinstance(raw, datetime.datetime):
            return ("date", raw.date())
        if isinstance(raw, datetime.date):
            return ("date", raw)
        return ("text", v.text(raw)) if raw.__class__ is str else None

    def _doubt(self, ctx: "ImportContext", *, texts: Sequence[str] = (), days: Sequence[datetime.date] = ()) -> None:
        """Remembers the cells a refusal of the column puts in doubt (doubtful_cells): texts that read both ways,
        date cells whose day and month may be swapped (not those where they are the same)."""
        ctx.cache[("doubtful_dates", self.key)] = frozenset(
            [("text", value) for value in texts] + [self.doubtful_key(day) for day in days if day.day != day.month]
        )

    def file_problems(self, ctx: "ImportContext") -> list[str]:
        """A column that shows month/day/year order somewhere (08/17/2023, refused on its row) makes its dates
        that read both ways (08/07/2023: 8 July or 7 August?) doubtful too: they are named, not taken silently."""
        seen = ctx.cache.get(("date_order", self.key))
        cells = ctx.cache.get(("date_cells", self.key))
        if swapped := self._swapped_by_niks(ctx):
            # Every date of the column that reads both ways is in doubt, not only those the NIKs disprove.
            self._doubt(ctx, texts=seen["either"] if seen else [], days=cells["early"] if cells else [])
            return [swapped]
        if (
            seen
            and seen["day-first"]
            and cells
            and cells["all"] >= 5
            and len(cells["early"]) == cells["all"]
            and len({day.day for day in cells["early"]}) >= 3
        ):
            # Typed as 05/08/1990 and 17/08/1990 on a computer set to American English: Excel took the first for
            # 8 May (a date cell) and left the second as text. Five or more different date cells all having a day
            # of 12 or less (at least three different days: not a column of the 1st of each month), beside text it
            # could not read as month/day, is that, not chance (under 1 in 100): the cells are swapped, silently.
            self._doubt(ctx, days=cells["early"])
            return [
                _(
                    "Kolom ini berisi sel tanggal dan tanggal berupa teks berurutan hari-bulan-tahun (mis. "
                    "“%(text)s”). Itu tanda Excel memakai urutan bulan/hari (pengaturan bahasa Inggris AS) saat "
                    "tanggal diketik, sehingga hari dan bulan sel tanggalnya tertukar: %(cells)s. Ketik ulang tanggal "
                    "di kolom ini sebagai teks, mis. '05-08-1990, atau atur wilayah komputer ke Indonesia lalu ketik "
                    "ulang."
                )
                % {
                    "text": seen["day-first"][0],
                    "cells": v.first_ten(
                        [
                            _("“%(read)s” mungkin maksudnya %(meant)s")
                            % {"read": day.strftime("%d-%m-%Y"), "meant": f"{day.month:02d}-{day.day:02d}-{day.year}"}
                            for day in sorted(cells["early"])
                        ]
                    ),
                }
            ]
        if not seen or not seen["month-first"] or not seen["either"]:
            return []
        doubtful = seen["either"]
        self._doubt(ctx, texts=doubtful)
        return [
            _(
                "Kolom ini memakai urutan bulan-hari-tahun (mis. “%(example)s”), jadi tanggal yang dapat dibaca dua "
                "arah juga diragukan: %(values)s. Ubah semua tanggal di kolom ini ke urutan hari-bulan-tahun, "
                "mis. 17-08-2023."
            )
            % {
                "example": seen["month-first"][0],
                "values": v.first_ten([f"“{value}”" for value in doubtful]),
            }
        ]
