"""The table of kabupaten/kota short names and former names still found in files, by code ("Bjm",
"Tobasa"). Apart because it is data, extended one line at a time, not logic."""

# Short names of kabupaten/kota in everyday use, by code, and former names still found in files ("Toba Samosir",
# "Mamuju Utara", "Maluku Tenggara Barat"). A short name two provinces use ("Mura": Musi Rawas, Murung Raya) is the
# server's province's, or asked about. Acronyms of names of three words or more (HSS, HST, HSU, OKU, TTS) are derived,
# not listed.
REGENCY_NICKNAMES = {
    # Aceh
    "11.02": ("agara",),
    "11.12": ("abdya",),
    # Sumatera Utara
    "12.01": ("tapteng",),
    "12.02": ("taput",),
    "12.03": ("tapsel",),
    "12.12": ("tobasa", "toba samosir"),
    "12.13": ("madina",),
    "12.14": ("nisel",),
    "12.16": ("humbahas",),
    "12.18": ("sergai",),
    "12.20": ("paluta",),
    "12.21": ("palas",),
    "12.22": ("labusel",),
    "12.23": ("labura",),
    # Sumatera Barat
    "13.01": ("pessel",),
    "13.09": ("mentawai",),
    "13.11": ("solsel",),
    "13.12": ("pasbar",),
    # Riau
    "14.02": ("inhu",),
    "14.04": ("inhil",),
    "14.06": ("rohul",),
    "14.07": ("rohil",),
    "14.09": ("kuansing",),
    "14.10": ("meranti",),
    # Jambi
    "15.06": ("tanjabbar",),
    "15.07": ("tanjabtim",),
    # Sumatera Selatan
    "16.05": ("mura",),
    "16.06": ("muba",),
    "16.13": ("muratara",),
    # Bengkulu
    "17.09": ("benteng",),
    # Lampung
    "18.01": ("lamsel",),
    "18.02": ("lamteng",),
    "18.03": ("lampura",),
    "18.04": ("lambar",),
    "18.05": ("tuba",),
    "18.07": ("lamtim",),
    "18.12": ("tubaba",),
    "18.13": ("pesibar",),
    # Kepulauan Bangka Belitung
    "19.03": ("basel",),
    "19.04": ("bateng",),
    "19.05": ("babar",),
    "19.06": ("beltim",),
    # Kepulauan Riau
    "21.05": ("anambas",),
    # Daerah Khusus Ibukota Jakarta
    "31.01": ("pulau seribu",),
    "31.71": ("jakpus",),
    "31.72": ("jakut",),
    "31.73": ("jakbar",),
    "31.74": ("jaksel",),
    "31.75": ("jaktim",),
    # Jawa Barat
    "32.17": ("kbb",),
    # Daerah Istimewa Yogyakarta
    "34.71": ("jogja", "jogjakarta", "yogya", "kota jogja"),
    # Banten
    "36.74": ("tangsel",),
    # Nusa Tenggara Barat
    "52.01": ("lobar",),
    "52.02": ("loteng",),
    "52.03": ("lotim",),
    "52.07": ("ksb",),
    "52.08": ("klu",),
    # Nusa Tenggara Timur
    "53.15": ("mabar",),
    "53.19": ("matim",),
    # Kalimantan Barat
    "61.11": ("kku",),
    # Kalimantan Tengah
    "62.01": ("kobar",),
    "62.02": ("kotim",),
    "62.04": ("barsel",),
    "62.05": ("barut",),
    "62.10": ("gumas",),
    "62.11": ("pulpis",),
    "62.12": ("mura",),
    "62.13": ("bartim",),
    # Kalimantan Selatan
    "63.01": ("tala",),
    "63.04": ("batola",),
    "63.10": ("tanbu",),
    "63.71": ("bjm", "banjarmasin kota"),
    "63.72": ("bjb",),
    # Kalimantan Timur
    "64.02": ("kukar",),
    "64.07": ("kubar",),
    "64.08": ("kutim",),
    "64.11": ("mahulu",),
    # Kalimantan Utara
    "65.04": ("ktt",),
    # Sulawesi Utara
    "71.01": ("bolmong",),
    "71.03": ("sangihe",),
    "71.04": ("talaud",),
    "71.05": ("minsel",),
    "71.06": ("minut",),
    "71.07": ("mitra",),
    "71.08": ("bolmut",),
    "71.09": ("sitaro",),
    "71.10": ("boltim",),
    "71.11": ("bolsel",),
    # Sulawesi Tengah
    "72.07": ("bangkep",),
    "72.08": ("parimo",),
    "72.09": ("touna", "tojo una-una"),
    "72.11": ("balut",),
    "72.12": ("morut",),
    # Sulawesi Selatan
    "73.01": ("selayar",),
    "73.10": ("pangkep",),
    "73.14": ("sidrap",),
    "73.18": ("tator",),
    "73.22": ("lutra",),
    "73.24": ("lutim",),
    "73.26": ("torut",),
    # Sulawesi Tenggara
    "74.05": ("konsel",),
    "74.08": ("kolut",),
    "74.09": ("konut",),
    "74.10": ("butur",),
    "74.11": ("koltim",),
    "74.12": ("konkep",),
    "74.13": ("mubar",),
    "74.14": ("buteng",),
    "74.15": ("busel",),
    # Gorontalo
    "75.03": ("bonebol",),
    "75.05": ("gorut",),
    # Sulawesi Barat
    "76.01": ("mamuju utara", "matra"),
    "76.04": ("polman",),
    "76.06": ("mateng",),
    # Maluku
    "81.02": ("malra",),
    "81.03": ("maluku tenggara barat", "mtb", "kkt"),
    "81.07": ("aru",),
    "81.09": ("bursel",),
    # Maluku Utara
    "82.01": ("halbar",),
    "82.02": ("halteng",),
    "82.03": ("halut",),
    "82.04": ("halsel",),
    "82.06": ("haltim",),
    "82.07": ("morotai",),
    "82.08": ("taliabu",),
}
