"""Changes to the controlled vocabularies. Each checks the actor, validates, audits, and says why it refuses."""

import re
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import ProtectedError
from django.http import HttpRequest
from django.utils.translation import gettext as _

from sinergi.audit.services import audit_record
from sinergi.core.errors import PermissionDenied, ValidationError

from .models import Term, Vocabulary
from .selectors import term_usage, vocabulary_admin_allowed

if TYPE_CHECKING:
    from sinergi.accounts.models import User

CODE_RE = re.compile(r"^[-a-zA-Z0-9_]+$")
EDITABLE_FIELDS = ("label_id", "label_en", "legal_source", "sort_order", "attributes")


def _require_admin(actor: "User") -> None:
    if not vocabulary_admin_allowed(actor):
        raise PermissionDenied(_("Hanya admin provinsi yang boleh mengelola kosakata."))


def term_values_clean(values: dict[str, Any], errors: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The editable fields, trimmed and checked; one ValidationError naming every problem (with `errors` found
    earlier by the caller). Also what an import checks each row with, before term_create or term_update."""
    errors = dict(errors or {})
    cleaned = {
        "label_id": " ".join(str(values.get("label_id") or "").split()),
        "label_en": " ".join(str(values.get("label_en") or "").split()),
        "legal_source": " ".join(str(values.get("legal_source") or "").split()),
        "sort_order": values.get("sort_order"),
        "attributes": values.get("attributes") if values.get("attributes") is not None else {},
    }
    if not cleaned["label_id"]:
        errors.setdefault("label_id", []).append(_("Label bahasa Indonesia wajib diisi."))
    if not cleaned["label_en"]:
        errors.setdefault("label_en", []).append(_("Label bahasa Inggris wajib diisi."))
    for name in ("label_id", "label_en", "legal_source"):
        if len(cleaned[name]) > 200:
            errors.setdefault(name, []).append(_("Paling banyak 200 karakter."))
    for name in ("label_id", "label_en"):
        if ";" in cleaned[name]:
            # A spreadsheet cell lists several items with ";" (PPKS categories, other services): a label holding one
            # would come back from an exported file as other items, or as none.
            errors.setdefault(name, []).append(
                _("Label tidak boleh memuat “;”: tanda itu memisahkan beberapa pilihan dalam satu sel spreadsheet.")
            )
    if not isinstance(cleaned["attributes"], dict):
        errors.setdefault("attributes", []).append(
            _('Atribut harus berupa objek JSON, mis. {"validity_years": 5}, atau {} bila tidak ada.')
        )
    order = cleaned["sort_order"]
    if order is not None and (not isinstance(order, int) or isinstance(order, bool) or not 0 <= order <= 32767):
        errors.setdefault("sort_order", []).append(_("Urutan harus bilangan bulat 0 sampai 32767."))
    if errors:
        raise ValidationError(errors)
    return cleaned


def term_code_problems(code: str) -> list[str]:
    """What is wrong with `code` as a new item's code, whether or not its vocabulary has it already ([] when
    nothing)."""
    if not code:
        return [_("Kode wajib diisi.")]
    if len(code) > 64 or not CODE_RE.match(code):
        return [_("Kode hanya boleh huruf, angka, garis bawah dan tanda hubung (paling banyak 64).")]
    return []


@transaction.atomic
def term_create(
    *,
    actor: "User",
    vocabulary: str,
    code: str,
    label_id: str,
    label_en: str,
    legal_source: str = "",
    attributes: dict[str, Any] | None = None,
    sort_order: int | None = None,
    request: HttpRequest | None = None,
) -> Term:
    """Adds an item to a vocabulary; without a sort order it goes last."""
    _require_admin(actor)
    if vocabulary not in Vocabulary.values:
        raise ValidationError({"vocabulary": [_("Kosakata “%(value)s” tidak dikenal.") % {"value": vocabulary}]})
    code = (code or "").strip()
    code_errors = term_code_problems(code)
    if not code_errors and Term.objects.filter(vocabulary=vocabulary, code=code).exists():
        code_errors.append(_("Kode “%(code)s” sudah dipakai di kosakata ini.") % {"code": code})
    values = term_values_clean(
        {
            "label_id": label_id,
            "label_en": label_en,
            "legal_source": legal_source,
            "attributes": attributes,
            "sort_order": sort_order,
        },
        {"code": code_errors} if code_errors else None,
    )
    if values["sort_order"] is None:
        last = Term.objects.filter(vocabulary=vocabulary).order_by("-sort_order").values_list("sort_order", flat=True)
        values["sort_order"] = min((last.first() or 0) + 1, 32767)
    term = Term.objects.create(vocabulary=vocabulary, code=code, is_active=True, **values)
    audit_record(
        actor=actor,
        action="vocabularies.term.created",
        obj=term,
        data={"vocabulary": vocabulary, "code": code, **values},
        request=request,
    )
    return term


@transaction.atomic
def term_update(*, actor: "User", term: Term, request: HttpRequest | None = None, **values: Any) -> Term:
    """Changes an item's labels, legal source, sort order or attributes. The code and vocabulary never change:
    other records and exported files refer to them."""
    _require_admin(actor)
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(_("Kolom ini tidak dapat diubah: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    current = {name: getattr(term, name) for name in EDITABLE_FIELDS}
    cleaned = term_values_clean({**current, **values})
    if cleaned["sort_order"] is None:
        cleaned["sort_order"] = current["sort_order"]
    changes = {name: [current[name], cleaned[name]] for name in EDITABLE_FIELDS if current[name] != cleaned[name]}
    if not changes:
        return term
    locked = Term.objects.select_for_update().get(pk=term.pk)
    for name, (_old, new) in changes.items():
        setattr(locked, name, new)
        setattr(term, name, new)
    locked.save(update_fields=list(changes))
    audit_record(actor=actor, action="vocabularies.term.updated", obj=locked, changes=changes, request=request)
    return term


def term_deactivate(*, actor: "User", term: Term, request: HttpRequest | None = None) -> Term:
    """Stops offering an item for new entries; records that use it keep it."""
    return _set_active(actor=actor, term=term, active=False, request=request)


def term_activate(*, actor: "User", term: Term, request: HttpRequest | None = None) -> Term:
    """Offers a deactivated item again."""
    return _set_active(actor=actor, term=term, active=True, request=request)


@transaction.atomic
def _set_active(*, actor: "User", term: Term, active: bool, request: HttpRequest | None) -> Term:
    _require_admin(actor)
    if term.is_active == active:
        return term
    Term.objects.filter(pk=term.pk).update(is_active=active)
    term.is_active = active
    audit_record(
        actor=actor,
        action="vocabularies.term.activated" if active else "vocabularies.term.deactivated",
        obj=term,
        changes={"is_active": [not active, active]},
        request=request,
    )
    return term


@transaction.atomic
def term_delete(*, actor: "User", term: Term, request: HttpRequest | None = None) -> None:
    """Deletes an item nobody uses. A used item is refused (deactivate it instead) and nothing changes."""
    _require_admin(actor)
    locked = Term.objects.select_for_update().get(pk=term.pk)
    usage = term_usage([locked.pk]).get(locked.pk, {})
    if usage:
        raise ValidationError(_refusal(locked, usage))
    snapshot = {
        "vocabulary": locked.vocabulary,
        "code": locked.code,
        **{name: getattr(locked, name) for name in EDITABLE_FIELDS},
        "is_active": locked.is_active,
    }
    # Logged before the delete so the event can still name the object; both are in one transaction.
    audit_record(actor=actor, action="vocabularies.term.deleted", obj=locked, data=snapshot, request=request)
    try:
        with transaction.atomic():
            locked.delete()
    except ProtectedError as error:
        # A reference the usage count did not know about (e.g. a row added meanwhile): refuse all the same.
        raise ValidationError(_refusal(locked, {_("data lain"): len(error.protected_objects)})) from error


def _refusal(term: Term, usage: dict[str, int]) -> str:
    places = "; ".join(f"{label}: {count}" for label, count in sorted(usage.items()))
    return _(
        "“%(label)s” tidak dapat dihapus karena masih dipakai (%(places)s). "
        "Nonaktifkan saja agar tidak ditawarkan lagi untuk data baru."
    ) % {"label": term.label_id, "places": places}
