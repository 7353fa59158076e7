from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import Membership, User
from ..scope import active_memberships


class TokenRequestSerializer(serializers.Serializer):
    """Username and password (and the TOTP code, for accounts with two-factor), exchanged for an API token."""

    username = serializers.CharField(label=_("Nama pengguna"), max_length=150)
    password = serializers.CharField(
        label=_("Kata sandi"), max_length=128, style={"input_type": "password"}, trim_whitespace=False
    )
    # Optional in the schema because most roles have no second factor; the view asks for it when the user has one.
    otp = serializers.RegexField(
        r"^[0-9]{6}$",
        label=_("Kode verifikasi"),
        help_text=_(
            "Kode 6 digit dari aplikasi autentikator. Wajib bagi akun yang memakai verifikasi dua langkah "
            "(admin provinsi, superuser, atau yang mengaktifkannya sendiri)."
        ),
        required=False,
        allow_blank=True,
        max_length=6,
        error_messages={"invalid": _("Kode verifikasi harus 6 digit angka.")},
    )


class TokenSerializer(serializers.Serializer):
    """The API token to send as `Authorization: Token <token>`."""

    token = serializers.CharField(read_only=True)


class ErrorSerializer(serializers.Serializer):
    """An error message in the user's language."""

    detail = serializers.CharField(read_only=True)


class MembershipSerializer(serializers.ModelSerializer):
    """One role the user holds and what it is bound to."""

    role_display = serializers.CharField(source="get_role_display", read_only=True)
    region_name = serializers.CharField(source="region.name", read_only=True, default=None)
    organisation_name = serializers.CharField(source="organisation.name", read_only=True, default=None)

    class Meta:
        model = Membership
        fields = [
            "id",
            "role",
            "role_display",
            "region",
            "region_name",
            "organisation",
            "organisation_name",
            "is_active",
        ]
        read_only_fields = fields


class MeSerializer(serializers.ModelSerializer):
    """The signed-in user and their active memberships."""

    memberships = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "username", "full_name", "email", "phone", "preferred_language", "is_superuser", "memberships"]
        read_only_fields = fields

    @extend_schema_field(MembershipSerializer(many=True))
    def get_memberships(self, user: User) -> list[dict]:
        # The roles the scope rules grant (accounts.scope), not a query of its own that could drift from them.
        memberships = sorted(active_memberships(user), key=lambda membership: membership.pk)
        return MembershipSerializer(memberships, many=True).data
