"""What the demo's people are made of: names, the categories and ages each LKS kind serves, disabilities,
discharge reasons, the workforce's roles and the consent's scope."""

from sinergi.people.choices import DisabilityType, DischargeReason, WorkerRole

PROVINCE = "63"
MALE_NAMES = ["Ahmad", "Muhammad", "Rizky", "Fajar", "Budi", "Hendra", "Yusuf", "Arif", "Dimas", "Rahmat", "Bayu"]
FEMALE_NAMES = ["Siti", "Nur", "Dewi", "Fitri", "Rina", "Lina", "Aisyah", "Putri", "Wulan", "Intan", "Salsabila"]
MIDDLE_NAMES = ["Aditya", "Ramadhan", "Hidayat", "Saputra", "Lestari", "Anggraini", "Maulana", "Kurnia", "Permata"]
# Which categories each LKS kind serves in the demo, with the age range (years) of its clients.
KIND_PROFILES: dict[str, list[tuple[str, int, int, int]]] = {
    # (ppks code, weight, min age, max age)
    "anak": [
        ("anak_telantar", 45, 6, 17),
        ("anak_balita_telantar", 8, 0, 5),
        ("anak_korban_kekerasan", 12, 6, 17),
        ("anak_perlindungan_khusus", 10, 6, 17),
        ("anak_jalanan", 10, 8, 17),
        ("anak_berhadapan_hukum", 5, 12, 17),
        ("anak_dengan_kedisabilitasan", 10, 5, 17),
    ],
    "lanjut_usia": [("lansia_telantar", 1, 60, 92)],
    "disabilitas": [("penyandang_disabilitas", 7, 18, 55), ("anak_dengan_kedisabilitasan", 3, 6, 17)],
    "napza": [("korban_napza", 1, 16, 45)],
    "lainnya": [("fakir_miskin", 1, 18, 70)],
}
DISABILITY_TYPES = [DisabilityType.PHYSICAL, DisabilityType.INTELLECTUAL, DisabilityType.SENSORY, DisabilityType.MENTAL]
PILLAR_BY_KIND = {
    "napza": "rehabilitasi_sosial",
    "disabilitas": "rehabilitasi_sosial",
    "lanjut_usia": "perlindungan_sosial",
}
DISCHARGE_REASONS = [
    DischargeReason.REUNIFIED,
    DischargeReason.REUNIFIED,
    DischargeReason.FOSTER,
    DischargeReason.INDEPENDENT,
    DischargeReason.TRANSFERRED,
    DischargeReason.OTHER,
]
# (role, PSKS category code, share of an LKS's workforce)
WORKER_PROFILES = [
    (WorkerRole.CAREGIVER, "psm", 5),
    (WorkerRole.SOCIAL_WORKER, "peksos_profesional", 2),
    (WorkerRole.VOLUNTEER, "psm", 1),
    (WorkerRole.BOARD_OFFICER, "lks", 1),
    (WorkerRole.TKSK, "tksk", 1),
]
# The job as an LKS would call it, beside the role the board counts by.
DEMO_JOB_TITLES = {WorkerRole.CAREGIVER: "Pengasuh asrama", WorkerRole.BOARD_OFFICER: "Ketua pengurus"}
CONSENT_SCOPE = "Pencatatan dan pengolahan data untuk pelayanan dan pelaporan kesejahteraan sosial (demo)"
