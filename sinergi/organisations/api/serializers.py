from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from sinergi.regions.models import Region
from sinergi.vocabularies.models import Term, Vocabulary

from ..models import Organisation

WRITABLE_FIELDS = [
    "kind",
    "name",
    "primary_service_kind",
    "service_kinds",
    "care_setting",
    "legal_form",
    "has_legal_entity",
    "deed_number",
    "deed_date",
    "notary_name",
    "kemenkumham_number",
    "kemenkumham_date",
    "npwp",
    "address",
    "region",
    "latitude",
    "longitude",
    "phone",
    "email",
    "website",
    "head_name",
    "head_phone",
    "capacity",
    "permit_number",
    "permit_issuer",
    "permit_issued_on",
    "permit_expires_on",
    "registration_number",
    "registration_issuer",
    "registration_issued_on",
    "registration_expires_on",
    "accreditation_grade",
    "accredited_on",
    "accreditation_certificate_number",
]


class TermCodeField(serializers.SlugRelatedField):
    """A vocabulary item given and shown by its code (e.g. "anak"), limited to one vocabulary. A retired item is
    refused, as the forms and the import refuse it, unless the record already holds it (a record read and sent back
    unchanged)."""

    def __init__(self, vocabulary: str, **kwargs) -> None:
        kwargs.setdefault("queryset", Term.objects.filter(vocabulary=vocabulary))
        # DRF's own "Object with code=… does not exist." is English only.
        kwargs.setdefault(
            "error_messages",
            {
                "does_not_exist": _("Kode “{value}” tidak dikenal."),
                "invalid": _("Kode tidak sah: kirim teks."),
                "retired": _("Kode “{value}” sudah tidak dipakai; pilih kode yang masih berlaku."),
            },
        )
        super().__init__(slug_field="code", **kwargs)

    def to_internal_value(self, data: Any) -> Term:
        term = super().to_internal_value(data)
        if not term.is_active and not self._held(term):
            self.fail("retired", value=data)
        return term

    def _held(self, term: Term) -> bool:
        """Whether the record being changed holds this item already, in this field."""
        field = self.parent if isinstance(self.parent, serializers.ManyRelatedField) else self
        instance = getattr(field.parent, "instance", None)
        if instance is None or not hasattr(instance, "pk"):
            return False
        try:
            held = field.get_attribute(instance)
        except (AttributeError, KeyError, ObjectDoesNotExist):
            return False
        return term in list(held) if hasattr(held, "__iter__") else held == term


class OrganisationSerializer(serializers.ModelSerializer):
    """An organisation of the registry; writes go through the services, which check scope and rules."""

    primary_service_kind = TermCodeField(Vocabulary.LKS_KIND, required=False, allow_null=True)
    service_kinds = TermCodeField(Vocabulary.LKS_KIND, many=True, required=False)
    accreditation_grade = TermCodeField(Vocabulary.ACCREDITATION_GRADE, required=False, allow_null=True)
    region = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Region.objects.all(),
        error_messages={"does_not_exist": _("Kode wilayah “{value}” tidak dikenal.")},
    )
    version = serializers.IntegerField(
        required=False, help_text=_("Versi yang Anda baca; wajib saat mengubah (penguncian optimistis).")
    )

    class Meta:
        model = Organisation
        fields = [
            "id",
            *WRITABLE_FIELDS,
            "province_code",
            "regency_code",
            "district_code",
            "village_code",
            "accreditation_expires_on",
            "status",
            "verified_at",
            "inactive_reason",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "province_code",
            "regency_code",
            "district_code",
            "village_code",
            "accreditation_expires_on",
            "status",
            "verified_at",
            "inactive_reason",
            "created_at",
            "updated_at",
        ]


class TransitionSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=300)
