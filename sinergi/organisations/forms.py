from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sinergi.core.phones import phone_widget
from sinergi.regions.forms import RegionField
from sinergi.regions.models import Region
from sinergi.vocabularies.models import Term, Vocabulary

from .choices import OfficerPosition, OrganisationKind
from .models import DATE_FIELDS, Organisation
from .services import capacity_problem

NON_LKS_KINDS = [(k, label) for k, label in OrganisationKind.choices if k != OrganisationKind.LKKKS]
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

# Said on the form and in the import template's column help: both round the same way.
COORDINATE_HELP = _(
    "Boleh ditempel dari aplikasi peta; angka di belakang koma lebih dari 6 dibulatkan menjadi 6 (ketelitian "
    "sekitar 0,1 m)."
)

FIELDSETS = [
    (_("Identitas"), ["kind", "name", "primary_service_kind", "service_kinds", "care_setting", "capacity"]),
    (
        _("Badan hukum"),
        [
            "legal_form",
            "has_legal_entity",
            "deed_number",
            "deed_date",
            "notary_name",
            "kemenkumham_number",
            "kemenkumham_date",
            "npwp",
        ],
    ),
    (_("Alamat dan kontak"), ["address", "region", "latitude", "longitude", "phone", "email", "website"]),
    (_("Pimpinan"), ["head_name", "head_phone"]),
    (
        _("Izin operasional dan tanda daftar"),
        [
            "permit_number",
            "permit_issuer",
            "permit_issued_on",
            "permit_expires_on",
            "registration_number",
            "registration_issuer",
            "registration_issued_on",
            "registration_expires_on",
        ],
    ),
    (_("Akreditasi"), ["accreditation_grade", "accredited_on", "accreditation_certificate_number"]),
]


class CoordinateField(forms.DecimalField):
    """A latitude or longitude: a map app copies 7 to 15 decimals (-3.319412345678), which are rounded to the
    model's places (6, about 0.1 m) rather than refused, exactly as the import rounds them."""

    def to_python(self, value: Any) -> Decimal | None:
        number = super().to_python(value)
        if number is None or not number.is_finite() or self._too_large(number):
            return number  # not a number, or too many digits before the point: the validators' message refuses it
        return number.quantize(Decimal(1).scaleb(-self.decimal_places))

    def _too_large(self, number: Decimal) -> bool:
        # quantize() raises for a number with more digits than the decimal context holds (1e25 from the form).
        return self.max_digits is not None and abs(number) >= Decimal(10) ** (self.max_digits - self.decimal_places)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        if "step" in attrs:
            attrs["step"] = "any"  # the browser must not refuse the decimals the server rounds
        return attrs


class OrganisationForm(forms.ModelForm):
    """The registry form; business rules are checked again (and finally) by the services."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    website = forms.URLField(label=_("Situs web"), required=False, assume_scheme="https", max_length=200)

    class Meta:
        model = Organisation
        fields = [name for _legend, names in FIELDSETS for name in names]
        field_classes = {"latitude": CoordinateField, "longitude": CoordinateField}
        widgets = {
            **dict.fromkeys(DATE_FIELDS, DATE_WIDGET),
            "service_kinds": forms.CheckboxSelectMultiple,
            "address": forms.Textarea(attrs={"rows": 2}),
            "phone": phone_widget(),
            "head_phone": phone_widget(),
        }

        help_texts = {
            "region": _("Ketik nama atau kode desa/kelurahan, lalu pilih dari daftar."),
            "permit_expires_on": _("Kosongkan bila tidak tertulis; sistem menghitung dari masa berlaku baku."),
            "registration_expires_on": _("Kosongkan bila tidak tertulis; sistem menghitung dari masa berlaku baku."),
            "latitude": COORDINATE_HELP,
            "longitude": COORDINATE_HELP,
        }

    def __init__(self, *args, board_fields: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        kinds = Term.objects.filter(vocabulary=Vocabulary.LKS_KIND, is_active=True)
        self.fields["primary_service_kind"].queryset = kinds
        self.fields["service_kinds"].queryset = kinds
        self.fields["accreditation_grade"].queryset = Term.objects.filter(
            vocabulary=Vocabulary.ACCREDITATION_GRADE, is_active=True
        )
        self.fields["accreditation_grade"].empty_label = _("Belum terakreditasi")
        if self.instance.pk and self.instance.kind == OrganisationKind.LKKKS:
            # A board's own record: it stays a board (organisation_update refuses otherwise); its name, address and
            # papers are what is edited here.
            self.fields["kind"].choices = [(OrganisationKind.LKKKS, OrganisationKind.LKKKS.label)]
            self.fields["kind"].disabled = True
        else:
            self.fields["kind"].choices = NON_LKS_KINDS
        self.fields["region"] = region_form_field(required=True)
        self.fields["region"].help_text = _("Ketik nama atau kode desa/kelurahan, lalu pilih dari daftar.")
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        if not board_fields:
            # LKS operators see their standing but cannot change it; the service refuses it too.
            for name in ("kind", "accreditation_grade", "accredited_on", "accreditation_certificate_number"):
                self.fields[name].disabled = True

    def clean_capacity(self) -> int | None:
        capacity = self.cleaned_data.get("capacity")
        if message := capacity_problem(capacity):
            raise forms.ValidationError(message)
        return capacity

    def fieldsets(self):
        for legend, names in FIELDSETS:
            yield legend, [self[name] for name in names if name in self.fields]


def region_form_field(*, required: bool) -> forms.Field:
    """The region picker (searches by name or code with HTMX; never lists 83k options)."""
    return RegionField(label=_("Wilayah (desa/kelurahan)"), required=required, level=(2, 3, 4))


class TransitionForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), required=False, max_length=300)


class BoardTermForm(forms.Form):
    starts_on = forms.DateField(label=_("Mulai"), widget=DATE_WIDGET)
    ends_on = forms.DateField(label=_("Berakhir"), widget=DATE_WIDGET)
    inaugurated_on = forms.DateField(label=_("Dilantik pada"), widget=DATE_WIDGET, required=False)
    decree_number = forms.CharField(label=_("Nomor SK pengukuhan"), max_length=100, required=False)


class BoardOfficerForm(forms.Form):
    name = forms.CharField(label=_("Nama"), max_length=150)
    position = forms.ChoiceField(label=_("Jabatan"), choices=OfficerPosition.choices)
    position_detail = forms.CharField(label=_("Keterangan jabatan"), max_length=150, required=False)


class BoardMemberForm(forms.Form):
    member = forms.ModelChoiceField(label=_("Organisasi anggota"), queryset=Organisation.objects.none())

    def __init__(self, *args, candidates=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if candidates is not None:
            self.fields["member"].queryset = candidates


class BoardCreateForm(forms.Form):
    name = forms.CharField(label=_("Nama LKKKS"), max_length=200)
    region = forms.ModelChoiceField(label=_("Wilayah (provinsi atau kabupaten/kota)"), queryset=Region.objects.none())
    address = forms.CharField(label=_("Alamat sekretariat"), max_length=300, required=False)

    def __init__(self, *args, regions=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if regions is not None:
            self.fields["region"].queryset = regions
