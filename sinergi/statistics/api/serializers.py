from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from sinergi.statistics import selectors


class RegionQuerySerializer(serializers.Serializer):
    """The optional `region` parameter: a Kemendagri region code known to Sinergi (63, 63.71, ...)."""

    region = serializers.CharField(
        required=False,
        max_length=13,
        help_text=_("Kode wilayah Kemendagri (provinsi, kabupaten/kota, kecamatan atau desa), mis. 63 atau 63.71."),
    )

    def validate_region(self, value: str) -> str:
        value = value.strip()
        if not selectors.region_exists(value):
            raise serializers.ValidationError(
                _("Kode wilayah “%(code)s” tidak dikenal. Gunakan kode Kemendagri, misalnya 63 atau 63.71.")
                % {"code": value}
            )
        return value


class LksCountSerializer(serializers.Serializer):
    """Active LKS counted by primary service kind and by kabupaten/kota."""

    total = serializers.IntegerField(help_text=_("Jumlah LKS aktif."))
    by_kind = serializers.DictField(
        child=serializers.IntegerField(), help_text=_("Per jenis layanan utama; setiap jenis ada (0 bila tidak ada).")
    )
    by_regency = serializers.DictField(
        child=serializers.IntegerField(),
        help_text=_("Per kode kabupaten/kota; setiap kabupaten/kota wilayah itu ada (0 bila tidak ada)."),
    )
    as_of = serializers.DateTimeField(help_text=_("Waktu penghitungan."))


class OfficialFigureSerializer(serializers.Serializer):
    """A published count with its date and source."""

    as_of = serializers.DateField()
    total = serializers.IntegerField()
    by_kind = serializers.DictField(
        child=serializers.IntegerField(), help_text=_("Hanya jenis yang disebut sumbernya.")
    )
    source = serializers.CharField()
    source_url = serializers.CharField(allow_blank=True)
    note = serializers.CharField(allow_blank=True)


class OfficialFiguresSerializer(serializers.Serializer):
    """The published figures of a region beside the registry's own current count."""

    region = serializers.CharField()
    region_name = serializers.CharField()
    figures = OfficialFigureSerializer(many=True)
    registry = LksCountSerializer()
