from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    MALE = "L", _("Laki-laki")
    FEMALE = "P", _("Perempuan")


class MissingIdReason(models.TextChoices):
    """Why a NIK or KK is not recorded; people without one must still be served (domain.md)."""

    ABANDONED_INFANT = "abandoned_infant", _("Bayi/anak telantar, identitas belum diketahui")
    STREET = "street", _("Hidup di jalan, belum punya dokumen kependudukan")
    REMOTE = "remote", _("Komunitas adat terpencil, belum terdaftar")
    NOT_YET_RECORDED = "not_yet_recorded", _("Belum direkam Dukcapil")
    UNKNOWN = "unknown", _("Tidak diketahui / belum diperoleh")
    OTHER = "other", _("Alasan lain")


class DisabilityType(models.TextChoices):
    """Ragam disabilitas, UU 8/2016 Pasal 4."""

    NONE = "", _("Tidak ada")
    PHYSICAL = "fisik", _("Disabilitas fisik")
    INTELLECTUAL = "intelektual", _("Disabilitas intelektual")
    MENTAL = "mental", _("Disabilitas mental")
    SENSORY = "sensorik", _("Disabilitas sensorik")
    MULTIPLE = "ganda", _("Disabilitas ganda/multi")


class ServiceSetting(models.TextChoices):
    RESIDENTIAL = "residential", _("Dalam panti (residensial)")
    COMMUNITY = "community", _("Luar panti / berbasis keluarga")


class CaseStage(models.TextChoices):
    """SNPA case stages for children (Permensos 30/HUK/2011)."""

    REFERRAL = "rujukan", _("Rujukan")
    ASSESSMENT = "asesmen", _("Asesmen")
    PLANNING = "perencanaan", _("Perencanaan pengasuhan")
    IMPLEMENTATION = "pelaksanaan", _("Pelaksanaan")
    TERMINATION = "terminasi", _("Terminasi")


# Each stage may move only forward by one (or stay); termination ends the case and is set by discharge.
ALLOWED_STAGE_TRANSITIONS: dict[str, set[str]] = {
    CaseStage.REFERRAL: {CaseStage.ASSESSMENT},
    CaseStage.ASSESSMENT: {CaseStage.PLANNING},
    CaseStage.PLANNING: {CaseStage.IMPLEMENTATION},
    CaseStage.IMPLEMENTATION: {CaseStage.TERMINATION},
    CaseStage.TERMINATION: set(),
}


class DischargeReason(models.TextChoices):
    REUNIFIED = "reunified", _("Kembali ke keluarga")
    FOSTER = "foster", _("Pengasuhan alternatif (keluarga asuh/kerabat)")
    INDEPENDENT = "independent", _("Mandiri")
    TRANSFERRED = "transferred", _("Dirujuk/pindah ke lembaga lain")
    DECEASED = "deceased", _("Meninggal dunia")
    OTHER = "other", _("Lainnya")


class PlacementStatus(models.TextChoices):
    ACTIVE = "active", _("Dilayani")
    DISCHARGED = "discharged", _("Selesai")


class ConsentGiver(models.TextChoices):
    SELF = "self", _("Yang bersangkutan")
    PARENT = "parent", _("Orang tua")
    GUARDIAN = "guardian", _("Wali")


class LegalBasis(models.TextChoices):
    """UU 27/2022 (PDP) Pasal 20 ayat (2)."""

    CONSENT = "consent", _("Persetujuan yang sah")
    CONTRACT = "contract", _("Pemenuhan perjanjian")
    LEGAL_OBLIGATION = "legal_obligation", _("Kewajiban hukum")
    VITAL_INTEREST = "vital_interest", _("Pelindungan kepentingan vital")
    PUBLIC_TASK = "public_task", _("Tugas untuk kepentingan umum / kewenangan")
    LEGITIMATE_INTEREST = "legitimate_interest", _("Kepentingan yang sah lainnya")


class IncidentKind(models.TextChoices):
    PHYSICAL = "physical", _("Kekerasan fisik")
    PSYCHOLOGICAL = "psychological", _("Kekerasan psikis")
    SEXUAL = "sexual", _("Kekerasan seksual")
    NEGLECT = "neglect", _("Penelantaran")
    EXPLOITATION = "exploitation", _("Eksploitasi")
    OTHER = "other", _("Lainnya")


class WorkerRole(models.TextChoices):
    CAREGIVER = "pengasuh", _("Pengasuh")
    SOCIAL_WORKER = "peksos", _("Pekerja sosial profesional")
    PSM = "psm", _("Pekerja Sosial Masyarakat (PSM)")
    TKSK = "tksk", _("TKSK")
    VOLUNTEER = "relawan", _("Relawan")
    BOARD_OFFICER = "pengurus", _("Pengurus")
    OTHER = "lainnya", _("Lainnya")


class BackgroundCheckResult(models.TextChoices):
    CLEAR = "clear", _("Tidak ada catatan kekerasan terhadap anak")
    NOT_CLEAR = "not_clear", _("Ada catatan — tidak boleh bekerja dengan anak")
    PENDING = "pending", _("Sedang diproses")


class DuplicateReason(models.TextChoices):
    SAME_NIK_OTHER_LKS = "same_nik", _("NIK sama dengan data orang lain")
    CLOSE_MATCH = "close_match", _("Nama, tanggal lahir, dan nama ibu mirip")


class DuplicateStatus(models.TextChoices):
    OPEN = "open", _("Menunggu keputusan")
    LINKED = "linked", _("Orang yang sama (digabungkan)")
    DISMISSED = "dismissed", _("Orang berbeda")
    # Another candidate named one of its records, which was merged: its pair is decided there (or is now the same).
    CLOSED = "closed", _("Ditutup karena data digabungkan")


class AccessPurpose(models.TextChoices):
    SERVICE = "service", _("Pelayanan dan pengasuhan")
    CASE_REVIEW = "case_review", _("Pembahasan kasus / rujukan")
    DUPLICATE = "duplicate", _("Pemeriksaan data ganda")
    SUPERVISION = "supervision", _("Pengawasan / monitoring")
    SUBJECT_REQUEST = "subject_request", _("Permintaan subjek data")
    REPORTING = "reporting", _("Pelaporan")


# What an access-log line records (AccessEntry.what), as the history on a person's or worker's page shows it; a word
# not listed here is shown as stored.
ACCESS_WHAT_LABELS = {
    "viewed": _("dilihat"),
    "viewed_full_nik": _("NIK lengkap dilihat"),
    "viewed_duplicate": _("dilihat sebagai calon data ganda"),
    "api_listed": _("dibaca lewat API"),
    "exported": _("diekspor"),
    "import_checked": _("dilihat dalam uji coba impor"),
    "import_refused_checked": _("dilihat dalam impor yang ditolak"),
    "created": _("didaftarkan"),
    "changed": _("diubah"),
    "erased": _("dihapus"),
    "incident_reported": _("insiden dilaporkan"),
    "referral_viewed": _("rujukan dilihat"),
    "referral_sent": _("rujukan dikirim"),
    "referral_form": _("formulir rujukan dibuat"),
    "referral_api_listed": _("rujukan dibaca lewat API"),
}
