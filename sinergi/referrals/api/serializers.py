"""Referral API shapes. What of the person a response carries depends on the caller's level (see selectors):
before acceptance the receiving LKS gets only the summary — no name, no NIK; the NIK is only ever masked."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from sinergi.organisations.api.serializers import TermCodeField
from sinergi.people.choices import ConsentGiver, Sex
from sinergi.vocabularies.models import Vocabulary

from .. import selectors
from ..choices import ServiceKind, Shared, Urgency
from ..models import Referral, ReferralEvent


class OrganisationRefSerializer(serializers.Serializer):
    """An organisation named by id and name."""

    id = serializers.IntegerField()
    name = serializers.CharField()


class SharedPersonSerializer(serializers.Serializer):
    """The person's identity, when the sender shared it (or the caller is the sender). NIK masked."""

    id = serializers.IntegerField()
    full_name = serializers.CharField()
    sex = serializers.CharField()
    birth_date = serializers.DateField(allow_null=True)
    nik_masked = serializers.CharField()
    origin_region = serializers.CharField(source="origin_region_id", allow_null=True)


class EventSerializer(serializers.ModelSerializer):
    """One dated step of the referral."""

    class Meta:
        model = ReferralEvent
        fields = ["kind", "at", "actor_name", "note"]


class SharedFlagsSerializer(serializers.Serializer):
    identity = serializers.BooleanField(source="share_identity")
    ppks = serializers.BooleanField(source="share_ppks")
    case_summary = serializers.BooleanField(source="share_case_summary")
    care_plan = serializers.BooleanField(source="share_care_plan")
    health = serializers.BooleanField(source="share_health")


class ReferralSerializer(serializers.ModelSerializer):
    """A referral: the summary always; `person`, `ppks_categories`, `case_summary`, `care_plan_stage` and
    `health_notes` are null unless the caller may see them (`level`: full, shared or summary)."""

    level = serializers.SerializerMethodField()
    ppks_category = serializers.SlugRelatedField(slug_field="code", read_only=True)
    from_organisation = OrganisationRefSerializer(read_only=True)
    to_organisation = OrganisationRefSerializer(read_only=True, allow_null=True)
    shared = SharedFlagsSerializer(source="*", read_only=True)
    person = SharedPersonSerializer(read_only=True, allow_null=True)
    ppks_categories = serializers.SerializerMethodField()
    case_summary = serializers.SerializerMethodField()
    care_plan_stage = serializers.SerializerMethodField()
    health_notes = serializers.SerializerMethodField()
    new_placement = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    events = EventSerializer(many=True, read_only=True)

    class Meta:
        model = Referral
        fields = [
            "id",
            "status",
            "urgency",
            "level",
            "ppks_category",
            "client_age",
            "client_sex",
            "origin_regency_code",
            "reason",
            "from_organisation",
            "to_organisation",
            "to_service",
            "to_service_provider",
            "sent_at",
            "due_at",
            "accepted_at",
            "declined_at",
            "decline_reason",
            "completed_at",
            "cancelled_at",
            "escalated_at",
            "vital_interest",
            "consent_given_by",
            "consent_given_on",
            "shared",
            "person",
            "ppks_categories",
            "case_summary",
            "care_plan_stage",
            "health_notes",
            "new_placement",
            "events",
        ]
        read_only_fields = fields

    def _level(self, referral: Referral) -> str:
        return self.context.get("levels", {}).get(referral.pk, selectors.SUMMARY)

    def _shows(self, referral: Referral, flag: str) -> bool:
        level = self._level(referral)
        return level == selectors.FULL or (level == selectors.SHARED and getattr(referral, flag))

    def get_level(self, referral: Referral) -> str:
        return self._level(referral)

    def get_ppks_categories(self, referral: Referral) -> list[str] | None:
        if not self._shows(referral, "share_ppks"):
            return None
        return [t.code for t in referral.person.ppks_categories.all()]

    def get_case_summary(self, referral: Referral) -> str | None:
        return referral.case_summary if self._shows(referral, "share_case_summary") else None

    def get_care_plan_stage(self, referral: Referral) -> str | None:
        if not self._shows(referral, "share_care_plan") or referral.from_placement is None:
            return None
        return referral.from_placement.stage

    def get_health_notes(self, referral: Referral) -> str | None:
        return referral.health_notes if self._shows(referral, "share_health") else None

    def to_representation(self, referral: Referral) -> dict:
        data = super().to_representation(referral)
        if not self._shows(referral, "share_identity"):
            data["person"] = None
        return data


class ReferralCreateSerializer(serializers.Serializer):
    """A new referral; the service checks scope, consent and the target again."""

    person = serializers.IntegerField(help_text=_("ID penerima layanan yang dirujuk."))
    from_organisation = serializers.IntegerField(help_text=_("ID LKS (atau LKKKS) pengirim."))
    to_organisation = serializers.IntegerField(required=False, allow_null=True, help_text=_("ID LKS tujuan."))
    to_service = serializers.ChoiceField(choices=ServiceKind.choices, required=False, allow_blank=True)
    to_service_provider = serializers.CharField(required=False, allow_blank=True, max_length=200)
    ppks_category = TermCodeField(Vocabulary.PPKS, required=False, allow_null=True)
    reason = serializers.CharField(max_length=2000)
    urgency = serializers.ChoiceField(choices=Urgency.choices, default=Urgency.NORMAL)
    consent = serializers.IntegerField(required=False, allow_null=True, help_text=_("ID persetujuan yang tercatat."))
    consent_given_by = serializers.ChoiceField(choices=ConsentGiver.choices, required=False, allow_blank=True)
    consent_giver_name = serializers.CharField(required=False, allow_blank=True, max_length=150)
    consent_given_on = serializers.DateField(required=False, allow_null=True)
    vital_interest = serializers.BooleanField(default=False)
    vital_interest_note = serializers.CharField(required=False, allow_blank=True, max_length=300)
    share = serializers.ListField(child=serializers.ChoiceField(choices=Shared.choices), required=False)
    case_summary = serializers.CharField(required=False, allow_blank=True, max_length=4000)
    health_notes = serializers.CharField(required=False, allow_blank=True, max_length=4000)


class AcceptSerializer(serializers.Serializer):
    on = serializers.DateField(required=False, help_text=_("Tanggal pindah; bawaan hari ini."))


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300)


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)


class CapacityQuerySerializer(serializers.Serializer):
    ppks = TermCodeField(Vocabulary.PPKS)
    age = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=120)
    sex = serializers.ChoiceField(choices=Sex.choices, required=False, allow_blank=True)
    near = serializers.IntegerField(required=False, allow_null=True, help_text=_("ID organisasi asal (pengirim)."))


class CapacityRowSerializer(serializers.Serializer):
    """An LKS with free places; proximity 0 = same kecamatan, 1 = kabupaten/kota, 2 = province, 3 = elsewhere."""

    organisation = OrganisationRefSerializer()
    regency_code = serializers.CharField(source="organisation.regency_code")
    capacity = serializers.IntegerField()
    active = serializers.IntegerField()
    free = serializers.IntegerField()
    proximity = serializers.IntegerField()
    distance_km = serializers.FloatField(allow_null=True)
