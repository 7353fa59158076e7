from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PROVINCE_ADMIN = "province_admin", _("Admin provinsi")
    REGENCY_BOARD = "regency_board", _("Pengurus LKKKS kabupaten/kota")
    LKS_OPERATOR = "lks_operator", _("Operator LKS")
    DINSOS_VIEWER = "dinsos_viewer", _("Dinas Sosial (lihat)")


# Roles bound to a region; the others are bound to an organisation.
REGION_ROLES = {Role.PROVINCE_ADMIN, Role.REGENCY_BOARD, Role.DINSOS_VIEWER}
ORGANISATION_ROLES = {Role.LKS_OPERATOR}


class User(AbstractUser):
    """A person who logs in to Sinergi; what they may see and do comes from their memberships."""

    full_name = models.CharField(_("nama lengkap"), max_length=150, blank=True)
    phone = models.CharField(_("telepon"), max_length=30, blank=True)
    preferred_language = models.CharField(_("bahasa"), max_length=5, default="id")

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    def __str__(self) -> str:
        return self.full_name or self.username


class Membership(models.Model):
    """A role a user holds, bound to a region (province or kabupaten/kota) or to one organisation."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("wilayah"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisasi"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="user_memberships",
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(region__isnull=False, organisation__isnull=True)
                    | models.Q(region__isnull=True, organisation__isnull=False)
                ),
                name="membership_bound_to_region_xor_organisation",
            )
        ]
        verbose_name = _("keanggotaan peran")
        verbose_name_plural = _("keanggotaan peran")

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} ({self.region or self.organisation})"
