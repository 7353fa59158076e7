"""Forms of the vocabulary administration; the services check everything again."""

import json

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Term


class PrettyJSONField(forms.JSONField):
    """A JSON textarea that shows {} for an empty value and accepts an empty box as {}."""

    def prepare_value(self, value):
        if isinstance(value, str):
            return value
        return json.dumps(value if value is not None else {}, ensure_ascii=False, indent=2, sort_keys=True)

    def to_python(self, value):
        if value in (None, "") or (isinstance(value, str) and not value.strip()):
            return {}
        return super().to_python(value)


class TermForm(forms.ModelForm):
    """Labels, legal source, sort order and attributes of an item."""

    attributes = PrettyJSONField(
        label=_("Atribut (JSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false"}),
        help_text=_(
            'Objek JSON, mis. {"validity_years": 5} atau {"min_age": 6, "max_age": 18}; kosongkan bila tidak ada.'
        ),
    )
    sort_order = forms.IntegerField(label=_("Urutan"), min_value=0, max_value=32767, required=False)

    class Meta:
        model = Term
        fields = ["label_id", "label_en", "legal_source", "sort_order", "attributes"]

    def clean_attributes(self):
        value = self.cleaned_data["attributes"]
        if not isinstance(value, dict):
            raise forms.ValidationError(_('Atribut harus berupa objek JSON, mis. {"validity_years": 5}.'))
        return value


class TermCreateForm(TermForm):
    """A new item: its code as well (fixed once created)."""

    code = forms.CharField(
        label=_("Kode"),
        max_length=64,
        help_text=_("Huruf kecil, angka dan garis bawah, mis. anak_telantar. Tidak dapat diubah kemudian."),
    )

    class Meta(TermForm.Meta):
        fields = ["code", *TermForm.Meta.fields]
