"""Values in words for one list of events: a change's old and new value by its model field (choices, related
objects named with one query per field), the values of an event's data, timestamps and dates as the pages write
them, and who did it.

Apart because both the object's history (history.py) and the audit log (log.py) word their values through it.
"""

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ..models import AuditEvent
from .labels import ACTION_DATA_CHOICES, DATA_CHOICES, DATA_LABELS, DATA_VALUES, NUMBERED_KEYS, ORGANISATION_KEYS

EMPTY = "—"


# Data keys that list field names ("fields": of the event's own model), and the model of those that name another's
# (a merge, recorded on its candidate, fills fields of the kept client).
_FIELD_LIST_KEYS = {"fields", "filled"}
_FIELD_LIST_MODELS = {"filled": "people.person"}


_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class ChangeRow:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class DetailRow:
    label: str
    value: str


UNRECORDED = _lazy("nilai tidak dicatat")


def _unrecorded(event: AuditEvent, value: Any = None) -> list[str]:
    """The names in `data.fields` that the changes do not hold (identifying fields, kept without values)."""
    names = (event.data or {}).get("fields") if value is None else value
    if not isinstance(names, list):
        return []
    return [str(name) for name in names if str(name) not in (event.changes or {})]


# Digit groups with what may stand between two groups of a number typed in parts: one or more spaces, or a dot, a
# slash or a dash with spaces around it or not ("6371 0112", "6371  0112", "6371 - 0112", "637101/123456").
_DIGIT_GROUPS = re.compile(r"\d+(?:(?:[ \u00a0]{0,4}[-./\u2013\u2014][ \u00a0]{0,4}|[ \u00a0]{1,4})\d+)*")
_GROUP = re.compile(r"\d+")
# The groups a NIK or KK number is written in: four fours, or its parts (region, date, serial: 6, 6, 4), the region
# and the date whole or in pairs (63.71.01, 6371.01; 17.08.14), or two parts of them run together.
_NIK_SHAPES = {
    (*region, *day, 4)
    for region in ((6,), (2, 2, 2), (4, 2))
    for day in ((6,), (2, 2, 2))
} | {(4, 4, 4, 4), (12, 4), (6, 10), (16,)}  # fmt: skip


def _two_dates(groups: list[str]) -> bool:
    """Sixteen digits that read as two dates (01.02.2023-05.06.2024, 2023-01-02 2024-05-06), a period, no NIK."""
    shape = tuple(len(group) for group in groups)
    if shape == (2, 2, 4, 2, 2, 4):
        days, months = groups[0::3], groups[1::3]
    elif shape == (4, 2, 2, 4, 2, 2):
        days, months = groups[2::3], groups[1::3]
    else:
        return False
    return all(1 <= int(day) <= 31 for day in days) and all(1 <= int(month) <= 12 for month in months)


def _two_school_years(groups: list[str], separators: list[str]) -> bool:
    """Four years written as two school or budget years (2019/2020 - 2021/2022): a span, no NIK. Each year's slash
    and the year after it tell it from a NIK typed in fours, which no one writes with a slash between its halves."""
    if len(groups) != 4 or separators[0].strip() != "/" or separators[2].strip() != "/":
        return False
    years = [int(group) for group in groups]
    return all(1900 <= year <= 2099 for year in years) and years[1] == years[0] + 1 and years[3] == years[2] + 1


def _is_number(groups: list[str], separators: list[str]) -> bool:
    """Whether sixteen digits in these groups are a NIK or KK number: written in a NIK's groups, or each group at
    most one space, dot or dash from the next (also a spreadsheet's 6.371011234560001e+15) unless they read as two
    dates. Wider or other separators in any other groups are ordinary text: a period (01/02/2023 - 05/06/2024)."""
    if _two_school_years(groups, separators):
        return False
    if tuple(len(group) for group in groups) in _NIK_SHAPES:
        return True
    return all(len(between) == 1 and between in " .-\u00a0" for between in separators) and not _two_dates(groups)


def _groups_masked(found: re.Match) -> str:
    """The sixteen digits in a run of digit groups that make a NIK or KK number, masked (6371********0001). Every
    window of groups that makes one is found, and overlapping ones are masked as one: a number typed just before a
    NIK ("no 1234 6371 0117 0814 0001") must not shift the mask onto the NIK's middle and leave its end readable."""
    text = found[0]
    groups = list(_GROUP.finditer(text))
    numbers: list[tuple[int, int]] = []  # (first group, one past the last) of each window that is a number
    for start in range(len(groups)):
        total, end = 0, start
        while end < len(groups) and total < 16:
            total += len(groups[end][0])
            end += 1
        parts = [group[0] for group in groups[start:end]]
        separators = [text[a.end() : b.start()] for a, b in pairwise(groups[start:end])]
        if total == 16 and _is_number(parts, separators):
            if numbers and start < numbers[-1][1]:
                numbers[-1] = (numbers[-1][0], end)
            else:
                numbers.append((start, end))
    pieces, at = [], 0
    for start, end in numbers:
        digits = "".join(group[0] for group in groups[start:end])
        pieces += [text[at : groups[start].start()], f"{digits[:4]}{'*' * 8}{digits[-4:]}"]
        at = groups[end - 1].end()
    return "".join(pieces) + text[at:]


def numbers_masked(text: str) -> str:
    """A NIK or KK number written into free text, masked as the pages mask a NIK (6371********0001): as stored, or
    typed in groups ("6371 0112 3456 0001", "6371 - 0112 - 3456 - 0001", "637101/123456/0001") or as a spreadsheet
    wrote it ("6.371011234560001e+15"). Other digits are left readable: dates and periods, amounts, phone numbers,
    RT/RW, a letter's number."""
    return _DIGIT_GROUPS.sub(_groups_masked, text) if len(text) >= 16 else text


def _organisation_names(events: list[AuditEvent]) -> dict[str, str]:
    """{id: name} of the LKS the events' data names by id (a referral's ends, a transfer's), in one query."""
    wanted = {
        str(value)
        for event in events
        for key, value in (event.data or {}).items()
        if key in ORGANISATION_KEYS and (isinstance(value, int) or (isinstance(value, str) and value.isdigit()))
    }
    if not wanted:
        return {}
    organisation = apps.get_model("organisations", "Organisation")
    return {str(pk): name for pk, name in organisation.objects.filter(pk__in=wanted).values_list("pk", "name")}


def _ppks_labels(events: list[AuditEvent]) -> dict[str, str]:
    """{code: label} of the PPKS categories the events' data names by code (an admission's), in one query."""
    wanted = {str(value) for event in events if (value := (event.data or {}).get("ppks_category"))}
    if not wanted:
        return {}
    term = apps.get_model("vocabularies", "Term")
    return {found.code: found.label for found in term.objects.filter(vocabulary="ppks", code__in=wanted)}


class _Resolver:
    """Field lookups and related-object names for one list of events."""

    def __init__(self, events: list[AuditEvent], labels, choices, formatters) -> None:
        self.labels = labels
        self.choices = {key: dict(pairs) for key, pairs in choices.items()}
        self.formatters = formatters
        self.names = self._related_names(events)
        self.organisations: dict[str, str] = {}
        self.terms: dict[str, str] = {}

    # -- fields ------------------------------------------------------------------------------------------------

    @staticmethod
    def _model(event: AuditEvent) -> type[models.Model] | None:
        try:
            return apps.get_model(event.object_type) if event.object_type else None
        except (LookupError, ValueError):
            return None

    @staticmethod
    def _field(model: type[models.Model] | None, key: str) -> tuple[models.Field | None, bool]:
        """The model field a change key names, and whether the key is its id (`verified_by_id`) not its code."""
        if model is None:
            return None, False
        try:
            found = model._meta.get_field(key)  # also finds a foreign key by its attname
        except FieldDoesNotExist:
            return None, False
        if not isinstance(found, models.Field):
            return None, False
        return found, found.is_relation and key != found.name

    def _related_names(self, events: list[AuditEvent]) -> dict[tuple[str, str, bool], dict[str, str]]:
        """{(model label, field name, by id): {value: name}}, one query per related field."""
        wanted: dict[tuple[type[models.Model], str, bool], set[str]] = defaultdict(set)
        for event in events:
            model = self._model(event)
            for key, values in (event.changes or {}).items():
                model_field, by_id = self._field(model, key)
                if model_field is None or not model_field.is_relation or model_field.related_model is None:
                    continue
                for value in values if isinstance(values, list) else [values]:
                    for item in value if isinstance(value, list) else [value]:
                        if item not in (None, ""):
                            wanted[(model, model_field.name, by_id)].add(str(item))
        names: dict[tuple[str, str, bool], dict[str, str]] = {}
        for (model, name, by_id), keys in wanted.items():
            model_field = model._meta.get_field(name)
            related = model_field.related_model
            # The services record vocabulary items and regions by their stable code, users by their id.
            column = "code" if not by_id and _has_field(related, "code") else "pk"
            queryset = related._default_manager.filter(**{f"{column}__in": keys})
            if column == "code" and (limit := model_field.get_limit_choices_to()):
                queryset = queryset.complex_filter(limit)
            names[(model._meta.label_lower, name, by_id)] = {
                str(getattr(obj, column)): _object_name(obj) for obj in queryset
            }
        return names

    def in_order(self, event: AuditEvent, changes: dict[str, Any]) -> list[tuple[str, Any]]:
        """The changes in the order of the model's fields (then the rest by name): PostgreSQL's jsonb keeps keys in
        its own order (shortest first), SQLite as written, and a history must read the same on both."""
        model = self._model(event)
        position = {f.attname: i for i, f in enumerate(model._meta.concrete_fields)} if model else {}
        position.update({f.name: i for i, f in enumerate(model._meta.concrete_fields)} if model else {})
        return sorted(changes.items(), key=lambda item: (position.get(item[0], len(position)), item[0]))

    def change(self, event: AuditEvent, key: str, values: Any) -> ChangeRow:
        model = self._model(event)
        model_field, by_id = self._field(model, key)
        old, new = values if isinstance(values, list) and len(values) == 2 else (None, values)
        return ChangeRow(
            label=self._label(key, model_field),
            old=self._value(event, key, model_field, by_id, old),
            new=self._value(event, key, model_field, by_id, new),
        )

    def _label(self, key: str, model_field: models.Field | None) -> str:
        if key in self.labels:
            return str(self.labels[key])
        if model_field is not None:
            return str(model_field.verbose_name)
        # Imports record changes under their column headings ("Nama LKS"), already words.
        return key.replace("_", " ")

    def _value(self, event: AuditEvent, key: str, model_field, by_id: bool, value: Any) -> str:
        if key in self.formatters:
            return self.formatters[key](value)
        if value is None or value == "" or value == []:
            return EMPTY
        if isinstance(value, list):
            return ", ".join(self._value(event, key, model_field, by_id, item) for item in value)
        if key in self.choices:
            return str(self.choices[key].get(value, value))
        if model_field is not None and model_field.is_relation:
            related = self.names.get((event.object_type, model_field.name, by_id), {})
            return related.get(str(value), str(value))
        if model_field is not None and model_field.flatchoices:
            return str(dict(model_field.flatchoices).get(value, value))
        return _plain(value, model_field)

    # -- extra data --------------------------------------------------------------------------------------------

    def data_label(self, key: str) -> str:
        label = self.labels.get(key) or DATA_LABELS.get(key)
        return str(label) if label else key.replace("_", " ").capitalize()

    def data_value(self, key: str, value: Any, action: str = "") -> str:
        if key in self.formatters:
            return self.formatters[key](value)
        if isinstance(value, list):
            return ", ".join(self.data_value(key, item, action) for item in value)
        if key in self.choices:
            return str(self.choices[key].get(value, value))
        if (key, str(value)) in DATA_VALUES:
            return str(DATA_VALUES[(key, str(value))])
        coded = ACTION_DATA_CHOICES.get((action, key)) or DATA_CHOICES.get(key)
        if coded is not None and str(value) in coded:
            return str(coded[str(value)])
        is_id = isinstance(value, int) and not isinstance(value, bool) or (isinstance(value, str) and value.isdigit())
        if key in ORGANISATION_KEYS and is_id:
            return self.organisations.get(str(value)) or f"LKS #{value}"
        if key == "ppks_category" and str(value) in self.terms:
            return self.terms[str(value)]
        if key in NUMBERED_KEYS and is_id:
            return f"#{value}"
        if key == "format":
            return str(value).upper()
        if key in ("reason", "note"):
            return numbers_masked(str(value))
        return _plain(value, None)

    def event_value(self, event: AuditEvent, key: str, value: Any) -> str:
        """A data value of `event` in words: field names by their labels, codes by the action's words."""
        if key in _FIELD_LIST_KEYS and isinstance(value, list) and key not in self.formatters:
            names = self.field_names(event, key, _unrecorded(event, value) if key == "fields" else value)
            suffix = f" ({UNRECORDED})" if key == "fields" else ""
            return ", ".join(f"{name}{suffix}" for name in names)
        return self.data_value(key, value, event.action)

    def field_names(self, event: AuditEvent, key: str, names: Iterable[str]) -> list[str]:
        """Field names listed in the data, by the labels of their model (the event's, or the one the key is about)."""
        model = self._model(event)
        if key in _FIELD_LIST_MODELS:
            model = apps.get_model(_FIELD_LIST_MODELS[key])
        return [self._label(name, self._field(model, name)[0]) for name in names]


def _actor(event: AuditEvent) -> str:
    """The person's name with the account it was done from ("Siti Rahma (operator.lks)")."""
    if not event.actor_name:
        # Without an actor the event came from the system itself (a scheduled task, a command).
        return _("Sistem")
    # select_related("actor") in audit_events_for: the name costs no query.
    name = str(event.actor) if event.actor_id and event.actor else ""
    return f"{name} ({event.actor_name})" if name and name != event.actor_name else event.actor_name


def _has_field(model: type[models.Model], name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _object_name(obj: models.Model) -> str:
    # A region's str() leads with its code; its name is what people read.
    name = getattr(obj, "name", None)
    return name if isinstance(name, str) and name else str(obj)


def _plain(value: Any, model_field: models.Field | None) -> str:
    """Booleans as Ya/Tidak, timestamps in local time and dates as the rest of the pages write them."""
    if isinstance(model_field, models.BooleanField) and value in ("True", "False"):
        value = value == "True"
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    if isinstance(value, str):
        is_datetime_field = isinstance(model_field, models.DateTimeField)
        if (is_datetime_field or model_field is None) and _ISO_DATETIME.match(value):
            moment = parse_datetime(value.replace(" ", "T", 1))
            if moment is not None:
                if timezone.is_naive(moment):
                    moment = timezone.make_aware(moment, datetime.UTC)
                return date_format(timezone.localtime(moment), "DATETIME_FORMAT")
        is_date_field = isinstance(model_field, models.DateField) and not is_datetime_field
        if (is_date_field or model_field is None) and _ISO_DATE.match(value):
            day = parse_date(value)
            if day is not None:
                return date_format(day, "DATE_FORMAT")
    return str(value)
