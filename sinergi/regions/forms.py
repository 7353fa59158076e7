"""Form fields for regions."""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .codes import normalize_code
from .models import Region, RegionLevel
from .widgets import RegionPickerWidget, _as_levels


class RegionField(forms.ModelChoiceField):
    """A region chosen with the picker (or typed as a code); cleans to a `Region`.

    `level` (one level or several) and `within` (a code, e.g. "63") narrow both what the picker offers and what
    the field accepts. Codes that a later decree retired are refused unless `allow_retired=True`.
    """

    widget = RegionPickerWidget
    default_error_messages = {
        "invalid_choice": _(
            "Wilayah “%(value)s” tidak ditemukan. Ketik nama lalu pilih dari daftar, atau ketik kodenya "
            "(mis. 63.71.01.1001)."
        ),
        "wrong_level": _("Pilih wilayah tingkat %(levels)s; %(name)s adalah %(level)s."),
        "outside": _("%(name)s (%(code)s) berada di luar %(within)s."),
        "retired": _("Kode %(code)s (%(name)s) tidak berlaku lagi menurut keputusan terbaru; pilih kode yang berlaku."),
    }

    def __init__(
        self,
        *,
        level: int | Iterable[int] | None = None,
        within: str | None = None,
        allow_retired: bool = False,
        queryset=None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("empty_label", None)
        super().__init__(queryset=queryset if queryset is not None else Region.objects.all(), **kwargs)
        self.levels = _as_levels(level)
        self.within = within
        self.allow_retired = allow_retired
        # The widget is a per-form copy by now; it needs the same limits to build its search URL.
        self.widget.levels = self.levels
        self.widget.within = within

    def to_python(self, value: Any) -> Region | None:
        if value in self.empty_values:
            return None
        if isinstance(value, Region):
            return value
        code = normalize_code(str(value))
        region = self.queryset.filter(code=code).first() if code else None
        if region is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})
        return region

    def validate(self, value: Region | None) -> None:
        super().validate(value)
        if value is None:
            return
        if self.levels and value.level not in self.levels:
            raise ValidationError(
                self.error_messages["wrong_level"],
                code="wrong_level",
                params={
                    "levels": " / ".join(str(RegionLevel(level).label) for level in self.levels),
                    "name": value.name,
                    "level": RegionLevel(value.level).label,
                },
            )
        if self.within and not value.code.startswith(f"{self.within}."):
            within = Region.objects.filter(code=self.within).values_list("name", flat=True).first() or self.within
            raise ValidationError(
                self.error_messages["outside"],
                code="outside",
                params={"name": value.name, "code": value.code, "within": within},
            )
        if not value.is_current and not self.allow_retired:
            raise ValidationError(
                self.error_messages["retired"], code="retired", params={"code": value.code, "name": value.name}
            )

    def has_changed(self, initial: Any, data: Any) -> bool:
        initial_code = "" if initial is None else str(getattr(initial, "pk", initial))
        return initial_code != (normalize_code(str(data or "")) or str(data or ""))
