from django import forms
from django.utils.translation import gettext_lazy as _

from .columns import entities


class UploadForm(forms.Form):
    """A spreadsheet to check (dry run); the real import is a second, explicit step after the check passes."""

    entity = forms.ChoiceField(label=_("Jenis data"))
    file = forms.FileField(
        label=_("File spreadsheet (.xlsx, .ods, .xls atau .csv)"),
        help_text=_("Isi templat impor, atau file Anda sendiri dengan judul kolom yang sama."),
    )

    def __init__(self, *args, actor=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["entity"].choices = [(e.key, e.label) for e in entities() if e.can_import(actor)]
