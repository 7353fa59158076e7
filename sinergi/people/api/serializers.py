"""People API shapes. NIK and KK are never returned in full: only the masked form; `nik`/`kk` are write-only."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from sinergi.organisations.api.serializers import TermCodeField
from sinergi.regions.models import Region
from sinergi.vocabularies.models import Vocabulary

from ..choices import CaseStage, ConsentGiver, DischargeReason, LegalBasis, ServiceSetting
from ..models import Consent, Person, Placement, Worker

PERSON_WRITABLE = [
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
]


class PlacementAdmitSerializer(serializers.Serializer):
    """The first placement, given when a client is admitted."""

    ppks_category = TermCodeField(Vocabulary.PPKS)
    setting = serializers.ChoiceField(choices=ServiceSetting.choices)
    admitted_on = serializers.DateField()
    services = TermCodeField(Vocabulary.WELFARE_PILLAR, many=True, required=False)


class ConsentSerializer(serializers.ModelSerializer):
    """Proof of the legal basis for processing (UU PDP Pasal 20)."""

    given_by = serializers.ChoiceField(choices=ConsentGiver.choices)
    legal_basis = serializers.ChoiceField(choices=LegalBasis.choices)

    class Meta:
        model = Consent
        fields = ["id", "given_by", "giver_name", "given_on", "legal_basis", "scope", "withdrawn_on"]
        read_only_fields = ["id", "withdrawn_on"]


class ClientSerializer(serializers.ModelSerializer):
    """A client (PPKS). Created together with the first placement and the consent, through the admission service."""

    nik = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        max_length=24,
        help_text=_("16 angka; tidak pernah dikirim balik."),
    )
    kk = serializers.CharField(write_only=True, required=False, allow_blank=True, max_length=24)
    origin_region = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Region.objects.all(),
        required=False,
        allow_null=True,
        error_messages={"does_not_exist": _("Kode wilayah “{value}” tidak dikenal.")},
    )
    ppks_categories = TermCodeField(Vocabulary.PPKS, many=True, required=False)
    organisation = serializers.IntegerField(
        source="organisation_id", help_text=_("ID LKS tempat klien diterima (hanya saat membuat).")
    )
    placement = PlacementAdmitSerializer(write_only=True, required=False)
    consent = ConsentSerializer(write_only=True, required=False)
    version = serializers.IntegerField(
        required=False, help_text=_("Versi yang Anda baca; wajib saat mengubah (penguncian optimistis).")
    )

    class Meta:
        model = Person
        fields = [
            "id",
            "organisation",
            *PERSON_WRITABLE,
            "nik_masked",
            "kk_masked",
            "province_code",
            "regency_code",
            "is_restricted",
            "placement",
            "consent",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["nik_masked", "kk_masked", "province_code", "regency_code", "is_restricted"]


CREATE_ONLY = ("organisation", "placement", "consent")


def refuse_create_only(serializer: serializers.Serializer, names: tuple[str, ...]) -> None:
    """A PATCH that names a field set only at creation is refused, not silently ignored: a move to another LKS that
    answered 200 with the old LKS would look done. The LKS the record already has may be sent back unchanged (a
    client that PATCHes what it read)."""
    data, instance = serializer.initial_data, serializer.instance
    refused = {
        name: [_("Hanya diisi saat data dibuat; tidak dapat diubah dengan PATCH.")]
        for name in names
        if name in data and not (name == "organisation" and str(data[name]) == str(instance.organisation_id))
    }
    if refused:
        raise serializers.ValidationError(refused)


class ClientAdmissionSerializer(ClientSerializer):
    """A client admitted: the person, the first placement (required) and the consent."""

    placement = PlacementAdmitSerializer(
        write_only=True, error_messages={"required": _("Penempatan pertama wajib diisi.")}
    )

    version = serializers.IntegerField(read_only=True)


class ClientCorrectionSerializer(ClientSerializer):
    """A correction of a client's own data. The LKS, the placement and the consent are not changed here."""

    version = serializers.IntegerField(help_text=_("Versi yang Anda baca (penguncian optimistis)."))

    class Meta(ClientSerializer.Meta):
        fields = [name for name in ClientSerializer.Meta.fields if name not in CREATE_ONLY]

    def validate(self, attrs: dict) -> dict:
        refuse_create_only(self, CREATE_ONLY)
        return attrs


class AdmissionResultSerializer(ClientSerializer):
    """A created client, with the warnings the admission raised (age rules, NIK checks, duplicates)."""

    warnings = serializers.ListField(child=serializers.CharField(), read_only=True)
    duplicate_candidates = serializers.IntegerField(read_only=True)

    class Meta(ClientSerializer.Meta):
        fields = [*ClientSerializer.Meta.fields, "warnings", "duplicate_candidates"]


class PlacementSerializer(serializers.ModelSerializer):
    """A person's stay with (or service from) one LKS; the person is given by ID and masked NIK only."""

    ppks_category = serializers.SlugRelatedField(slug_field="code", read_only=True)
    services = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    person_nik_masked = serializers.CharField(source="person.nik_masked", read_only=True)

    class Meta:
        model = Placement
        fields = [
            "id",
            "person",
            "person_name",
            "person_nik_masked",
            "organisation",
            "province_code",
            "regency_code",
            "ppks_category",
            "setting",
            "admitted_on",
            "services",
            "stage",
            "next_review_on",
            "status",
            "discharged_on",
            "discharge_reason",
            "discharge_note",
        ]
        read_only_fields = fields


class StageSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=CaseStage.choices, help_text=_("Tahap SNPA berikutnya."))


class DischargeSerializer(serializers.Serializer):
    discharged_on = serializers.DateField()
    reason = serializers.ChoiceField(choices=DischargeReason.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=300)


class WorkerSerializer(serializers.ModelSerializer):
    """A worker (PSKS/TKSM); only the date and result of a background check are held, never the record."""

    nik = serializers.CharField(write_only=True, required=False, allow_blank=True, max_length=24)
    psks_category = TermCodeField(Vocabulary.PSKS)
    organisation = serializers.IntegerField(source="organisation_id", help_text=_("ID LKS (hanya saat membuat)."))
    version = serializers.IntegerField(required=False)

    class Meta:
        model = Worker
        fields = [
            "id",
            "organisation",
            "full_name",
            "sex",
            "birth_date",
            "nik",
            "nik_masked",
            "psks_category",
            "role",
            "job_title",
            "phone",
            "started_on",
            "ended_on",
            "certifications",
            "works_with_children",
            "background_check_on",
            "background_check_result",
            "province_code",
            "regency_code",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["nik_masked", "ended_on", "province_code", "regency_code", "created_at", "updated_at"]


class WorkerChangeSerializer(WorkerSerializer):
    """A change of a worker's data. The LKS is not changed here."""

    version = serializers.IntegerField(help_text=_("Versi yang Anda baca (penguncian optimistis)."))

    class Meta(WorkerSerializer.Meta):
        fields = [name for name in WorkerSerializer.Meta.fields if name != "organisation"]

    def validate(self, attrs: dict) -> dict:
        refuse_create_only(self, ("organisation",))
        return attrs
