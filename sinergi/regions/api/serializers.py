from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from sinergi.regions.codes import normalize_code
from sinergi.regions.models import Region, RegionLevel


class RegionSerializer(serializers.ModelSerializer):
    """One region as listed: code, name, level, kind, parent code and the names of its ancestors."""

    parent = serializers.CharField(source="parent_id", allow_null=True, read_only=True)
    level_label = serializers.SerializerMethodField()
    kind_label = serializers.CharField(read_only=True)
    path = serializers.SerializerMethodField(help_text=_("Nama wilayah dan induk-induknya, yang terdekat dahulu."))

    class Meta:
        model = Region
        fields = [
            "code",
            "name",
            "level",
            "level_label",
            "kind",
            "kind_label",
            "parent",
            "path",
            "postal_code",
            "latitude",
            "longitude",
            "is_current",
        ]
        read_only_fields = fields

    def get_level_label(self, region: Region) -> str:
        return str(RegionLevel(region.level).label)

    def get_path(self, region: Region) -> str:
        return self.context.get("paths", {}).get(region.code, region.name)


class RegionAncestorSerializer(serializers.ModelSerializer):
    """A region above the one shown."""

    class Meta:
        model = Region
        fields = ["code", "name", "level", "kind"]
        read_only_fields = fields


class RegionDetailSerializer(RegionSerializer):
    """One region with its ancestors (province first) and how many direct children it has."""

    ancestors = serializers.SerializerMethodField()
    children_count = serializers.IntegerField(read_only=True)

    class Meta(RegionSerializer.Meta):
        fields = [*RegionSerializer.Meta.fields, "ancestors", "children_count"]
        read_only_fields = fields

    @extend_schema_field(RegionAncestorSerializer(many=True))
    def get_ancestors(self, region: Region) -> list[dict]:
        return RegionAncestorSerializer(self.context.get("ancestors", []), many=True).data


class RegionQuerySerializer(serializers.Serializer):
    """The list's query parameters, checked so that a typo gets a clear message instead of a silent full list."""

    parent = serializers.CharField(required=False, help_text=_("Kode induk: daftar anak langsungnya."))
    q = serializers.CharField(required=False, allow_blank=True, help_text=_("Bagian nama, atau awalan kode."))
    level = serializers.ChoiceField(choices=RegionLevel.choices, required=False)
    include_retired = serializers.BooleanField(
        required=False, default=False, help_text=_("Sertakan kode yang tidak berlaku lagi.")
    )

    def validate_parent(self, value: str) -> str:
        code = normalize_code(value)
        if code is None or not Region.objects.filter(code=code).exists():
            raise serializers.ValidationError(_("Wilayah induk “%(code)s” tidak ditemukan.") % {"code": value})
        return code
