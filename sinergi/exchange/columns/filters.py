"""An export's filters (the list's filter set) said in words for its page, and why a filter cannot be applied: a
value the form refuses, a region or an LKS that does not exist or lies outside the user's scope."""

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from sinergi.core.params import as_id

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


def filters_described(filterset) -> list[tuple[str, str]]:
    """(label, value as shown) of each filter the query string sets: a choice by its label, a record by its name, a
    yes/no in words."""
    described = []
    for name, form_field in filterset.form.fields.items():
        if name not in filterset.data:
            continue
        value = filterset.form.cleaned_data.get(name)
        if value in (None, "", [], ()):
            continue
        choices = {
            str(key): label for key, label in getattr(form_field, "choices", ()) if not isinstance(label, list | tuple)
        }
        values = value if isinstance(value, list | tuple) else [value]
        shown = []
        for item in values:
            if isinstance(item, bool):
                shown.append(str(_("Ya") if item else _("Tidak")))
            elif isinstance(item, datetime.date):
                shown.append(item.strftime("%d-%m-%Y"))
            else:
                shown.append(str(choices.get(str(getattr(item, "pk", item)), item)))
        described.append((str(form_field.label or name), ", ".join(shown)))
    return described


def filter_problems(filterset) -> str:
    """An export's filters that cannot be applied, named by their labels: "Saringan “Status”: Masukkan pilihan yang
    valid. …" (a link edited by hand, an old bookmark), not the form's "* status * …" text."""
    fields = filterset.form.fields
    return " ".join(
        _("Saringan “%(filter)s”: %(problems)s")
        % {
            "filter": fields[name].label if name in fields and fields[name].label else name,
            "problems": " ".join(errors),
        }
        for name, errors in filterset.errors.items()
    )


def region_filter_problem(
    *, actor: "User | SystemActor", action: str, filters, levels: Sequence[int] = (2, 5, 8, 13)
) -> str:
    """A region filter that would give an empty file without a word (a link edited by hand, an old bookmark): a code
    of no region, a level the list does not filter by, or a region outside the user's scope. "" when it applies."""
    from sinergi.accounts.scope import region_scope_codes
    from sinergi.regions.models import Region

    code = (filters.get("region") or "").strip()
    if not code:
        return ""
    region = Region.objects.filter(code=code).only("name").first() if len(code) in levels else None
    if region is None:
        shapes = {2: "63", 5: "63.71", 8: "63.71.01", 13: "63.71.01.1001"}
        return _(
            "Saringan “%(filter)s”: “%(code)s” bukan kode wilayah yang dapat dipakai di sini (contoh: %(shapes)s)."
        ) % {
            "filter": _("Kode wilayah"),
            "code": code,
            "shapes": ", ".join(shapes[level] for level in levels),
        }
    scope = region_scope_codes(actor, action)
    if scope is not None and not any(code.startswith(own) or own.startswith(code) for own in scope):
        return _(
            "Saringan “%(filter)s”: %(region)s (%(code)s) di luar wilayah kerja Anda, jadi tidak ada data yang dapat "
            "ditampilkan atau diunduh. Pilih wilayah di daftar."
        ) % {"filter": _("Kode wilayah"), "region": region.name, "code": code}
    return ""


def organisation_filter_problem(*, actor: "User | SystemActor", action: str, filters) -> str:
    """An LKS filter naming an LKS outside the user's scope (a link edited by hand, a bookmark of another account):
    it would give an empty list, which reads as "nothing matches". Whether such an LKS exists is not said. "" when it
    applies, or when the value is no number (the filter set's own check says so)."""
    from sinergi.accounts.scope import restrict
    from sinergi.organisations.models import Organisation

    chosen = as_id(filters.get("organisation"))
    if not chosen or restrict(Organisation.objects.filter(pk=chosen), actor=actor, action=action).exists():
        return ""
    return _(
        "Saringan “%(filter)s”: LKS itu tidak ada di wilayah kerja Anda, jadi tidak ada data yang dapat ditampilkan "
        "atau diunduh. Pilih LKS di daftar."
    ) % {"filter": _("LKS")}


def scope_filter_problem(
    *, actor: "User | SystemActor", action: str, filters, levels: Sequence[int] = (2, 5, 8, 13)
) -> str:
    """Why a list's region or LKS filter cannot be applied for `actor` (see the two checks); "" when they apply."""
    return region_filter_problem(
        actor=actor, action=action, filters=filters, levels=levels
    ) or organisation_filter_problem(actor=actor, action=action, filters=filters)
