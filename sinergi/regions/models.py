from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionLevel(models.IntegerChoices):
    PROVINCE = 1, _("Provinsi")
    REGENCY = 2, _("Kabupaten/Kota")
    DISTRICT = 3, _("Kecamatan")
    VILLAGE = 4, _("Desa/Kelurahan")


class Region(models.Model):
    """One administrative region of the Kemendagri tree, identified by its dotted code (63, 63.71, ...)."""

    code = models.CharField(_("kode"), max_length=13, primary_key=True)
    name = models.CharField(_("nama"), max_length=120, db_index=True)
    level = models.PositiveSmallIntegerField(_("tingkat"), choices=RegionLevel.choices, db_index=True)
    # provinsi, kabupaten, kota, kecamatan, distrik, kelurahan, desa, desa_adat (as the decree names them)
    kind = models.CharField(_("jenis"), max_length=12)
    parent = models.ForeignKey(
        "self", verbose_name=_("induk"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    postal_code = models.CharField(_("kode pos"), max_length=5, blank=True)
    # Latitude/longitude of a representative point, when known (used to place markers without coordinates).
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    # False once a later decree no longer lists the code. The row is kept because records may still point at it;
    # pickers stop offering it for new entries.
    is_current = models.BooleanField(_("berlaku"), default=True, db_index=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def kind_label(self) -> str:
        from .codes import KIND_LABELS

        return str(KIND_LABELS.get(self.kind, self.kind))

    @property
    def province_code(self) -> str:
        return self.code[:2]

    @property
    def regency_code(self) -> str:
        return self.code[:5] if self.level >= RegionLevel.REGENCY else ""

    @property
    def district_code(self) -> str:
        return self.code[:8] if self.level >= RegionLevel.DISTRICT else ""


class RegionDecree(models.Model):
    """A load of the region tree from one source (a Kemendagri decree), with what it changed."""

    source = models.CharField(max_length=200)
    loaded_at = models.DateTimeField(auto_now_add=True)
    added = models.PositiveIntegerField(default=0)
    renamed = models.PositiveIntegerField(default=0)
    removed = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-loaded_at"]

    def __str__(self) -> str:
        return f"{self.source} ({self.loaded_at:%Y-%m-%d})"
