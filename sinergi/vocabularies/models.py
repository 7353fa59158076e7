from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Vocabulary(models.TextChoices):
    PPKS = "ppks", _("PPKS (Pemerlu Pelayanan Kesejahteraan Sosial)")
    PSKS = "psks", _("PSKS (Potensi dan Sumber Kesejahteraan Sosial)")
    LKS_KIND = "lks_kind", _("Jenis layanan LKS")
    PARTICIPATION_ACTOR = "participation_actor", _("Pelaku peran serta masyarakat")
    PARTICIPATION_FORM = "participation_form", _("Bentuk peran serta masyarakat")
    ACCREDITATION_GRADE = "accreditation_grade", _("Peringkat akreditasi")
    WELFARE_PILLAR = "welfare_pillar", _("Pilar penyelenggaraan kesejahteraan sosial")


class Term(models.Model):
    """One item of a controlled vocabulary, with a stable code, labels in both languages and its legal source."""

    vocabulary = models.CharField(_("kosakata"), max_length=32, choices=Vocabulary.choices, db_index=True)
    code = models.SlugField(_("kode"), max_length=64)
    label_id = models.CharField(_("label (Indonesia)"), max_length=200)
    label_en = models.CharField(_("label (Inggris)"), max_length=200)
    legal_source = models.CharField(_("dasar hukum"), max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    is_active = models.BooleanField(_("aktif"), default=True)
    # Extra facts of an item, e.g. {"validity_years": 5} for a grade or {"min_age": 6, "max_age": 18} for a PPKS.
    attributes = models.JSONField(_("atribut"), default=dict, blank=True)

    class Meta:
        ordering = ["vocabulary", "sort_order", "code"]
        constraints = [models.UniqueConstraint(fields=["vocabulary", "code"], name="term_unique_code_per_vocabulary")]
        verbose_name = _("istilah")
        verbose_name_plural = _("istilah")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.label_en if (get_language() or "id").startswith("en") else self.label_id
