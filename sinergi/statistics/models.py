from django.db import models
from django.utils.translation import gettext_lazy as _


class OfficialFigure(models.Model):
    """A published count of LKS for a region on a date, kept as a dated fact with its source."""

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    as_of = models.DateField(_("per tanggal"))
    total = models.PositiveIntegerField(_("jumlah LKS"))
    # Counts by LKS kind code ({"anak": 140, ...}); a kind missing from the source is absent, not zero.
    by_kind = models.JSONField(_("menurut jenis"), default=dict, blank=True)
    source = models.CharField(_("sumber"), max_length=300)
    source_url = models.URLField(_("tautan sumber"), blank=True)
    note = models.CharField(_("catatan"), max_length=300, blank=True)

    class Meta:
        ordering = ["region", "as_of"]
        constraints = [models.UniqueConstraint(fields=["region", "as_of"], name="official_figure_unique_per_date")]
        verbose_name = _("angka resmi")
        verbose_name_plural = _("angka resmi")

    def __str__(self) -> str:
        return f"{self.region_id} {self.as_of}: {self.total}"
