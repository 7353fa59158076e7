"""Forms of the referral pages: they only shape input; the services check every rule again."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sinergi.organisations.choices import LKS_KINDS, OrganisationStatus
from sinergi.organisations.models import Organisation
from sinergi.people.choices import ConsentGiver, Sex
from sinergi.people.models import Consent
from sinergi.vocabularies.models import Term, Vocabulary

from .choices import IntakeSex, ServiceKind, Shared, Urgency

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TARGET_LKS = "lks"
TARGET_SERVICE = "service"
DEFAULT_SHARED = [Shared.IDENTITY, Shared.PPKS, Shared.CASE_SUMMARY]


def ppks_terms():
    return Term.objects.filter(vocabulary=Vocabulary.PPKS, is_active=True)


class ReferralForm(forms.Form):
    """A referral of one person: sender, target (an LKS found by the capacity search, or a service), reason,
    urgency, consent and what is shared."""

    from_organisation = forms.ModelChoiceField(
        label=_("Dikirim atas nama"), queryset=Organisation.objects.none(), empty_label=None
    )
    ppks_category = forms.ModelChoiceField(
        label=_("Kategori PPKS untuk rujukan ini"), queryset=Term.objects.none(), empty_label=_("— pilih —")
    )
    target = forms.ChoiceField(
        label=_("Dirujuk ke"),
        choices=[(TARGET_LKS, _("LKS lain (memindahkan penempatan)")), (TARGET_SERVICE, _("Layanan lain"))],
        widget=forms.RadioSelect,
        initial=TARGET_LKS,
    )
    to_organisation = forms.ModelChoiceField(
        label=_("LKS tujuan"),
        queryset=Organisation.objects.filter(kind__in=LKS_KINDS, status=OrganisationStatus.ACTIVE),
        required=False,
        widget=forms.HiddenInput,  # chosen from the capacity search's radio buttons
        error_messages={"invalid_choice": _("LKS tujuan tidak ditemukan atau tidak aktif.")},
    )
    to_service = forms.ChoiceField(
        label=_("Layanan"), choices=[("", _("— pilih —")), *ServiceKind.choices], required=False
    )
    to_service_provider = forms.CharField(
        label=_("Nama penyedia layanan"), max_length=200, required=False, help_text=_("mis. RSUD Ulin Banjarmasin")
    )
    reason = forms.CharField(
        label=_("Alasan rujukan"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Terlihat oleh LKS tujuan sebelum menerima: jangan tulis nama atau NIK di sini."),
    )
    urgency = forms.ChoiceField(
        label=_("Tingkat urgensi"), choices=Urgency.choices, widget=forms.RadioSelect, initial=Urgency.NORMAL
    )
    consent = forms.ModelChoiceField(
        label=_("Persetujuan yang sudah tercatat"),
        queryset=Consent.objects.none(),
        required=False,
        empty_label=_("— tidak, isi di bawah —"),
    )
    consent_given_by = forms.ChoiceField(
        label=_("Persetujuan rujukan diberikan oleh"),
        choices=[("", _("— pilih —")), *ConsentGiver.choices],
        required=False,
    )
    consent_giver_name = forms.CharField(label=_("Nama pemberi persetujuan"), max_length=150, required=False)
    consent_given_on = forms.DateField(label=_("Tanggal persetujuan"), widget=DATE_WIDGET, required=False)
    vital_interest = forms.BooleanField(
        label=_("Tanpa persetujuan, untuk melindungi kepentingan vital klien (UU PDP Pasal 20 ayat 2 huruf d)"),
        required=False,
    )
    vital_interest_note = forms.CharField(label=_("Alasan kepentingan vital"), max_length=300, required=False)
    share = forms.MultipleChoiceField(
        label=_("Yang dibagikan setelah rujukan diterima"),
        choices=Shared.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        initial=DEFAULT_SHARED,
    )
    case_summary = forms.CharField(
        label=_("Ringkasan kasus"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    health_notes = forms.CharField(
        label=_("Catatan kesehatan"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, person, organisations, may_move: bool = True, **kwargs) -> None:
        """`may_move`: whether the user may move the person's placement, which a referral to an LKS does on its
        acceptance; without it (a kabupaten/kota board) only a referral to a service is offered, not one the
        service would refuse."""
        super().__init__(*args, **kwargs)
        if not may_move:
            self.fields["target"].choices = [(TARGET_SERVICE, _("Layanan lain"))]
            self.fields["target"].initial = TARGET_SERVICE
        self.fields["from_organisation"].queryset = organisations
        self.fields["ppks_category"].queryset = ppks_terms()
        self.fields["consent"].queryset = Consent.objects.filter(person=person, withdrawn_on__isnull=True)
        self.fields["consent_given_on"].initial = timezone.localdate()

    def clean(self):
        cleaned = super().clean()
        # The choice of target decides which of the two groups counts; the other is ignored.
        if cleaned.get("target") == TARGET_LKS:
            cleaned["to_service"], cleaned["to_service_provider"] = "", ""
            if not cleaned.get("to_organisation") and "to_organisation" not in self.errors:
                self.add_error("to_organisation", _("Pilih LKS tujuan dari hasil pencarian."))
        else:
            cleaned["to_organisation"] = None
        return cleaned

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("target", None)
        data["share"] = set(data.get("share") or [])
        return data


class CapacityForm(forms.Form):
    """The capacity search's questions: category, age, sex and where to measure from."""

    ppks = forms.ModelChoiceField(
        label=_("Kategori PPKS"),
        queryset=Term.objects.none(),
        to_field_name="code",
        error_messages={"invalid_choice": _("Kategori PPKS tidak dikenal.")},
    )
    age = forms.IntegerField(label=_("Usia (tahun)"), min_value=0, max_value=120, required=False)
    sex = forms.ChoiceField(label=_("Jenis kelamin"), choices=[("", _("semua")), *Sex.choices], required=False)
    near = forms.ModelChoiceField(
        label=_("Dekat dengan"),
        queryset=Organisation.objects.all(),
        required=False,
        error_messages={"invalid_choice": _("Organisasi asal tidak ditemukan.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ppks"].queryset = ppks_terms()


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Alasan penolakan"), max_length=300)


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Alasan pembatalan"), max_length=300)


class CompleteForm(forms.Form):
    note = forms.CharField(label=_("Catatan penyelesaian"), max_length=300, required=False)


class IntakeForm(forms.Form):
    """Which clients an LKS takes in, for the capacity search."""

    sex = forms.ChoiceField(label=_("Jenis kelamin yang diterima"), choices=IntakeSex.choices, required=False)
    min_age = forms.IntegerField(label=_("Usia minimal (tahun)"), min_value=0, max_value=120, required=False)
    max_age = forms.IntegerField(label=_("Usia maksimal (tahun)"), min_value=0, max_value=120, required=False)
