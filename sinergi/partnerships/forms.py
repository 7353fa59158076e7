from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from sinergi.core.params import as_id
from sinergi.organisations.choices import OrganisationKind
from sinergi.vocabularies.models import Term, Vocabulary

from .choices import DOCUMENT_MAX_BYTES, PartyRole
from .models import Agreement
from .services import PartyInput


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class AgreementForm(forms.ModelForm):
    """The agreement's own fields; the parties come as repeated rows (see `parties_from_post`)."""

    participation_forms = forms.ModelMultipleChoiceField(
        label=_("Bentuk peran serta (PP 39/2012 Pasal 51)"),
        queryset=Term.objects.filter(vocabulary=Vocabulary.PARTICIPATION_FORM, is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    welfare_pillars = forms.ModelMultipleChoiceField(
        label=_("Pilar kesejahteraan sosial"),
        queryset=Term.objects.filter(vocabulary=Vocabulary.WELFARE_PILLAR, is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Agreement
        fields = [
            "kind",
            "title",
            "number",
            "scope",
            "participation_forms",
            "welfare_pillars",
            "starts_on",
            "ends_on",
            "signed_on",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "signed_on": DateInput(),
            "scope": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "signed_on": _("Wajib sebelum perjanjian dinyatakan berlaku."),
            "number": _("Nomor surat perjanjian, mis. 001/MoU/LKKKS-BJM/2025."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Judul dokumen"), max_length=200, required=False)
    file = forms.FileField(
        label=format_lazy(
            _("Berkas (PDF, PNG atau JPEG, paling besar {mb} MB)"), mb=DOCUMENT_MAX_BYTES // (1024 * 1024)
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/png,image/jpeg"}),
    )


class TerminateForm(forms.Form):
    reason = forms.CharField(label=_("Alasan pengakhiran"), max_length=300)
    on = forms.DateField(label=_("Diakhiri pada"), required=False, widget=DateInput())


class NetworkFilterForm(forms.Form):
    region = forms.CharField(required=False, max_length=13)
    kind = forms.ChoiceField(required=False, choices=[("", _("Semua"))] + list(OrganisationKind.choices))
    include_ended = forms.BooleanField(required=False, label=_("Termasuk perjanjian yang sudah berakhir"))


def parties_from_post(data, *, candidates) -> tuple[list[PartyInput], list[dict], list[str]]:
    """The repeated party rows of the form: (inputs for the service, rows to show again, problems).

    Organisations are looked up among `candidates` plus those already party to the agreement; an unknown or
    out-of-reach id is a problem, never silently dropped."""
    ids = data.getlist("party_organisation")
    roles = data.getlist("party_role")
    signatories = data.getlist("party_signatory")
    known = {str(o.pk): o for o in candidates.filter(pk__in={as_id(i) for i in ids} - {0})}
    inputs: list[PartyInput] = []
    rows: list[dict] = []
    problems: list[str] = []
    for index, raw_id in enumerate(ids):
        role = roles[index] if index < len(roles) else ""
        signatory = signatories[index] if index < len(signatories) else ""
        organisation = known.get(raw_id)
        if organisation is None:
            problems.append(_("Organisasi pihak tidak ditemukan atau tidak dapat Anda pilih."))
            continue
        if role not in PartyRole.values:
            problems.append(_("Pilih kedudukan untuk %(name)s.") % {"name": organisation.name})
        rows.append({"organisation": organisation, "role": role, "signatory": signatory})
        inputs.append(PartyInput(organisation=organisation, role=role, signatory=signatory))
    return inputs, rows, problems
