"""The forms of a worker (PSKS/TKSM): their record, and the end of their service at the LKS."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sinergi.core.phones import phone_widget
from sinergi.organisations.models import Organisation
from sinergi.vocabularies.models import Term, Vocabulary

from ..choices import BackgroundCheckResult, Sex, WorkerRole
from ..models import Worker
from .fields import NIK_WIDGET, _date, blank_choice


class WorkerEndForm(forms.Form):
    """The last day a worker served at the LKS."""

    ended_on = _date(_("Tanggal berhenti bertugas"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ended_on"].initial = timezone.localdate()


WORKER_FIELDS = (
    "full_name",
    "sex",
    "birth_date",
    "nik",
    "psks_category",
    "role",
    "job_title",
    "phone",
    "started_on",
    "certifications",
    "works_with_children",
    "background_check_on",
    "background_check_result",
)


class WorkerForm(forms.Form):
    """A worker (PSKS/TKSM) of an LKS; a background check is asked of those who work with children."""

    organisation = forms.ModelChoiceField(label=_("LKS"), queryset=Organisation.objects.none(), empty_label=None)
    full_name = forms.CharField(label=_("Nama lengkap"), max_length=150)
    sex = forms.ChoiceField(label=_("Jenis kelamin"), choices=Sex.choices, widget=forms.RadioSelect)
    birth_date = _date(_("Tanggal lahir"), required=False)
    nik = forms.CharField(label=_("NIK"), max_length=24, required=False, widget=NIK_WIDGET)
    psks_category = forms.ModelChoiceField(
        label=_("Kategori PSKS"), queryset=Term.objects.none(), empty_label=_("— pilih —")
    )
    role = forms.ChoiceField(label=_("Peran"), choices=blank_choice(WorkerRole.choices))
    job_title = forms.CharField(
        label=_("Jabatan"),
        max_length=100,
        required=False,
        help_text=_("Sebutan jabatan di LKS, mis. “Juru masak” atau “Kepala asrama”."),
    )
    phone = forms.CharField(label=_("Telepon"), max_length=30, required=False, widget=phone_widget())
    started_on = _date(_("Mulai bertugas"), required=False)
    certifications = forms.CharField(
        label=_("Sertifikasi/pelatihan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    works_with_children = forms.BooleanField(label=_("Bekerja dengan anak"), required=False)
    background_check_on = _date(
        _("Tanggal pemeriksaan latar belakang"),
        required=False,
        help_text=_("Hanya tanggal dan hasil yang dicatat, bukan isi catatannya."),
    )
    background_check_result = forms.ChoiceField(
        label=_("Hasil pemeriksaan"), choices=blank_choice(BackgroundCheckResult.choices, "—"), required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organisations=None, worker: Worker | None = None, **kwargs) -> None:
        if worker is not None and "initial" not in kwargs:
            kwargs["initial"] = {name: getattr(worker, name) for name in WORKER_FIELDS if name != "nik"} | {
                "psks_category": worker.psks_category_id,
                "organisation": worker.organisation_id,
                "version": worker.version,
            }
        super().__init__(*args, **kwargs)
        self.fields["psks_category"].queryset = Term.objects.filter(vocabulary=Vocabulary.PSKS, is_active=True)
        if organisations is not None:
            self.fields["organisation"].queryset = organisations
        if worker is not None:
            # Moving a worker to another LKS is a transfer, not an edit; the NIK is kept unless a new one is typed.
            del self.fields["organisation"]
            self.fields["nik"].help_text = _("Tersimpan: %(masked)s. Kosongkan untuk tidak mengubah.") % {
                "masked": worker.nik_masked or "—"
            }

    def data_for_service(self) -> dict:
        data = {name: self.cleaned_data[name] for name in WORKER_FIELDS}
        data["nik"] = (data["nik"] or "").strip()
        if "organisation" not in self.fields and not data["nik"]:
            data.pop("nik")
        return data
