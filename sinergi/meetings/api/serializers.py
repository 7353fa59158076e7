"""Meetings API shapes: meetings with their days, agenda, decisions and action items; no participants' contacts."""

from rest_framework import serializers

from ..choices import ActionStatus
from ..models import ActionItem, AgendaItem, Decision, Meeting, MeetingDay


class MeetingDaySerializer(serializers.ModelSerializer):
    class Meta:
        model = MeetingDay
        fields = ["date", "starts_at", "ends_at"]


class AgendaItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = AgendaItem
        fields = ["order", "title", "presenter"]


class DecisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Decision
        fields = ["id", "number", "text"]


class ActionItemSerializer(serializers.ModelSerializer):
    """A follow-up with its owner organisation; only `status` (and a `note`) can be changed, by the owner or
    the organiser, along the allowed transitions."""

    owner_name = serializers.CharField(source="owner.name", read_only=True)
    decision_number = serializers.IntegerField(source="decision.number", read_only=True, allow_null=True)

    class Meta:
        model = ActionItem
        fields = [
            "id",
            "meeting",
            "decision_number",
            "description",
            "owner",
            "owner_name",
            "due_on",
            "status",
            "status_note",
            "done_on",
        ]
        read_only_fields = fields


class ActionItemStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ActionStatus.choices)
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class MeetingSerializer(serializers.ModelSerializer):
    """A meeting with its days, agenda, decisions and action items."""

    organiser_name = serializers.CharField(source="organiser.name", read_only=True)
    days = MeetingDaySerializer(many=True, read_only=True)
    agenda = AgendaItemSerializer(source="agenda_items", many=True, read_only=True)
    decisions = DecisionSerializer(many=True, read_only=True)
    action_items = ActionItemSerializer(many=True, read_only=True)
    minutes_approved = serializers.SerializerMethodField()
    # The clock of the days' hours (an IANA name such as "Asia/Makassar"), whether chosen or the organiser's.
    time_zone = serializers.CharField(source="zone.key", read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "kind",
            "title",
            "organiser",
            "organiser_name",
            "province_code",
            "regency_code",
            "venue",
            "online_link",
            "time_zone",
            "status",
            "closed_at",
            "starts_on",
            "ends_on",
            "days",
            "agenda",
            "decisions",
            "action_items",
            "minutes_approved",
        ]
        read_only_fields = fields

    def get_minutes_approved(self, meeting: Meeting) -> bool:
        minutes = getattr(meeting, "minutes", None)
        return bool(minutes and minutes.approved)
