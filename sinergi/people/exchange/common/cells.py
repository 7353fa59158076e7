"""The column types the client and worker sheets share and the date rule every row's dates follow: a NIK or KK
read only when its digits are certainly the ones typed (IdentityNumberColumn), a Kemendagri region code, a person's
name not still carrying a copied list's number (NameColumn). Apart
from the identity checks: this is how a cell is read, not how a number is checked.
"""

import datetime
import re
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _

from sinergi.core.dates import too_early_problem
from sinergi.exchange import values as v
from sinergi.exchange.columns import Column, ImportContext, RowPlan, RowProblems, TextColumn, clean_or_problem

from ...nik import EXACT_BELOW, typed_digits, whole_float_digits
from ...services.rules import initial_advice, lettered_item, lettered_run, list_mark
from .identity import mask


def _number_cell_message() -> str:
    return _(
        "Sel ini berformat angka, bukan teks, sehingga angka terakhir nomor ini mungkin sudah dibulatkan menjadi 0 "
        "(Excel menyimpan paling banyak 15 angka, misalnya 6.37101E+15). Format kolom sebagai Teks, lalu ketik ulang "
        "nomor dari dokumen aslinya."
    )


NO_NUMBER_WORDS = {"tidak ada", "tdk ada", "belum ada", "blm ada", "tidak punya", "belum punya", "belum", "tidak"}


class IdentityNumberColumn(TextColumn):
    """NIK or KK: text. A number cell is read only when its 16 digits are certainly the ones typed: Excel keeps 15
    significant digits and turns the 16th into 0, so a last digit other than 0 was kept by a program that keeps
    them all (LibreOffice). Any other number cell (…0, 6.37101E+15, a fraction) is refused with the advice to format
    the column as text — never guessed. The same number written as a float's text ("6371011708140001.0", pandas'
    CSV) is read as its cell would be (people.nik.whole_float_digits)."""

    memoize = False  # one number per person
    blank_words = False  # its own words for "none" (NO_NUMBER_WORDS), and a "0" refused as a number

    def display(self, value: Any) -> str:
        return mask(value) if value and "*" not in str(value) else super().display(value)

    def clean(self, raw: Any, ctx: ImportContext) -> str:
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            # (Compared first: an infinite or NaN cell fails the comparison instead of raising in int().)
            if 10**15 <= raw < EXACT_BELOW and float(raw).is_integer() and int(raw) % 10:
                return str(int(raw))
            raise v.CellProblem(_number_cell_message())
        value = v.text(raw)
        if len(value) > 16 and value[16] in ".," and (digits := whole_float_digits(value)):
            return digits  # "6371011234560401.0", pandas' writing of that number cell: read as the cell is
        # "Tidak ada" written where the number would be: empty, so that the reason column is what counts.
        return "" if not value[:1].isdigit() and v.norm(value) in NO_NUMBER_WORDS else value

    def clean_column(self, raws: list[Any], ctx: ImportContext) -> list[Any]:
        text, out = v.text, []
        append = out.append
        # [a number not ending in 0 seen?, up to four distinct ones ending in 0]: for file_problems (a text column
        # of numbers Excel rounded). Distinct: four siblings share one KK.
        seen = ctx.cached(("last_digit", self.key), lambda: [False, set()])
        for raw in raws:
            if raw.__class__ is str or raw is None:
                value = text(raw)
                if not value or value[:1].isdigit():  # the commonest: a number, or nothing
                    if len(value) > 16 and value[16] in ".," and (digits := whole_float_digits(value)):
                        value = digits  # as clean() reads it (its last digit is no 0 a ".0" put there)
                    append(value)
                    if value:
                        _last_digit_seen(value if value.isascii() and value.isdigit() else typed_digits(value), seen)
                    continue
            value = clean_or_problem(self, raw, ctx)
            append(value)
            if value.__class__ is str and value:  # (one in quotes, or after a character no one sees)
                _last_digit_seen(typed_digits(value), seen)
        return out

    def file_problems(self, ctx: ImportContext) -> list[str]:
        """Every number in the column ending in 0: a number column that Excel rounded to 15 digits (6.37101E+15,
        then formatted as "0" to show every digit) and saved as CSV or text, where each cell reads as typed. One
        real number in ten ends in 0; four or more different ones all doing so is the rounding, not chance (1 in
        10,000). Only in a CSV: a spreadsheet keeps a rounded number as a number cell, refused cell by cell."""
        any_other, zeros = ctx.cache.get(("last_digit", self.key), (True, set()))
        if any_other or len(zeros) < 4 or ctx.cache.get("file_kind") != "csv":
            return []
        examples = sorted(zeros)[:3]
        return [
            _(
                "Semua nomor di kolom ini berakhir dengan 0 (mis. %(examples)s): tanda Excel sudah membulatkan "
                "angka ke-16 menjadi 0 sebelum file disimpan. Format kolom sebagai Teks, lalu ketik ulang nomornya "
                "dari dokumen aslinya."
            )
            % {"examples": ", ".join(f"“{value}”" for value in examples)}
        ]


def _last_digit_seen(number: str, seen: list) -> None:
    """Counts a number of the column for IdentityNumberColumn.file_problems: the digits the row's check reads
    (people.nik.typed_digits), so that quote marks or an invisible character after a rounded number neither hide
    the rounding (its last character no 0) nor leave the number out; a masked one of our export ("*") is none."""
    if not number:
        return
    if number[-1] != "0":
        seen[0] = True
    elif len(seen[1]) < 4:
        seen[1].add(number)


class RegionCodeColumn(Column):
    """A Kemendagri code; the entity resolves it (with the name columns) in batches."""

    def clean(self, raw: Any, ctx: ImportContext) -> str | None:
        return v.parse_region_code(raw)


class NameColumn(TextColumn):
    """A person's name. One that still begins with the number, bullet or letter of the list it was copied from is
    noted with its refusal (MARKED_NAMES), naming the mark, for the entity's plan to refuse as the forms do
    (services.rules.list_mark, MarkedNameRefusal). A lowercase letter and a full stop before a name ("b. Nur
    Halizah") is a mark when the column holds the run of them from "a." (lettered_run): an initial otherwise, as
    "A. Rahman" always is. Only the name column of the clients and workers sheets ("full_name")."""

    def clean_column(self, raws: Sequence[Any], ctx: ImportContext) -> list[Any]:
        out = super().clean_column(raws, ctx)
        # The lowercase letters seen so far in the column, across the batches of the file.
        letters: set[str] = ctx.cached(("lettered", self.key), set)
        marked: dict[str, str] = ctx.cached(MARKED_NAMES, dict)
        lettered: list[re.Match] = []
        for value in out:
            if value.__class__ is not str or not value[:1]:
                continue
            if item := lettered_item(value):
                letters.add(item["mark"][0])  # ("a. AHMAD FAUZI", a mark by itself, still counts in the run)
            if found := list_mark(value):
                marked[value] = _marked(found)
            elif item:
                lettered.append(item)
        run = lettered_run(letters) if lettered else set()
        pending: dict[str, str] = ctx.cached(LETTERED_PENDING, dict)
        for item in lettered:
            if item["mark"][0] in run:
                marked[item.string] = _marked(item)
            else:
                pending[item.string] = item["mark"][0]
        return out

    def file_problems(self, ctx: ImportContext) -> list[str]:
        """The names of a batch read before the rest of their run ("a. Nur Halizah" in row 1000, "b." and "c." in the
        next batch): their rows were planned before the run was seen, so they are refused here, with the file —
        otherwise, once the rows refused for "b." and "c." were corrected, "a." would be stored with its letter."""
        pending = ctx.cache.get(LETTERED_PENDING)
        run = lettered_run(ctx.cache.get(("lettered", self.key), set())) if pending else set()
        kept = ctx.cache.get(LETTERED_KEPT, set())
        missed = [name for name, letter in pending.items() if letter in run and name not in kept] if run else []
        if not missed:
            return []
        return [
            _(
                "Nama berikut diawali huruf dari daftar berhuruf (a., b., c., …) yang disalin ke kolom ini: %(names)s. "
                "Hapus hurufnya dan tulis namanya saja, lalu unggah lagi."
            )
            % {"names": ", ".join(f"“{name}”" for name in missed[:5]) + (" …" if len(missed) > 5 else "")}
        ]


# The names of the file still carrying a list's mark, with the refusal of each: refused by the entity's plan
# (MarkedNameRefusal), which knows whether a row keeps a stored record's name as it is.
MARKED_NAMES = ("marked_names", "full_name")
# A batch's names with a small letter and a full stop outside the run seen so far (name -> letter), which a later
# batch may complete (NameColumn.file_problems); and those of them that rows keep as stored (MarkedNameRefusal).
LETTERED_PENDING = ("lettered_pending", "full_name")
LETTERED_KEPT = ("lettered_kept", "full_name")


def _marked(found: re.Match) -> str:
    return _(
        "Nama ini diawali nomor urut atau tanda butir dari daftar yang disalin (“%(mark)s”). Hapus tanda itu dan "
        "tulis namanya saja (“%(name)s”), lalu unggah lagi."
    ) % {"mark": found["mark"], "name": found["name"]} + initial_advice(found)


class MarkedNameRefusal:
    """Refuses a row whose name still carries a list's mark (NameColumn), as the forms do (list_mark_problem): a new
    record's, or a name the row changes, but not a stored record's name sent back as it is — one stored before the
    rule is not judged again, so that the record's other cells may still be corrected through its export. A mixin
    of the clients' and workers' entities, before their plan."""

    def plan(self, row: int, values: dict[str, Any], ctx: ImportContext) -> Any:
        message = ctx.cache.get(MARKED_NAMES, {}).get(values.get("full_name"))
        if message is None:
            try:
                plan = super().plan(row, values, ctx)  # type: ignore[misc]
            except RowProblems:
                if values.get("full_name") in ctx.cache.get(LETTERED_PENDING, ()) and self._kept(values, ctx):
                    ctx.cached(LETTERED_KEPT, set).add(values["full_name"])
                raise
            if values.get("full_name") in ctx.cache.get(LETTERED_PENDING, ()) and not self._names(plan):
                ctx.cached(LETTERED_KEPT, set).add(values["full_name"])  # (a stored name the file's run may judge)
            return plan
        try:
            plan = super().plan(row, values, ctx)  # type: ignore[misc]
        except RowProblems as refused:
            # Every problem of the row at once: a row refused for another cell is refused for its name too, unless
            # it keeps the stored record's name as it is (otherwise the name's refusal came only on the next upload).
            if not self._kept(values, ctx):
                refused.problems.insert(0, ("full_name", message))
            raise
        if self._names(plan):
            raise RowProblems([("full_name", message)])
        return plan

    def _kept(self, values: dict[str, Any], ctx: ImportContext) -> bool:
        """Whether a row refused before its plan was made keeps the name of the stored record its export's ID names:
        the entity's _keeps_stored_name says, answering only of a record the user may import into (otherwise the
        answer would tell of one they may not see)."""
        return bool(values.get("id")) and self._keeps_stored_name(values, ctx)  # type: ignore[attr-defined]

    def _names(self, plan: Any) -> bool:
        """Whether the row's plan gives a record its name: a new one, or a name changed."""
        header = str(next(c.header for c in self.columns if c.key == "full_name"))  # type: ignore[attr-defined]
        return isinstance(plan, RowPlan) and (plan.action == "create" or header in plan.changes)


def date_problems(day: datetime.date | None, key: str, problems: list[tuple[str, str]], today: datetime.date) -> None:
    """The services' rules for every date: not in the future, not before 1900."""
    if day is not None and day > today:
        problems.append((key, _("Tanggal tidak boleh di masa depan.")))
    elif too_early := too_early_problem(day):
        problems.append((key, too_early))
