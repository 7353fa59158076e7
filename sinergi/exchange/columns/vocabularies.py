"""Vocabulary columns (TermColumn): a cell holding a term's label or code, or several of them (MANY_SEPARATOR),
retired terms kept by the records that hold them; and the terms' labels as exports and previews show them
(term_labels, cached for a minute and forgotten when a term is saved in this process)."""

import copy
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from django.utils.translation import gettext as _

from .. import values as v
from .base import Column, ImportContext, _active_terms

# Between the codes of a many-valued cell, in every export and template: ";" is also Indonesian Excel's list
# separator, and imports read "," too.
MANY_SEPARATOR = "; "


@dataclass
class TermColumn(Column):
    """A vocabulary column: a cell holds a term's label (as the template's dropdown offers it) or its code;
    `many` allows several, separated by ";" (as exported) or ","."""

    vocabulary: str = ""
    many: bool = False
    aliases: Sequence[tuple[str, str]] = ()  # (word people write, code), e.g. ("Peksos", "peksos_profesional")
    # What people write for "none of them" ("Belum terakreditasi"): an empty cell.
    none_words: Sequence[str] = ()
    # Why a cell (or an item of a many-valued one) that names no term is not one, when people write it for a reason
    # the list cannot guess (a child's family status, "Yatim", in the PPKS column): the message, or "".
    explain: Callable[[str, "ImportContext"], str] | None = None

    def choices(self, ctx: "ImportContext | None") -> v.Choices:
        # Labels are what people understand ("Anak Telantar", not "anak_telantar"): the dropdown lists them and
        # clean() maps them back to codes.
        terms = _active_terms(self.vocabulary) if ctx is None else ctx.terms(self.vocabulary)
        return v.Choices([(term.label, code) for code, term in terms.items()])

    def _choices(self, ctx: "ImportContext") -> v.Choices:
        terms = ctx.terms(self.vocabulary)
        return ctx.cached(
            ("terms", self.key),
            lambda: v.Choices(
                [(code, term.label) for code, term in terms.items()],
                # A sheet filled in Indonesian imports for a user working in English, and the other way round.
                other_labels=[(code, label) for code, t in terms.items() for label in (t.label_id, t.label_en)],
                aliases=[(alias, code) for alias, code in self.aliases if code in terms],
                suggest_labels=True,
            ),
        )

    def _retired(self, ctx: "ImportContext") -> tuple[dict[str, Any], v.Choices]:
        """The vocabulary's retired terms, by code, and their labels and codes as a cell may hold them: a record
        keeps a term retired since, and its export must import back; only setting one anew is refused (the
        pipeline's _retired_terms)."""
        retired = ctx.retired_terms(self.vocabulary)
        return retired, ctx.cached(
            ("retired", self.key),
            lambda: v.Choices([(code, label) for code, t in retired.items() for label in (t.label_id, t.label_en)]),
        )

    def _term(self, raw: Any, ctx: "ImportContext") -> Any:
        try:
            return ctx.terms(self.vocabulary)[self._choices(ctx).match(raw)]
        except v.CellProblem:
            retired, choices = self._retired(ctx)
            if retired:
                try:
                    return retired[choices.match(raw)]
                except v.CellProblem:
                    pass
            raise

    def _term_explained(self, raw: Any, ctx: "ImportContext") -> Any:
        """_term, with a problem that says why the cell is no term, where that is known (explain, or several items
        written as one)."""
        try:
            return self._term(raw, ctx)
        except v.CellProblem:
            value = v.text(raw)
            if self.explain is not None and (message := self.explain(value, ctx)):
                raise v.CellProblem(message) from None
            several = several_in_one if self.many else one_of_several
            if message := several(value, self._choices(ctx)):
                raise v.CellProblem(message) from None
            raise

    def clean(self, raw: Any, ctx: "ImportContext") -> Any:
        if v.is_blank(raw) or (self.none_words and v.norm(v.text(raw)) in self.none_words):
            return [] if self.many else None
        if not self.many:
            return self._term_explained(raw, ctx)
        found, problems = [], []
        for part in _many_parts(v.text(raw), self._choices(ctx)):
            try:
                term = self._term_explained(part, ctx)
            except v.CellProblem as problem:
                problems.append(problem.message)
            else:
                if term not in found:
                    found.append(term)
        if problems:
            raise v.CellProblem(" ".join(problems))
        return found

    @property
    def allows_many(self) -> bool:
        return self.many

    def current(self, obj: Model) -> Any:
        if self.many:
            return sorted(getattr(obj, self.key).all(), key=lambda t: t.code)
        return getattr(obj, self.key)

    def for_export(self) -> "TermColumn":
        prepared = copy.copy(self)
        prepared._labels = term_labels(self.vocabulary, fresh=True)
        return prepared

    def export(self, obj: Model) -> str:
        # Labels, as the template's dropdown offers them (imports read them back, in either language, or codes).
        labels = getattr(self, "_labels", None) or term_labels(self.vocabulary, fresh=True)
        if self.many:
            # An export may hand the codes over per chunk (one query) instead of a prefetch per object.
            codes = getattr(obj, "_export_codes", {}).get(self.key)
            if codes is None:
                codes = [term.code for term in self.current(obj)]
            return labels_joined(codes, labels)
        value = self.current(obj)
        return labels.get(value.code, value.code) if value is not None else ""

    def display(self, value: Any) -> str:
        """A term, a list of terms, or codes as they are stored, by label (a before → after as people read it)."""
        if isinstance(value, list):
            return labels_joined([t if isinstance(t, str) else t.code for t in value], term_labels(self.vocabulary))
        if isinstance(value, str):
            return term_labels(self.vocabulary).get(value, value) if value else ""
        return term_labels(self.vocabulary).get(value.code, value.code) if value is not None else ""


def labels_joined(codes: Iterable[str], labels: dict[str, str]) -> str:
    """A many-valued vocabulary cell: the labels of `codes` in the vocabulary's order (as its lists show them; `labels`
    is in that order), separated as imports read them."""
    order = {code: index for index, code in enumerate(labels)}
    ordered = sorted(codes, key=lambda code: (order.get(code, len(order)), code))
    return MANY_SEPARATOR.join(labels.get(code, code) for code in ordered)


# (vocabulary, language) → (read at, code → label). Vocabularies are a few dozen terms that an administrator
# rarely renames: previews may show a label up to a minute old; exports read them afresh (fresh=True).
_LABELS: dict[tuple[str, str], tuple[float, dict[str, str]]] = {}
LABELS_MAX_AGE = 60.0


def term_labels(vocabulary: str, *, fresh: bool = False) -> dict[str, str]:
    """Code → label, in the current language, of every term of `vocabulary` in its order (sort order, then code),
    retired ones too (a stored record may still hold one)."""
    from sinergi.vocabularies.models import Term

    language = "en" if (translation.get_language() or "id").startswith("en") else "id"
    key, now = (vocabulary, language), time.monotonic()
    found = _LABELS.get(key)
    if fresh or found is None or now - found[0] > LABELS_MAX_AGE:
        terms = (
            Term.objects.filter(vocabulary=vocabulary)
            .order_by("sort_order", "code")
            .values_list("code", "label_id", "label_en")
        )
        english = language == "en"
        labels = {code: (label_en or label_id) if english else label_id for code, label_id, label_en in terms}
        found = _LABELS[key] = (now, labels)
    return found[1]


def _labels_forget(**kwargs: Any) -> None:
    _LABELS.clear()


# A term saved or deleted in this process is shown at once; other processes see it within LABELS_MAX_AGE.
post_save.connect(_labels_forget, sender="vocabularies.Term", dispatch_uid="exchange_labels_saved")
post_delete.connect(_labels_forget, sender="vocabularies.Term", dispatch_uid="exchange_labels_deleted")


# How people join two items in one cell other than the list separator: "Anak Telantar/Anak Jalanan", "… dan …".
_JOINED = re.compile(r"\s*[/&+]\s*|\s+(?:dan|serta)\s+", re.IGNORECASE)


def several_in_one(value: str, allowed: v.Choices) -> str:
    """The problem of a many-valued cell's item that is two or more items joined by "/" or "dan" (each of them
    known): they are to be separated as the column reads them, not one of them suggested. "" for anything else."""
    pieces = [piece for piece in _JOINED.split(value) if piece.strip()]
    if len(pieces) < 2 or (codes := _items_named(pieces, allowed)) is None:
        return ""
    labels = dict(allowed.items)
    return _(
        "“%(value)s” berisi lebih dari satu pilihan. Pisahkan pilihan dengan titik koma (;), mis. “%(example)s”."
    ) % {"value": value, "example": MANY_SEPARATOR.join(labels.get(code, code) for code in dict.fromkeys(codes))}


# How people put two items in a cell of one: "PSM, TKSK", "Pengasuh / Pekerja Sosial", "… atau …".
_SEVERAL = re.compile(r"\s*[,;/&+]\s*|\s+(?:dan|serta|atau)\s+", re.IGNORECASE)


def one_of_several(value: str, allowed: v.Choices) -> str:
    """The problem of a single-valued cell holding two items, each of them known ("PSM, TKSK", "Pengasuh / Pekerja
    Sosial"): said as such (as Choices says "Pengasuh - Relawan"), instead of "not in the list" with one of them, or
    a third item, suggested. "" for anything else."""
    pieces = [piece for piece in _SEVERAL.split(value) if piece.strip()]
    if len(pieces) != 2 or (codes := _items_named(pieces, allowed)) is None or codes[0] == codes[1]:
        return ""
    labels = dict(allowed.items)
    return v.two_choices_message(value, labels.get(codes[0], codes[0]), labels.get(codes[1], codes[1]))


def _items_named(pieces: list[str], allowed: v.Choices) -> list[str] | None:
    """The items `pieces` name, each a known one, or None when one of them is not."""
    try:
        return [allowed.match(piece) for piece in pieces]
    except v.CellProblem:
        return None


_LINE_BREAKS = re.compile(r"[\r\n]+")


def _many_parts(value: str, allowed: v.Choices) -> list[str]:
    """The items of a many-valued cell: split at ";" (as exported), then, where a part is not itself an item, at line
    breaks (a list typed with Alt+Enter, an item per line; a long label wrapped onto two lines is one item) and at ","
    (a label may hold a comma)."""
    parts = []
    for part in value.split(";"):
        if not part.strip():
            continue
        try:
            allowed.match(part)
        except v.CellProblem:
            for line in _LINE_BREAKS.split(part) if "\n" in part or "\r" in part else (part,):
                try:
                    allowed.match(line)
                except v.CellProblem:
                    parts += [piece for piece in line.split(",") if piece.strip()]
                else:
                    parts.append(line)
        else:
            parts.append(part)
    return parts
