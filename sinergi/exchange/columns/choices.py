"""Columns over a fixed list: yes/no, and a model's TextChoices (labels in every language of the interface, codes
and aliases accepted); and the notice of list cells read as an item they do not write as listed (read_as_notice),
for these and the vocabulary columns."""

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Model
from django.utils import translation
from django.utils.translation import gettext as _

from .. import values as v
from .base import Column, ImportContext
from .vocabularies import one_of_several

if TYPE_CHECKING:
    from .entity import Entity


@dataclass
class BooleanColumn(Column):
    width: int = 10

    def clean(self, raw: Any, ctx: "ImportContext") -> bool | None:
        return v.parse_bool(raw)

    def choices(self, ctx: "ImportContext | None") -> v.Choices:
        return v.Choices([(str(_("Ya")), str(_("Ya"))), (str(_("Tidak")), str(_("Tidak")))])

    def export(self, obj: Model) -> str:
        # As the template's dropdown offers it (a spreadsheet boolean would show TRUE/FALSE beside it).
        return self.display(self.current(obj))


def _in_other_languages(options: Sequence[tuple[str, Any]]) -> list[tuple[str, str]]:
    """(code, label) of `options` in every language of the interface but the current one."""
    current = translation.get_language()
    labels = []
    for language, _name in settings.LANGUAGES:
        if language != current:
            with translation.override(language):
                labels += [(code, str(label)) for code, label in options]
    return labels


@dataclass
class ChoiceColumn(Column):
    """A column over a model's TextChoices; the template offers the Indonesian labels, codes are accepted too."""

    options: Sequence[tuple[str, Any]] = ()
    aliases: Sequence[tuple[str, str]] = ()  # (word people write, code), e.g. ("Pria", "L")

    def _choices(self, ctx: "ImportContext") -> v.Choices:
        return ctx.cached(
            ("codes", self.key),
            lambda: v.Choices(
                [(code, str(label)) for code, label in self.options],
                aliases=self.aliases,
                other_labels=_in_other_languages(self.options),
                suggest_labels=True,
            ),
        )

    def clean(self, raw: Any, ctx: "ImportContext") -> str:
        if v.is_blank(raw):
            return ""
        try:
            return self._choices(ctx).match(raw)
        except v.CellProblem:
            if message := one_of_several(v.text(raw), self._choices(ctx)):
                raise v.CellProblem(message) from None
            raise

    def clean_qualified(self, raw: Any, ctx: "ImportContext", *, alone_only: Sequence[str] = ()) -> str:
        """clean(), for a free text that may name an item with words that qualify it (v.Choices.match_qualified):
        a job title read for a role. Each text is judged once per import (a staff list repeats its titles, and a
        title no item names would otherwise build clean()'s refusal on every row); a refusal is kept as its message."""
        memo: dict[str, tuple[bool, str]] = ctx.cache.setdefault(("qualified", self.key, tuple(alone_only)), {})
        value = v.text(raw)
        if value not in memo:
            try:
                memo[value] = (True, self.clean(raw, ctx))
            except v.CellProblem:
                try:
                    memo[value] = (True, self._choices(ctx).match_qualified(raw, alone_only=alone_only))
                except v.CellProblem as problem:
                    memo[value] = (False, problem.message)
        read, result = memo[value]
        if not read:
            raise v.CellProblem(result)
        return result

    def choices(self, ctx: "ImportContext | None") -> v.Choices:
        # Labels are what people understand; the dropdown lists them and clean() maps them back to codes.
        return v.Choices([(str(label), code) for code, label in self.options])

    def current(self, obj: Model) -> str:
        return getattr(obj, self.key) or ""

    def for_export(self) -> "ChoiceColumn":
        prepared = copy.copy(self)
        prepared._labels = {code: str(label) for code, label in self.options}
        return prepared

    def export(self, obj: Model) -> str:
        labels = getattr(self, "_labels", None) or {code: str(label) for code, label in self.options}
        return labels.get(getattr(obj, self.key), "")

    def display(self, value: Any) -> str:
        return str(dict(self.options).get(value, value or ""))


READ_AS_SHOWN = 8  # per column; the rest are counted


def read_as_notice(entity: "Entity", ctx: "ImportContext", header_of: Callable[[str], str] | None = None) -> str:
    """Which cells of the list columns were read as an item they do not write as listed ("Anak Terlantar" as “Anak
    Telantar”, "Luar panti" as “Luar panti / berbasis keluarga”), per column, or "": read right, but not as written,
    so it is said (the row's details show the value read too). `header_of`: a column's header as the file writes it."""
    said = []
    for column in entity.import_columns():
        choices = ctx.cache.get(("terms", column.key)) or ctx.cache.get(("codes", column.key))
        if choices is None or not (read := choices.read_as()):
            continue
        shown = ", ".join(f"“{value}” → “{label}”" for value, label in read[:READ_AS_SHOWN])
        if len(read) > READ_AS_SHOWN:
            shown += " " + _("dan %(count)s lainnya") % {"count": len(read) - READ_AS_SHOWN}
        said.append(f"{header_of(column.key) if header_of else column.header}: {shown}")
    if not said:
        return ""
    return _("Isian ini dibaca sebagai pilihan dalam daftar: %(cells)s. Periksa bila maksudnya lain.") % {
        "cells": "; ".join(said)
    }
