"""The forms of a client's care once admitted: consents and their withdrawal, care-plan reviews, leaving,
correcting a stay, and incidents."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sinergi.vocabularies.models import Term

from ..choices import DischargeReason, IncidentKind, PlacementStatus, ServiceSetting
from .fields import AUDIT_REASON_HINT, CHOOSE, _date, blank_choice, consent_fields, ppks_terms


class WithdrawalForm(forms.Form):
    """The day a consent was withdrawn (UU PDP Pasal 9: the person, or their parent or guardian, may withdraw it)."""

    withdrawn_on = _date(_("Tanggal pencabutan"))
    # A withdrawal is kept as proof of what held before, so it is not undone: a second tick keeps a slip from it.
    confirm = forms.BooleanField(label=_("Pencabutan tidak dapat dibatalkan"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["withdrawn_on"].initial = timezone.localdate()


class WithdrawalCorrectionForm(forms.Form):
    """The right day of a withdrawal recorded on a wrong one, and why (kept in the audit)."""

    withdrawn_on = _date(_("Tanggal pencabutan yang benar"))
    note = forms.CharField(label=_("Alasan koreksi"), max_length=300, help_text=AUDIT_REASON_HINT)


class ConsentForm(forms.Form):
    """A further consent for a person already admitted (e.g. the child, once of age, consents themselves)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(consent_fields())
        self.fields["given_on"].initial = timezone.localdate()


class ReviewForm(forms.Form):
    """A care-plan review of one placement (SNPA: every six months)."""

    reviewed_on = _date(_("Tanggal tinjauan"))
    summary = forms.CharField(label=_("Ringkasan"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewed_on"].initial = timezone.localdate()


class DischargeForm(forms.Form):
    discharged_on = _date(_("Tanggal keluar"))
    reason = forms.ChoiceField(label=_("Alasan keluar"), choices=blank_choice(DischargeReason.choices))
    note = forms.CharField(label=_("Keterangan"), max_length=300, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["discharged_on"].initial = timezone.localdate()


class PlacementCorrectionForm(forms.Form):
    """What a stay was recorded with, to correct a mistake: the leaving date and reason only for an ended stay, and
    not for one ended by a referral (the next stay began that day)."""

    ppks_category = forms.ModelChoiceField(
        label=_("Kategori PPKS utama"), queryset=Term.objects.none(), empty_label=CHOOSE
    )
    setting = forms.ChoiceField(label=_("Bentuk layanan"), choices=ServiceSetting.choices, widget=forms.RadioSelect)
    admitted_on = _date(_("Tanggal masuk"))
    discharged_on = _date(_("Tanggal keluar"))
    discharge_reason = forms.ChoiceField(
        label=_("Alasan keluar"),
        choices=blank_choice([(v, label) for v, label in DischargeReason.choices if v != DischargeReason.TRANSFERRED]),
    )

    def __init__(self, *args, placement, **kwargs) -> None:
        initial = {
            "ppks_category": placement.ppks_category_id,
            "setting": placement.setting,
            "admitted_on": placement.admitted_on,
            "discharged_on": placement.discharged_on,
            "discharge_reason": placement.discharge_reason,
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["ppks_category"].queryset = ppks_terms() | Term.objects.filter(pk=placement.ppks_category_id)
        ended_here = placement.status == PlacementStatus.DISCHARGED
        if not ended_here or placement.discharge_reason == DischargeReason.TRANSFERRED:
            del self.fields["discharged_on"], self.fields["discharge_reason"]


class IncidentForm(forms.Form):
    """A suspicion of abuse or violence; Dinas Sosial is told as soon as it is saved."""

    kind = forms.ChoiceField(label=_("Jenis"), choices=blank_choice(IncidentKind.choices))
    occurred_on = _date(_("Tanggal kejadian"), required=False)
    description = forms.CharField(label=_("Uraian"), widget=forms.Textarea(attrs={"rows": 3}))
