"""Reads of the controlled vocabularies, and where their items are used.

Vocabularies are not located in a region, so `restrict` does not apply; the administration pages are open to
province admins and superusers only (`vocabulary_admin_allowed`), and every selector here checks that.
"""

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Model, Q
from django.utils.translation import gettext as _

from sinergi.accounts.models import Role
from sinergi.accounts.scope import roles_of

from .models import Term, Vocabulary

if TYPE_CHECKING:
    from sinergi.accounts.models import User


def vocabulary_admin_allowed(actor: "User | None") -> bool:
    """Province admins and superusers manage the vocabularies (they are shared by every region)."""
    if actor is None or not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return False
    return actor.is_superuser or Role.PROVINCE_ADMIN in roles_of(actor)


def _require_admin(actor: "User") -> None:
    if not vocabulary_admin_allowed(actor):
        raise PermissionDenied(_("Hanya admin provinsi yang boleh mengelola kosakata."))


@dataclass(frozen=True)
class TermReference:
    """One relation from some model to Term: a foreign key or a many-to-many field."""

    model: type[Model]
    field_name: str
    many_to_many: bool

    @property
    def label(self) -> str:
        field = self.model._meta.get_field(self.field_name)
        return f"{self.model._meta.verbose_name} · {field.verbose_name}"


def term_references() -> list[TermReference]:
    """Every foreign key and many-to-many field pointing at Term, found through Django's relation registry.

    Generic on purpose: apps added later that reference Term are counted without changes here. Relations
    with related_name="+" are hidden, hence include_hidden.
    """
    references = []
    for relation in Term._meta.get_fields(include_hidden=True):
        if not (relation.is_relation and relation.auto_created and not relation.concrete):
            continue
        if relation.related_model._meta.auto_created:
            continue  # the hidden table of a many-to-many field: counted once, through the field itself
        if relation.related_model is Term:
            continue  # a Term pointing at a Term would be a vocabulary hierarchy; none exists
        references.append(
            TermReference(
                model=relation.related_model,
                field_name=relation.field.name,
                many_to_many=relation.many_to_many,
            )
        )
    return sorted(references, key=lambda r: (r.model._meta.label, r.field_name))


def term_usage(term_ids: list[int]) -> dict[int, dict[str, int]]:
    """For each term id, how many rows reference it, per referencing field ({"organisasi · jenis ...": 3}).

    Also counts mentions in other items' attributes under the key of the term's vocabulary (e.g. an LKS kind's
    {"ppks": ["anak_telantar", ...]}), since deleting such a term would leave a dangling code there.
    One query per relation, whatever the number of terms.
    """
    usage: dict[int, dict[str, int]] = defaultdict(dict)
    if not term_ids:
        return usage
    for reference in term_references():
        field = reference.model._meta.get_field(reference.field_name)
        if reference.many_to_many:
            through = field.remote_field.through
            column = field.m2m_reverse_field_name()
            counts = (
                through._default_manager.filter(**{f"{column}__in": term_ids})
                .values_list(column)
                .annotate(n=Count("pk"))
            )
        else:
            counts = (
                reference.model._base_manager.filter(**{f"{field.name}__in": term_ids})
                .values_list(field.name)
                .annotate(n=Count("pk"))
            )
        for term_id, n in counts:
            usage[term_id][reference.label] = usage[term_id].get(reference.label, 0) + n
    terms = Term.objects.filter(pk__in=term_ids).values_list("pk", "vocabulary", "code")
    mentions: dict[tuple[str, str], int] = defaultdict(int)
    for attributes in Term.objects.exclude(attributes={}).values_list("attributes", flat=True):
        if not isinstance(attributes, dict):
            continue
        for key, value in attributes.items():
            if isinstance(value, list):
                for code in value:
                    mentions[(key, str(code))] += 1
    label = _("istilah lain · atribut")
    for pk, vocabulary, code in terms:
        if mentions.get((vocabulary, code)):
            usage[pk][label] = mentions[(vocabulary, code)]
    return usage


def vocabulary_overview(*, actor: "User") -> list[dict]:
    """Each vocabulary with its number of items and of active items."""
    _require_admin(actor)
    counts = {
        row["vocabulary"]: row
        for row in Term.objects.values("vocabulary").annotate(
            total=Count("pk"), active=Count("pk", filter=Q(is_active=True))
        )
    }
    return [
        {
            "code": value,
            "label": label,
            "total": counts.get(value, {}).get("total", 0),
            "active": counts.get(value, {}).get("active", 0),
        }
        for value, label in Vocabulary.choices
    ]


def term_list(*, actor: "User", vocabulary: str) -> list[Term]:
    """The items of one vocabulary in their display order, each with `usage` ({field: count}) and `usage_total`."""
    _require_admin(actor)
    terms = list(Term.objects.filter(vocabulary=vocabulary).order_by("sort_order", "code"))
    usage = term_usage([t.pk for t in terms])
    for term in terms:
        term.usage = dict(sorted(usage.get(term.pk, {}).items()))
        term.usage_total = sum(term.usage.values())
    return terms


def term_get(*, actor: "User", pk: int) -> Term:
    """One item, with its usage; raises Term.DoesNotExist if there is none."""
    _require_admin(actor)
    term = Term.objects.get(pk=pk)
    term.usage = dict(sorted(term_usage([term.pk]).get(term.pk, {}).items()))
    term.usage_total = sum(term.usage.values())
    return term
