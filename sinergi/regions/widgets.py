"""The region picker: search by name or code over HTMX instead of a select with 83,000 options."""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from .selectors import region_get, region_path

SEARCH_SUFFIX = "_search"


def region_label(region, *, below: str | None = None) -> str:
    """What the picker shows for a chosen region: its path and its code."""
    return f"{region_path(region, below=below)} ({region.code})"


class RegionPickerWidget(forms.Widget):
    """A search box (hx-get to regions:search) plus a hidden input with the chosen code.

    Without JavaScript the search box is a plain text field: typing an exact code there works, because the
    typed text is used whenever the hidden input is empty.
    """

    template_name = "regions/widgets/region_picker.html"

    class Media:
        js = [forms.Script("js/region-picker.js", defer=True)]

    def __init__(
        self,
        attrs: dict[str, Any] | None = None,
        *,
        level: int | Iterable[int] | None = None,
        within: str | None = None,
        placeholder: str | None = None,
    ) -> None:
        super().__init__(attrs)
        self.levels = _as_levels(level)
        self.within = within
        self.placeholder = placeholder

    def value_from_datadict(self, data, files, name: str) -> str:
        chosen = (data.get(name) or "").strip()
        return chosen or (data.get(name + SEARCH_SUFFIX) or "").strip()

    def value_omitted_from_data(self, data, files, name: str) -> bool:
        return name not in data and name + SEARCH_SUFFIX not in data

    def format_value(self, value: Any) -> str:
        return "" if value is None else str(getattr(value, "pk", value))

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        typed = widget["value"] or ""
        region = region_get(code=typed) if typed else None
        input_id = widget["attrs"].get("id") or f"id_{name}"
        params: list[tuple[str, Any]] = [("level", level) for level in self.levels]
        if self.within:
            params.append(("within", self.within))
        widget.update(
            code=region.code if region else "",
            label=region_label(region, below=self.within) if region else "",
            # A value that is no region (a name typed without JavaScript) goes back into the search box.
            search_value="" if region else typed,
            search_name=name + SEARCH_SUFFIX,
            search_url=reverse("regions:search") + ("?" + urlencode(params) if params else ""),
            input_id=input_id,
            search_attrs={k: v for k, v in widget["attrs"].items() if k not in ("id", "required", "aria-describedby")},
            # Django points aria-describedby at the help text; the chosen region's label describes the box too.
            described_by=" ".join(filter(None, [f"{input_id}_chosen", widget["attrs"].get("aria-describedby")])),
            results_id=f"{input_id}_results",
            label_id=f"{input_id}_chosen",
            placeholder=self.placeholder or _("Ketik nama atau kode wilayah"),
        )
        return context

    def id_for_label(self, id_: str) -> str:
        return id_

    def use_required_attribute(self, initial: Any) -> bool:
        # The visible box stays empty once a region is picked, so the browser must not insist on it.
        return False


def _as_levels(level: int | Iterable[int] | None) -> list[int]:
    if level is None:
        return []
    return [int(level)] if isinstance(level, int) else sorted({int(v) for v in level})


def __getattr__(name: str):
    # RegionField lives in forms.py (it imports this module); importable from here too, lazily, for convenience.
    if name == "RegionField":
        from .forms import RegionField

        return RegionField
    raise AttributeError(name)
