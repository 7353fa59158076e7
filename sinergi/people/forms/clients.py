"""The forms of a client's record: admission, correcting the record, why it is opened, and restricting or
erasing it."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sinergi.core.phones import phone_widget
from sinergi.organisations.models import Organisation
from sinergi.regions.forms import RegionField
from sinergi.vocabularies.models import Term, Vocabulary

from ..choices import AccessPurpose, DisabilityType, MissingIdReason, ServiceSetting, Sex
from ..models import Person
from .fields import AUDIT_REASON_HINT, NIK_WIDGET, _date, blank_choice, consent_fields, ppks_terms

PERSON_FIELDS = (
    "full_name",
    "sex",
    "birth_date",
    "birth_date_estimated",
    "birth_place",
    "nik",
    "nik_missing_reason",
    "kk",
    "kk_missing_reason",
    "origin_region",
    "ppks_categories",
    "disability_type",
    "mother_name",
    "father_name",
    "guardian_name",
    "guardian_relation",
    "guardian_phone",
    "notes",
)
PLACEMENT_FIELDS = ("ppks_category", "setting", "admitted_on", "services")
CONSENT_FIELDS = ("given_by", "giver_name", "given_on", "legal_basis", "scope")


class PersonFieldsForm(forms.Form):
    """A client's own fields, as admission asks them and the client's edit page corrects them."""

    full_name = forms.CharField(label=_("Nama lengkap"), max_length=150)
    sex = forms.ChoiceField(label=_("Jenis kelamin"), choices=Sex.choices, widget=forms.RadioSelect)
    birth_date = _date(_("Tanggal lahir"), required=False)
    birth_date_estimated = forms.BooleanField(label=_("Tanggal lahir perkiraan"), required=False)
    birth_place = forms.CharField(label=_("Tempat lahir"), max_length=100, required=False)
    nik = forms.CharField(
        label=_("NIK"),
        max_length=24,
        required=False,
        widget=NIK_WIDGET,
        help_text=_("16 angka sesuai KTP/KK. Kosongkan bila tidak ada, lalu pilih alasannya."),
    )
    nik_missing_reason = forms.ChoiceField(
        label=_("Alasan NIK tidak ada"), choices=blank_choice(MissingIdReason.choices, "—"), required=False
    )
    kk = forms.CharField(label=_("Nomor KK"), max_length=24, required=False, widget=NIK_WIDGET)
    kk_missing_reason = forms.ChoiceField(
        label=_("Alasan KK tidak ada"), choices=blank_choice(MissingIdReason.choices, "—"), required=False
    )
    # Any level, as the import takes it: the desa of a neglected child is often unknown, the kabupaten/kota is not.
    origin_region = RegionField(
        label=_("Daerah asal"),
        required=False,
        help_text=_("Desa/kelurahan asal; bila tidak diketahui, kecamatan atau kabupaten/kota asalnya."),
    )
    ppks_categories = forms.ModelMultipleChoiceField(
        label=_("Kategori PPKS"), queryset=Term.objects.none(), widget=forms.CheckboxSelectMultiple, required=False
    )
    disability_type = forms.ChoiceField(label=_("Ragam disabilitas"), choices=DisabilityType.choices, required=False)
    mother_name = forms.CharField(label=_("Nama ibu kandung"), max_length=150, required=False)
    father_name = forms.CharField(label=_("Nama ayah"), max_length=150, required=False)
    guardian_name = forms.CharField(label=_("Nama wali"), max_length=150, required=False)
    guardian_relation = forms.CharField(label=_("Hubungan wali"), max_length=60, required=False)
    guardian_phone = forms.CharField(label=_("Telepon wali"), max_length=30, required=False, widget=phone_widget())
    notes = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    person_fieldsets = [
        (_("Identitas"), ["full_name", "sex", "birth_date", "birth_date_estimated", "birth_place"]),
        (_("Nomor kependudukan"), ["nik", "nik_missing_reason", "kk", "kk_missing_reason"]),
        (
            _("Asal, kategori dan keluarga"),
            [
                "origin_region",
                "ppks_categories",
                "disability_type",
                "mother_name",
                "father_name",
                "guardian_name",
                "guardian_relation",
                "guardian_phone",
                "notes",
            ],
        ),
    ]
    fieldsets = person_fieldsets

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ppks_categories"].queryset = ppks_terms()

    def fieldset_list(self):
        for legend, names in self.fieldsets:
            yield legend, [self[name] for name in names if name in self.fields]


class AdmitForm(PersonFieldsForm):
    """Admission of a client: the person, the first placement and the consent, on one page."""

    field_order = ["organisation"]
    organisation = forms.ModelChoiceField(label=_("LKS"), queryset=Organisation.objects.none(), empty_label=None)
    # First placement
    ppks_category = forms.ModelChoiceField(
        label=_("Kategori PPKS utama"), queryset=Term.objects.none(), empty_label=_("— pilih —")
    )
    setting = forms.ChoiceField(label=_("Bentuk layanan"), choices=ServiceSetting.choices, widget=forms.RadioSelect)
    admitted_on = _date(_("Tanggal masuk"))
    services = forms.ModelMultipleChoiceField(
        label=_("Layanan yang diterima"),
        queryset=Term.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    fieldsets = [
        (PersonFieldsForm.person_fieldsets[0][0], ["organisation", *PersonFieldsForm.person_fieldsets[0][1]]),
        *PersonFieldsForm.person_fieldsets[1:],
        (_("Penempatan pertama"), list(PLACEMENT_FIELDS)),
        (_("Persetujuan pemrosesan data (UU PDP)"), list(CONSENT_FIELDS)),
    ]

    def __init__(self, *args, organisations=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(consent_fields())
        if organisations is not None:
            self.fields["organisation"].queryset = organisations
        self.fields["ppks_category"].queryset = ppks_terms()
        self.fields["services"].queryset = Term.objects.filter(vocabulary=Vocabulary.WELFARE_PILLAR, is_active=True)
        self.fields["admitted_on"].initial = timezone.localdate()
        self.fields["given_on"].initial = timezone.localdate()

    def clean(self):
        cleaned = super().clean()
        # Mirrors the service's rule so the message appears next to the field before anything is sent.
        if not (cleaned.get("nik") or "").strip() and not cleaned.get("nik_missing_reason"):
            self.add_error("nik_missing_reason", _("Isi NIK, atau pilih alasan NIK tidak ada."))
        return cleaned

    def split(self) -> tuple[Organisation, dict, dict, dict]:
        """The cleaned data as the service wants it: organisation, person, placement and consent parts."""
        data = self.cleaned_data
        person = {name: data[name] for name in PERSON_FIELDS}
        person["nik"] = (person["nik"] or "").strip()
        person["kk"] = (person["kk"] or "").strip()
        person["ppks_categories"] = list(person["ppks_categories"])
        placement = {name: data[name] for name in PLACEMENT_FIELDS}
        placement["services"] = list(placement["services"])
        consent = {name: data[name] for name in CONSENT_FIELDS}
        return data["organisation"], person, placement, consent


class PersonForm(PersonFieldsForm):
    """Corrects a client's record: the admission's person fields with the stored values, and `version`. A stored NIK
    or KK never comes back into the page: its masked form is shown, a number typed replaces it, and removing it is a
    tick with the reason it is missing (the service's rule: absent keeps, "" removes, digits replace)."""

    nik_remove = forms.BooleanField(label=_("Hapus NIK yang tersimpan"), required=False)
    kk_remove = forms.BooleanField(label=_("Hapus nomor KK yang tersimpan"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    fieldsets = [
        PersonFieldsForm.person_fieldsets[0],
        (
            PersonFieldsForm.person_fieldsets[1][0],
            ["nik", "nik_remove", "nik_missing_reason", "kk", "kk_remove", "kk_missing_reason"],
        ),
        *PersonFieldsForm.person_fieldsets[2:],
    ]

    def __init__(self, *args, person: Person, **kwargs) -> None:
        initial = {name: getattr(person, name) for name in PERSON_FIELDS if name not in {"nik", "kk"}}
        initial |= {
            "origin_region": person.origin_region_id,
            "ppks_categories": [term.pk for term in person.ppks_categories.all()],
            "version": person.version,
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.person = person
        # A category retired since it was given stays offered, so that saving the rest does not refuse it.
        self.fields["ppks_categories"].queryset = ppks_terms() | Term.objects.filter(pk__in=initial["ppks_categories"])
        if person.origin_region_id and not person.origin_region.is_current:
            self.fields["origin_region"].allow_retired = True  # the stored area only: see clean_origin_region
        for kind, label, new_label in (
            ("nik", _("NIK"), _("NIK baru (kosongkan jika tidak berubah)")),
            ("kk", _("nomor KK"), _("Nomor KK baru (kosongkan jika tidak berubah)")),
        ):
            masked = getattr(person, f"{kind}_masked")
            field = self.fields[kind]
            if masked:
                field.label = new_label
                field.help_text = _("Tersimpan: %(masked)s.") % {"masked": masked}
                self.fields[f"{kind}_missing_reason"].help_text = _("Hanya bila %(label)s yang tersimpan dihapus.") % {
                    "label": label
                }
            else:
                del self.fields[f"{kind}_remove"]
                field.help_text = _("Belum tercatat. Isi bila sudah diketahui; bila tidak, pilih alasannya.")

    def clean_origin_region(self):
        region = self.cleaned_data.get("origin_region")
        if region is not None and not region.is_current and region.pk != self.person.origin_region_id:
            field = self.fields["origin_region"]
            raise forms.ValidationError(
                field.error_messages["retired"], code="retired", params={"code": region.code, "name": region.name}
            )
        return region

    def clean(self):
        cleaned = super().clean()
        for kind, label in (("nik", _("NIK")), ("kk", _("nomor KK"))):
            typed = (cleaned.get(kind) or "").strip()
            if not cleaned.get(f"{kind}_remove"):
                continue
            # Mirrors the service's rule so the message appears next to the field before anything is sent.
            if typed:
                self.add_error(
                    f"{kind}_remove",
                    _("Ketik %(label)s baru atau hapus yang tersimpan, tidak keduanya.") % {"label": label},
                )
            elif not cleaned.get(f"{kind}_missing_reason"):
                self.add_error(
                    f"{kind}_missing_reason",
                    _("Pilih alasan %(label)s tidak ada bila yang tersimpan dihapus.") % {"label": label},
                )
        return cleaned

    def data_for_service(self) -> dict:
        """The cleaned data as `person_update` wants it: a NIK/KK left empty is not sent (kept), unless removed."""
        data = {name: self.cleaned_data[name] for name in PERSON_FIELDS}
        data["ppks_categories"] = list(data["ppks_categories"])
        for kind in ("nik", "kk"):
            typed = (data[kind] or "").strip()
            if typed:
                data[kind] = typed
            elif self.cleaned_data.get(f"{kind}_remove"):
                data[kind] = ""
            else:
                del data[kind]
        return data


class PurposeForm(forms.Form):
    """Why the user opens person-level data in this session; written beside every access."""

    purpose = forms.ChoiceField(label=_("Tujuan akses"), choices=AccessPurpose.choices, widget=forms.RadioSelect)


class ReasonForm(forms.Form):
    """Restricting or erasing a record: always with a reason; erasing also with an explicit confirmation."""

    reason = forms.CharField(label=_("Alasan"), max_length=300, help_text=AUDIT_REASON_HINT)
    confirm = forms.BooleanField(label=_("Saya mengerti tindakan ini tidak dapat dibatalkan."), required=False)
    subject_asked = forms.BooleanField(
        label=_("Atas permintaan yang bersangkutan atau walinya (UU PDP Pasal 8)"), required=False
    )
