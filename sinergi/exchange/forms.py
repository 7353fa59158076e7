import uuid
from typing import TYPE_CHECKING

from django import forms
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from sinergi.accounts.models import Role
from sinergi.accounts.scope import active_memberships

from .columns import entities
from .files import limit
from .models import ImportJob

if TYPE_CHECKING:
    from sinergi.accounts.models import User


class UploadForm(forms.Form):
    """A spreadsheet to check (dry run); the real import is a second, explicit step after the check passes."""

    entity = forms.ChoiceField(label=_("Jenis data"))
    # An empty file reaches the content check (files.inspect), whose refusal says what to do; Django's own
    # "Berkas kosong." does not.
    file = forms.FileField(
        allow_empty_file=True,
        label=_("File spreadsheet (.xlsx, .ods, .xls atau .csv)"),
        help_text=_("Isi templat impor, atau file Anda sendiri dengan judul kolom yang sama."),
    )

    # New on every rendering of the form: the same form sent twice (its answer lost on a flaky link, then "Coba
    # lagi") is one upload (services.import_job_create).
    upload_key = forms.CharField(required=False, widget=forms.HiddenInput, initial=uuid.uuid4)

    def __init__(self, *args, actor: "User | None" = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The size limit said where the file is chosen, before a phone spends minutes sending a file past it.
        self.max_upload_bytes = limit("IMPORT_MAX_BYTES")
        megabytes = self.max_upload_bytes / 1048576
        self.fields["file"].help_text = _(
            "Isi templat impor, atau file Anda sendiri dengan judul kolom yang sama. Paling besar %(size)s MB."
        ) % {
            "size": number_format(round(megabytes, 0 if megabytes >= 1 else 1), decimal_pos=0 if megabytes >= 1 else 1)
        }
        # Capitalised as an option starts ("Penerima layanan"), as "LKS" is; the label is also used mid-sentence.
        self.fields["entity"].choices = [(e.key, capfirst(e.label)) for e in entities() if e.can_import(actor)]
        if not self.is_bound:
            self.fields["entity"].initial = _usual_entity(actor, [key for key, _label in self.fields["entity"].choices])

    def clean_upload_key(self) -> uuid.UUID | None:
        # Not a key at all (a client of its own, a tampered page): taken as an upload without one, rather than
        # refused over a field the user never sees.
        try:
            return uuid.UUID(self.cleaned_data["upload_key"])
        except ValueError:
            return None


def _usual_entity(actor: "User | None", keys: list[str]) -> str | None:
    """The kind of data this user imported last; an LKS operator's first import, its clients (what an LKS records
    day to day), rather than the first kind in the list (LKS), whose file would be refused for its columns."""
    if not keys or actor is None or not actor.is_authenticated:
        return None
    last = ImportJob.objects.filter(created_by=actor).order_by("-created_at").values_list("entity", flat=True).first()
    if last in keys:
        return last
    if "clients" in keys and any(m.role == Role.LKS_OPERATOR for m in active_memberships(actor)):
        return "clients"
    return None
