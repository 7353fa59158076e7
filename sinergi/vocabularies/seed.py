"""The controlled vocabularies of domain.md, as seed data.

Seeding adds missing items and never overwrites an administrator's edits to labels, so it is safe to re-run.
"""

from typing import Any

PERMENSOS_08_2012 = "Permensos 08/2012"
PP_39_2012_51 = "PP 39/2012 Pasal 51"

# (code, label_id, label_en, attributes)
PPKS: list[tuple[str, str, str, dict[str, Any]]] = [
    ("anak_balita_telantar", "Anak Balita Telantar", "Neglected toddler", {"max_age": 5}),
    ("anak_telantar", "Anak Telantar", "Neglected child", {"min_age": 6, "max_age": 18}),
    (
        "anak_berhadapan_hukum",
        "Anak yang Berhadapan dengan Hukum",
        "Child in conflict with the law",
        {"min_age": 12, "max_age_exclusive": 18},
    ),
    ("anak_jalanan", "Anak Jalanan", "Street child", {}),
    ("anak_dengan_kedisabilitasan", "Anak dengan Kedisabilitasan", "Child with disability", {}),
    (
        "anak_korban_kekerasan",
        "Anak yang Menjadi Korban Tindak Kekerasan atau Diperlakukan Salah",
        "Child victim of violence or mistreatment",
        {},
    ),
    (
        "anak_perlindungan_khusus",
        "Anak yang Memerlukan Perlindungan Khusus",
        "Child needing special protection",
        {"min_age": 6, "max_age": 18},
    ),
    ("lansia_telantar", "Lanjut Usia Telantar", "Neglected elderly person", {"min_age": 60}),
    ("penyandang_disabilitas", "Penyandang Disabilitas", "Person with disability", {}),
    ("tuna_susila", "Tuna Susila", "Sex worker", {}),
    ("gelandangan", "Gelandangan", "Homeless person", {}),
    ("pengemis", "Pengemis", "Beggar", {}),
    ("pemulung", "Pemulung", "Scavenger", {}),
    ("kelompok_minoritas", "Kelompok Minoritas", "Minority group", {}),
    ("bwblp", "Bekas Warga Binaan Lembaga Pemasyarakatan", "Former prison inmate", {}),
    ("odha", "Orang dengan HIV/AIDS", "Person living with HIV/AIDS", {}),
    ("korban_napza", "Korban Penyalahgunaan NAPZA", "Victim of drug abuse", {}),
    ("korban_trafficking", "Korban Perdagangan Orang", "Victim of human trafficking", {}),
    ("korban_tindak_kekerasan", "Korban Tindak Kekerasan", "Victim of violence", {}),
    ("pmbs", "Pekerja Migran Bermasalah Sosial", "Migrant worker with social problems", {}),
    ("korban_bencana_alam", "Korban Bencana Alam", "Victim of natural disaster", {}),
    ("korban_bencana_sosial", "Korban Bencana Sosial", "Victim of social disaster", {}),
    ("prse", "Perempuan Rawan Sosial Ekonomi", "Socio-economically vulnerable woman", {"min_age": 18, "max_age": 59}),
    ("fakir_miskin", "Fakir Miskin", "Destitute person", {}),
    ("kbsp", "Keluarga Bermasalah Sosial Psikologis", "Family with psychosocial problems", {}),
    ("kat", "Komunitas Adat Terpencil", "Remote indigenous community", {}),
]

PSKS: list[tuple[str, str, str, dict[str, Any]]] = [
    ("peksos_profesional", "Pekerja Sosial Profesional", "Professional social worker", {}),
    ("psm", "Pekerja Sosial Masyarakat", "Community social worker", {"tksm": True}),
    ("tagana", "Taruna Siaga Bencana", "Disaster preparedness cadet", {"tksm": True}),
    ("lks", "Lembaga Kesejahteraan Sosial", "Social welfare institution", {}),
    ("karang_taruna", "Karang Taruna", "Youth organisation (Karang Taruna)", {}),
    ("lk3", "Lembaga Konsultasi Kesejahteraan Keluarga", "Family welfare consultation institution", {}),
    ("keluarga_pioner", "Keluarga Pioner", "Pioneer family", {}),
    ("wksbm", "Wahana Kesejahteraan Sosial Berbasis Masyarakat", "Community-based social welfare forum", {}),
    ("wpks", "Wanita Pemimpin Kesejahteraan Sosial", "Women's social welfare leader (WPKS)", {"tksm": True}),
    ("penyuluh_sosial", "Penyuluh Sosial", "Social extension worker", {}),
    ("tksk", "Tenaga Kesejahteraan Sosial Kecamatan", "District social welfare worker (TKSK)", {"tksm": True}),
    ("dunia_usaha", "Dunia Usaha yang Melakukan Usaha Kesejahteraan Sosial", "Business doing social welfare work", {}),
]

LKS_KINDS: list[tuple[str, str, str, dict[str, Any]]] = [
    (
        "anak",
        "LKS Anak (LKSA)",
        "Child welfare institution (LKSA)",
        {
            "ppks": [
                "anak_balita_telantar",
                "anak_telantar",
                "anak_berhadapan_hukum",
                "anak_jalanan",
                "anak_dengan_kedisabilitasan",
                "anak_korban_kekerasan",
                "anak_perlindungan_khusus",
            ]
        },
    ),
    ("lanjut_usia", "LKS Lanjut Usia", "Elderly welfare institution", {"ppks": ["lansia_telantar"]}),
    (
        "disabilitas",
        "LKS Penyandang Disabilitas",
        "Disability welfare institution",
        {"ppks": ["penyandang_disabilitas", "anak_dengan_kedisabilitasan"]},
    ),
    ("napza", "LKS Korban Penyalahgunaan NAPZA", "Drug rehabilitation institution", {"ppks": ["korban_napza"]}),
    ("lainnya", "LKS Lainnya", "Other social welfare institution", {}),
]

PARTICIPATION_ACTORS: list[tuple[str, str, str, dict[str, Any]]] = [
    ("perseorangan", "Perseorangan", "Individual", {}),
    ("keluarga", "Keluarga", "Family", {}),
    ("organisasi_keagamaan", "Organisasi keagamaan", "Religious organisation", {}),
    ("organisasi_sosial_kemasyarakatan", "Organisasi sosial kemasyarakatan", "Social/community organisation", {}),
    ("lembaga_swadaya_masyarakat", "Lembaga swadaya masyarakat", "Non-governmental organisation", {}),
    ("organisasi_profesi", "Organisasi profesi", "Professional organisation", {}),
    ("badan_usaha", "Badan usaha", "Business entity", {}),
    ("lks", "Lembaga Kesejahteraan Sosial", "Social welfare institution", {}),
    ("lks_asing", "Lembaga Kesejahteraan Sosial asing", "Foreign social welfare institution", {}),
]

PARTICIPATION_FORMS: list[tuple[str, str, str, dict[str, Any]]] = [
    ("pemikiran", "Pemikiran", "Ideas", {}),
    ("prakarsa", "Prakarsa", "Initiative", {}),
    ("keahlian", "Keahlian", "Expertise", {}),
    ("dukungan", "Dukungan", "Support", {}),
    ("kegiatan", "Kegiatan", "Activities", {}),
    ("tenaga", "Tenaga", "Manpower", {}),
    ("dana", "Dana", "Funds", {}),
    ("barang", "Barang", "Goods", {}),
    ("jasa", "Jasa", "Services", {}),
    ("fasilitas", "Fasilitas", "Facilities", {}),
]

ACCREDITATION_GRADES: list[tuple[str, str, str, dict[str, Any]]] = [
    ("A", "A (Sangat Baik)", "A (Very good)", {"validity_years": 5}),
    ("B", "B (Baik)", "B (Good)", {"validity_years": 3}),
    ("C", "C (Cukup)", "C (Adequate)", {"validity_years": 2}),
]

WELFARE_PILLARS: list[tuple[str, str, str, dict[str, Any]]] = [
    ("rehabilitasi_sosial", "Rehabilitasi sosial", "Social rehabilitation", {}),
    ("jaminan_sosial", "Jaminan sosial", "Social security", {}),
    ("pemberdayaan_sosial", "Pemberdayaan sosial", "Social empowerment", {}),
    ("perlindungan_sosial", "Perlindungan sosial", "Social protection", {}),
]

# English labels the seed gave before, by vocabulary: (code, former label, label now). Migration
# vocabularies.0003 renames an item whose label is still the former one (an administrator's own label is kept), and
# an import still reads the former label (a file filled from an English template of before).
FORMER_LABELS_EN: dict[str, list[tuple[str, str, str]]] = {
    "psks": [
        ("wpks", "Women social welfare leader", "Women's social welfare leader (WPKS)"),
        ("tksk", "Sub-district social welfare worker", "District social welfare worker (TKSK)"),
    ],
}

SEED: dict[str, tuple[str, list[tuple[str, str, str, dict[str, Any]]]]] = {
    "ppks": (PERMENSOS_08_2012, PPKS),
    "psks": (PERMENSOS_08_2012, PSKS),
    "lks_kind": ("UU 11/2009", LKS_KINDS),
    "participation_actor": (PP_39_2012_51, PARTICIPATION_ACTORS),
    "participation_form": (PP_39_2012_51, PARTICIPATION_FORMS),
    "accreditation_grade": ("Permensos 17/2012", ACCREDITATION_GRADES),
    "welfare_pillar": ("PP 39/2012 Pasal 3", WELFARE_PILLARS),
}


def seed_vocabularies(term_model) -> int:
    """Creates the missing seed items; returns how many were created. Existing items are left as edited."""
    existing = set(term_model.objects.values_list("vocabulary", "code"))
    new_terms = [
        term_model(
            vocabulary=vocabulary,
            code=code,
            label_id=label_id,
            label_en=label_en,
            legal_source=source,
            sort_order=position,
            attributes=attributes,
        )
        for vocabulary, (source, items) in SEED.items()
        for position, (code, label_id, label_en, attributes) in enumerate(items, start=1)
        if (vocabulary, code) not in existing
    ]
    term_model.objects.bulk_create(new_terms)
    return len(new_terms)
