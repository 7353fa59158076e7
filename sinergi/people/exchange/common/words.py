"""What spreadsheets say for the people's fields besides their codes and labels: the headers and choice words a
clients file and a staff list share (sex, consent, missing identity, setting, disability, PPKS). Constants only,
apart so that the two entities read the same words from one place.
"""

# ---------------------------------------------------------------------------------------------- choice words
# What spreadsheets say for the people's choice lists besides their codes and labels (values.Choices reads those).
# Headers a clients file and a staff list both use for the same field: one list each, so that the two imports read
# the same words (the workers import once lacked "Tanggal kelahiran", and registered everyone without a birth date).
BIRTH_DATE_SYNONYMS = ("tgl lahir", "tanggal kelahiran")
NIK_SYNONYMS = ("nomor induk kependudukan", "no nik", "nomor nik", "nik ktp", "no ktp", "nomor ktp")
LKS_SYNONYMS = ("nama lks", "nomor tanda daftar lks", "lks tempat layanan", "nama lembaga", "lembaga")
# "Laki2", "Lk2": a doubled word written short, as Indonesians write "anak2". 1 and 2 are the code every government
# data set writes the sex in (BPS, Dukcapil, DTKS/SIKS-NG's JNS_KEL: 1 laki-laki, 2 perempuan), and no other coding
# of two numbers is in use there; each read is said in the run's notice ("1" → "Laki-laki"), and the NIK's own sex
# (its day of birth + 40 for a woman) is still checked against it.
# "M" and "F" are how an English table abbreviates Male and Female (the English labels): the column's codes are "L" and
# "P", and neither letter means anything else in it.
SEX_ALIASES = (
    ("pria", "L"), ("lk", "L"), ("laki", "L"), ("laki2", "L"), ("lk2", "L"), ("male", "L"), ("m", "L"), ("1", "L"),
    ("wanita", "P"), ("pr", "P"), ("female", "P"), ("f", "P"), ("2", "P"),
)  # fmt: skip
CONSENT_GIVER_ALIASES = (("ybs", "self"), ("sendiri", "self"), ("diri sendiri", "self"), ("ortu", "parent"))
LEGAL_BASIS_ALIASES = (("persetujuan", "consent"),)
MISSING_ID_ALIASES = (
    ("belum ada", "not_yet_recorded"), ("belum dibuat", "not_yet_recorded"), ("belum punya", "not_yet_recorded"),
    ("belum direkam", "not_yet_recorded"), ("tidak diketahui", "unknown"), ("tidak tahu", "unknown"),
)  # fmt: skip
SETTING_ALIASES = (
    ("panti", "residential"),
    ("non panti", "community"),
    ("luar", "community"),
    ("dalam", "residential"),
)
# Ragam disabilitas as disability LKS and schools write it: the older "tuna-" words and the kinds the explanation of
# UU 8/2016 Pasal 4 lists under each ragam (sensorik: netra, rungu, wicara; fisik: daksa, amputasi, lumpuh layuh,
# cerebral palsy; intelektual: grahita, down syndrome, lambat belajar; mental: psikososial — skizofrenia and the
# like — and perkembangan: autis, hiperaktif). Each read is said in the run's notice.
DISABILITY_ALIASES = (
    *((word, "sensorik") for word in (
        "tunanetra", "tuna netra", "netra", "disabilitas netra", "buta", "low vision", "tunarungu", "tuna rungu",
        "rungu", "disabilitas rungu", "tuli", "tunawicara", "tuna wicara", "wicara", "disabilitas wicara", "bisu",
        "tunarungu wicara", "tuna rungu wicara", "rungu wicara", "tuli bisu")),
    *((word, "fisik") for word in (
        "tunadaksa", "tuna daksa", "daksa", "disabilitas daksa", "cacat fisik", "cacat tubuh", "amputasi", "lumpuh",
        "lumpuh layuh", "paraplegi", "cerebral palsy", "celebral palsy")),
    *((word, "intelektual") for word in (
        "tunagrahita", "tuna grahita", "grahita", "disabilitas grahita", "down syndrome", "down syndrom",
        "sindrom down", "lambat belajar", "slow learner", "retardasi mental")),
    *((word, "mental") for word in (
        "psikososial", "disabilitas psikososial", "odgj", "gangguan jiwa", "skizofrenia", "bipolar", "autis",
        "autisme", "autism", "hiperaktif", "adhd", "disabilitas perkembangan")),
    *((word, "ganda") for word in ("tunaganda", "tuna ganda", "multi", "disabilitas multi", "cacat ganda")),
    *((word, "") for word in ("normal", "bukan disabilitas", "non disabilitas", "tidak disabilitas")),
)  # fmt: skip
# PPKS categories as non-children LKS write them: the short names of the category an elderly home, a disability
# LKS or a rehabilitation centre serves. "Disabilitas" alone is the category's own short name (Permensos 8/2012
# lists it so); a child with disability is "Anak Disabilitas"/"ADK".
PPKS_ALIASES = (
    ("lansia", "lansia_telantar"), ("lanjut usia", "lansia_telantar"), ("lansia terlantar", "lansia_telantar"),
    ("disabilitas", "penyandang_disabilitas"), ("difabel", "penyandang_disabilitas"),
    ("anak disabilitas", "anak_dengan_kedisabilitasan"), ("anak penyandang disabilitas", "anak_dengan_kedisabilitasan"),
    ("anak dengan disabilitas", "anak_dengan_kedisabilitasan"), ("adk", "anak_dengan_kedisabilitasan"),
    ("anak berkebutuhan khusus", "anak_dengan_kedisabilitasan"), ("abk", "anak_dengan_kedisabilitasan"),
    ("napza", "korban_napza"), ("narkoba", "korban_napza"), ("korban napza", "korban_napza"),
    ("korban narkoba", "korban_napza"), ("penyalahguna napza", "korban_napza"), ("pecandu narkoba", "korban_napza"),
    ("pengguna narkoba", "korban_napza"), ("penyalahguna narkoba", "korban_napza"),
)  # fmt: skip
