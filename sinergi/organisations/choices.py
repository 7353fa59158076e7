from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    """What an organisation is in the registry; LKS and LKKKS boards have their own screens and rules."""

    LKS = "lks", _("LKS")
    LKS_ASING = "lks_asing", _("LKS asing")
    LKKKS = "lkkks", _("LKKKS (badan koordinasi)")
    RELIGIOUS = "religious", _("Organisasi keagamaan")
    SOCIAL = "social", _("Organisasi sosial kemasyarakatan")
    NGO = "ngo", _("Lembaga swadaya masyarakat")
    PROFESSIONAL = "professional", _("Organisasi profesi")
    BUSINESS = "business", _("Badan usaha")
    GOVERNMENT = "government", _("Instansi pemerintah")
    UNIVERSITY = "university", _("Perguruan tinggi")


LKS_KINDS = {OrganisationKind.LKS, OrganisationKind.LKS_ASING}


class CareSetting(models.TextChoices):
    RESIDENTIAL = "residential", _("Dalam panti")
    COMMUNITY = "community", _("Luar panti (berbasis masyarakat)")
    BOTH = "both", _("Dalam dan luar panti")


class LegalForm(models.TextChoices):
    YAYASAN = "yayasan", _("Yayasan")
    PERKUMPULAN = "perkumpulan", _("Perkumpulan")
    OTHER = "other", _("Lainnya")
    NONE = "none", _("Tidak berbadan hukum")


class OrganisationStatus(models.TextChoices):
    DRAFT = "draft", _("Draf")
    VERIFIED = "verified", _("Terverifikasi")
    ACTIVE = "active", _("Aktif")
    INACTIVE = "inactive", _("Nonaktif")


# Status changes are allowed only along these edges; each edge is one explicit service.
ALLOWED_STATUS_TRANSITIONS: dict[str, set[str]] = {
    OrganisationStatus.DRAFT: {OrganisationStatus.VERIFIED, OrganisationStatus.INACTIVE},
    OrganisationStatus.VERIFIED: {OrganisationStatus.ACTIVE, OrganisationStatus.INACTIVE},
    OrganisationStatus.ACTIVE: {OrganisationStatus.INACTIVE},
    OrganisationStatus.INACTIVE: {OrganisationStatus.ACTIVE},
}


class OfficerPosition(models.TextChoices):
    CHAIR = "ketua", _("Ketua")
    VICE_CHAIR = "wakil_ketua", _("Wakil Ketua")
    SECRETARY = "sekretaris", _("Sekretaris")
    VICE_SECRETARY = "wakil_sekretaris", _("Wakil Sekretaris")
    TREASURER = "bendahara", _("Bendahara")
    DIVISION_HEAD = "ketua_bidang", _("Ketua Bidang")
    MEMBER = "anggota", _("Anggota")
