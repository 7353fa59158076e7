"""What the people forms share: the date and NIK widgets, the choice helpers, the PPKS categories offered, the
consent fields (of admission and of a later consent) and the hint under a reason the audit keeps."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sinergi.vocabularies.models import Term, Vocabulary

from ..choices import ConsentGiver, LegalBasis

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# A NIK is typed (or pasted) with spaces or dots now and then; the service normalises and checks it.
NIK_WIDGET = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": "24"})


def ppks_terms():
    return Term.objects.filter(vocabulary=Vocabulary.PPKS, is_active=True)


CHOOSE = _("— pilih —")


def blank_choice(choices, label=CHOOSE):
    return [("", label), *[(value, text) for value, text in choices if value != ""]]


def _date(label, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(label=label, widget=DATE_WIDGET, required=required, help_text=help_text)


def consent_fields() -> dict[str, forms.Field]:
    """The consent part, shared by the admission form and the separate consent form."""
    return {
        "given_by": forms.ChoiceField(
            label=_("Persetujuan diberikan oleh"), choices=ConsentGiver.choices, widget=forms.RadioSelect
        ),
        "giver_name": forms.CharField(label=_("Nama pemberi persetujuan"), max_length=150),
        "given_on": _date(_("Tanggal persetujuan")),
        "legal_basis": forms.ChoiceField(
            label=_("Dasar pemrosesan (UU PDP Pasal 20)"),
            choices=blank_choice(LegalBasis.choices),
            initial=LegalBasis.CONSENT,
        ),
        "scope": forms.CharField(
            label=_("Cakupan persetujuan"),
            max_length=300,
            initial=_("Pencatatan dan pengolahan data untuk pelayanan dan pelaporan kesejahteraan sosial"),
        ),
    }


# Under a reason the audit keeps (and shows the province admin in the log), which outlives an erasure.
AUDIT_REASON_HINT = _("Jangan menulis nama atau NIK; alasan ini disimpan di log audit.")
