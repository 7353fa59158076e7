from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from sinergi.organisations.api.serializers import TermCodeField
from sinergi.organisations.models import Organisation
from sinergi.vocabularies.models import Vocabulary

from ..choices import PartyRole
from ..models import Agreement, AgreementDocument


class PartySerializer(serializers.Serializer):
    """A party: an organisation (by id) of any kind, its role and who signs for it."""

    organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(),
        error_messages={
            "does_not_exist": _("Organisasi dengan id {pk_value} tidak ada atau tidak dapat Anda pilih sebagai pihak.")
        },
    )
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    organisation_kind = serializers.CharField(source="organisation.kind", read_only=True)
    role = serializers.ChoiceField(choices=PartyRole.choices)
    signatory = serializers.CharField(required=False, allow_blank=True, max_length=150, default="")


class DocumentSerializer(serializers.ModelSerializer):
    """A stored document's description; the file itself is served only to signed-in users in scope."""

    download_url = serializers.SerializerMethodField()

    class Meta:
        model = AgreementDocument
        fields = ["id", "title", "original_name", "content_kind", "size", "sha256", "uploaded_at", "download_url"]

    @extend_schema_field(serializers.CharField())
    def get_download_url(self, document: AgreementDocument) -> str:
        return reverse("partnerships:document", args=[document.pk])


class AgreementSerializer(serializers.ModelSerializer):
    """An agreement with its parties; writes go through the services, which check scope and rules."""

    parties = PartySerializer(many=True)
    participation_forms = TermCodeField(Vocabulary.PARTICIPATION_FORM, many=True, required=False)
    welfare_pillars = TermCodeField(Vocabulary.WELFARE_PILLAR, many=True, required=False)
    documents = DocumentSerializer(many=True, read_only=True)
    version = serializers.IntegerField(
        required=False, help_text=_("Versi yang Anda baca; wajib saat mengubah (penguncian optimistis).")
    )

    class Meta:
        model = Agreement
        fields = [
            "id",
            "kind",
            "title",
            "number",
            "scope",
            "participation_forms",
            "welfare_pillars",
            "starts_on",
            "ends_on",
            "signed_on",
            "status",
            "terminated_on",
            "termination_reason",
            "parties",
            "documents",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["status", "terminated_on", "termination_reason", "created_at", "updated_at"]


class TerminateSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300)
    on = serializers.DateField(required=False, allow_null=True)
