"""The Kalimantan Selatan demo: synthetic LKS, boards and users around the published February 2023 figures.

Every name here is made up and says so ("Demo"); no real person or institution is described.
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from sinergi.accounts.models import Role, User
from sinergi.accounts.services import user_create_with_role
from sinergi.demo.meetings import load_demo_meetings
from sinergi.demo.partnerships import load_demo_partnerships
from sinergi.demo.people import load_demo_people
from sinergi.demo.referrals import RECEIVING_OPERATOR, load_demo_referrals
from sinergi.organisations import services as organisation_services
from sinergi.organisations.choices import CareSetting, LegalForm, OfficerPosition, OrganisationKind
from sinergi.organisations.models import Organisation
from sinergi.regions.models import Region, RegionLevel
from sinergi.statistics.models import OfficialFigure
from sinergi.vocabularies.models import Term, Vocabulary

PROVINCE = "63"
DEMO_PASSWORD = "sinergi-demo-2025"

# kabupaten/kota: (number of active LKS, approximate centre latitude, longitude)
REGENCIES: dict[str, tuple[int, float, float]] = {
    "63.01": (10, -3.80, 114.78),  # Tanah Laut
    "63.02": (10, -3.24, 116.20),  # Kotabaru
    "63.03": (18, -3.41, 114.85),  # Banjar
    "63.04": (9, -2.98, 114.76),  # Barito Kuala
    "63.05": (7, -2.94, 115.16),  # Tapin
    "63.06": (9, -2.78, 115.27),  # Hulu Sungai Selatan
    "63.07": (9, -2.58, 115.38),  # Hulu Sungai Tengah
    "63.08": (10, -2.42, 115.25),  # Hulu Sungai Utara
    "63.09": (8, -2.17, 115.38),  # Tabalong
    "63.10": (10, -3.45, 115.99),  # Tanah Bumbu
    "63.11": (5, -2.33, 115.47),  # Balangan
    "63.71": (35, -3.32, 114.59),  # Kota Banjarmasin
    "63.72": (14, -3.44, 114.83),  # Kota Banjarbaru
}
# Published February 2023 composition (Rakor LKKKS Kalsel): 140 anak, 4 lanjut usia, 7 disabilitas, 3 NAPZA.
KIND_COUNTS = {"anak": 140, "lanjut_usia": 4, "disabilitas": 7, "napza": 3}
# Kabupaten without an LKKKS board in October 2025 (domain.md).
NO_BOARD = {"63.02", "63.10"}
DRAFTS = ["63.71", "63.71", "63.71", "63.72", "63.72", "63.03"]

PREFIX = {"anak": "LKSA", "lanjut_usia": "LKS Lansia", "disabilitas": "LKS Disabilitas", "napza": "LKS Rehabilitasi"}
WORDS = [
    "Bina Harapan",
    "Kasih Bunda",
    "Cahaya Ilmu",
    "Mutiara Hati",
    "Pelita Bangsa",
    "Tunas Bangsa",
    "Nurul Iman",
    "Al-Hikmah Contoh",
    "Darul Amal",
    "Budi Mulia",
    "Insan Mandiri",
    "Sejahtera",
    "Karya Kasih",
    "Bakti Sosial",
    "Sabilal Contoh",
    "Mekar Sari",
    "Permata Hati",
    "Rumah Harapan",
    "Anak Sholeh",
    "Surya Kencana",
]
FIRST_NAMES = ["Ahmad", "Siti", "Muhammad", "Nur", "Rahmat", "Dewi", "Budi", "Fitri", "Hendra", "Rina", "Yusuf", "Lina"]
LAST_NAMES = ["Contoh", "Demo", "Fiktif", "Percobaan", "Sampel"]


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    region_code: str | None
    full_name: str
    note: str


DEMO_USERS = [
    DemoUser("admin.provinsi", Role.PROVINCE_ADMIN, PROVINCE, "Admin Provinsi (Demo)", "admin provinsi Kalsel, 2FA"),
    DemoUser("pengurus.banjarmasin", Role.REGENCY_BOARD, "63.71", "Pengurus LKKKS Banjarmasin (Demo)", "LKKKS kota"),
    DemoUser("operator.lks", Role.LKS_OPERATOR, None, "Operator LKS (Demo)", "operator satu LKSA di Banjarmasin"),
    DemoUser("dinsos.kalsel", Role.DINSOS_VIEWER, PROVINCE, "Dinas Sosial Kalsel (Demo)", "Dinas Sosial, lihat saja"),
]

OFFICIAL_FIGURES = [
    (
        datetime.date(2022, 8, 24),
        135,
        {"anak": 120, "lanjut_usia": 3, "disabilitas": 9, "napza": 3},
        "Dinas Sosial Kalsel via diskominfomc.kalselprov.go.id, 24 Agustus 2022",
        "",
    ),
    (
        datetime.date(2023, 2, 20),
        154,
        {"anak": 140, "lanjut_usia": 4, "disabilitas": 7, "napza": 3},
        "Rakor LKKKS Kalsel, diskominfomc.kalselprov.go.id, 20 Februari 2023",
        "",
    ),
    (
        datetime.date(2025, 10, 1),
        199,
        {},
        "Berita pelantikan pengurus LKKS Kalsel, Oktober 2025",
        "Tanggal persis tidak disebut; rincian per jenis tidak dipublikasikan.",
    ),
]


def demo_is_loaded() -> bool:
    return User.objects.filter(username=DEMO_USERS[0].username).exists()


def _terms(vocabulary: str) -> dict[str, Term]:
    return {t.code: t for t in Term.objects.filter(vocabulary=vocabulary)}


def _villages_by_regency(rng: random.Random) -> dict[str, list[Region]]:
    villages: dict[str, list[Region]] = {code: [] for code in REGENCIES}
    for region in Region.objects.filter(level=RegionLevel.VILLAGE, code__startswith=f"{PROVINCE}.").only(
        "code", "name"
    ):
        villages[region.code[:5]].append(region)
    for code in villages:
        rng.shuffle(villages[code])
    return villages


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _lks_data(
    rng: random.Random, *, number: int, kind: str, village: Region, centre: tuple[float, float], terms, grades
) -> dict:
    # Dates are relative to the day of loading, so "expiring within 90 days" means something on any day.
    today = timezone.localdate()
    issued = today - datetime.timedelta(days=rng.randint(200, 1790))
    # About one in twelve permits runs out within the next 90 days, so the dashboard has something to show.
    if number % 12 == 5:
        issued = today - datetime.timedelta(days=5 * 365 - rng.randint(10, 80))
    grade = rng.choices(["A", "B", "C", None], weights=[10, 30, 40, 20])[0]
    accredited_on = today - datetime.timedelta(days=rng.randint(60, 1500)) if grade else None
    data = {
        "kind": OrganisationKind.LKS,
        "name": f"{PREFIX[kind]} {rng.choice(WORDS)} Demo {number:03d}",
        "primary_service_kind": terms[kind],
        "care_setting": rng.choices([CareSetting.RESIDENTIAL, CareSetting.COMMUNITY, CareSetting.BOTH], [6, 3, 1])[0],
        "legal_form": rng.choice([LegalForm.YAYASAN, LegalForm.YAYASAN, LegalForm.PERKUMPULAN]),
        "has_legal_entity": True,
        "deed_number": f"{rng.randint(1, 99)}/DEMO/{issued.year - 1}",
        "deed_date": issued - datetime.timedelta(days=400),
        "notary_name": f"Notaris {_person(rng)}",
        "kemenkumham_number": f"AHU-{rng.randint(1000, 9999)}.AH.01.04.DEMO",
        "address": f"Jl. Contoh {rng.choice(WORDS)} No. {rng.randint(1, 200)}",
        "region": village,
        "latitude": Decimal(f"{centre[0] + rng.uniform(-0.08, 0.08):.6f}"),
        "longitude": Decimal(f"{centre[1] + rng.uniform(-0.08, 0.08):.6f}"),
        "phone": f"0811-0000-{number:04d}",
        "email": f"lks{number:03d}@contoh.test",
        "head_name": _person(rng),
        "capacity": rng.choice([15, 20, 25, 30, 40, 50, 60]),
        "permit_number": f"IO/{number:03d}/DINSOS/{issued.year}",
        "permit_issuer": "Dinas Sosial Kabupaten/Kota (demo)",
        "permit_issued_on": issued,
        "registration_number": f"TD/{number:03d}/DINSOS-KALSEL/{issued.year}",
        "registration_issuer": "Dinas Sosial Provinsi Kalimantan Selatan (demo)",
        "registration_issued_on": issued + datetime.timedelta(days=7),
        "accreditation_grade": grades[grade] if grade else None,
        "accredited_on": accredited_on,
        "accreditation_certificate_number": f"AKR/{number:03d}/DEMO" if grade else "",
    }
    if kind == "disabilitas" and number % 2:
        data["service_kinds"] = [terms["anak"]]
    return data


@transaction.atomic
def load_demo(*, seed: int = 2023) -> dict[str, int]:
    """Loads the whole demo; refuses to run twice (callers check `demo_is_loaded`)."""
    rng = random.Random(seed)
    terms, grades = _terms(Vocabulary.LKS_KIND), _terms(Vocabulary.ACCREDITATION_GRADE)
    province = Region.objects.get(pk=PROVINCE)
    admin = user_create_with_role(
        username=DEMO_USERS[0].username,
        role=DEMO_USERS[0].role,
        region_code=PROVINCE,
        full_name=DEMO_USERS[0].full_name,
        email="admin.provinsi@contoh.test",
        password=DEMO_PASSWORD,
    )
    villages = _villages_by_regency(rng)

    kinds = [kind for kind, count in KIND_COUNTS.items() for _ in range(count)]
    rng.shuffle(kinds)
    slots = [code for code, (count, _lat, _lon) in REGENCIES.items() for _ in range(count)]
    rng.shuffle(slots)
    lks: list[Organisation] = []
    for number, (kind, regency) in enumerate(zip(kinds, slots, strict=True), start=1):
        data = _lks_data(
            rng,
            number=number,
            kind=kind,
            village=villages[regency][number % len(villages[regency])],
            centre=REGENCIES[regency][1:],
            terms=terms,
            grades=grades,
        )
        service_kinds = data.pop("service_kinds", None)
        organisation = organisation_services.organisation_create(actor=admin, data=data, service_kinds=service_kinds)
        organisation = organisation_services.organisation_verify(organisation=organisation, actor=admin)
        lks.append(organisation_services.organisation_activate(organisation=organisation, actor=admin))

    for offset, regency in enumerate(DRAFTS, start=len(lks) + 1):
        data = _lks_data(
            rng,
            number=offset,
            kind="anak",
            village=villages[regency][offset % len(villages[regency])],
            centre=REGENCIES[regency][1:],
            terms=terms,
            grades=grades,
        )
        data["name"] = f"LKSA Calon {rng.choice(WORDS)} Demo {offset:03d}"
        data["accreditation_grade"], data["accredited_on"], data["accreditation_certificate_number"] = None, None, ""
        organisation_services.organisation_create(actor=admin, data=data)

    boards = _load_boards(rng, admin=admin, province=province, lks=lks)
    _load_partners(admin=admin, villages=villages)
    for as_of, total, by_kind, source, note in OFFICIAL_FIGURES:
        OfficialFigure.objects.update_or_create(
            region=province, as_of=as_of, defaults={"total": total, "by_kind": by_kind, "source": source, "note": note}
        )

    operator_lks = next(o for o in lks if o.regency_code == "63.71" and o.primary_service_kind.code == "anak")
    for demo_user in DEMO_USERS[1:]:
        user_create_with_role(
            username=demo_user.username,
            role=demo_user.role,
            region_code=demo_user.region_code,
            organisation=operator_lks if demo_user.role == Role.LKS_OPERATOR else None,
            full_name=demo_user.full_name,
            email=f"{demo_user.username}@contoh.test",
            password=DEMO_PASSWORD,
        )
    # The province admin must pass TOTP; the demo gives it a device whose secret and current code `demo_totp` prints.
    TOTPDevice.objects.get_or_create(user=admin, name="demo", defaults={"confirmed": True})
    people = load_demo_people(seed=seed)
    meetings = load_demo_meetings()
    referrals = load_demo_referrals()
    partnerships = load_demo_partnerships()
    # Counted, not listed: the referrals demo adds the receiving LKSA's operator.
    users = User.objects.filter(username__in=[u.username for u in DEMO_USERS] + [RECEIVING_OPERATOR]).count()
    organisations = {"lks": len(lks), "drafts": len(DRAFTS), "boards": boards, "users": users}
    return organisations | people | meetings | referrals | {"agreements": partnerships}


def _load_boards(rng: random.Random, *, admin, province: Region, lks: list[Organisation]) -> int:
    regencies = Region.objects.filter(parent=province).order_by("code")
    board_regions = [province, *[r for r in regencies if r.code not in NO_BOARD]]
    for region in board_regions:
        name = "LKKKS Provinsi Kalimantan Selatan" if region.level == 1 else f"LKKKS {region.name}"
        board = organisation_services.organisation_create(
            actor=admin,
            data={"kind": OrganisationKind.LKKKS, "name": name, "region": region, "address": "Sekretariat (demo)"},
        )
        board = organisation_services.organisation_verify(organisation=board, actor=admin)
        board = organisation_services.organisation_activate(organisation=board, actor=admin)
        # The provincial board's current term was inaugurated in October 2025 (five years).
        starts = datetime.date(2025, 10, 15) if region.level == 1 else datetime.date(2023, rng.randint(1, 12), 1)
        term = organisation_services.board_term_create(
            board=board,
            actor=admin,
            starts_on=starts,
            ends_on=starts.replace(year=starts.year + 5),
            inaugurated_on=starts,
            decree_number=f"SK/DEMO/{region.code}/{starts.year}",
        )
        for position in (OfficerPosition.CHAIR, OfficerPosition.SECRETARY, OfficerPosition.TREASURER):
            organisation_services.board_officer_add(term=term, actor=admin, name=_person(rng), position=position)
        members = [o for o in lks if region.level == 1 or o.regency_code == region.code]
        for member in members if region.level == 2 else []:
            organisation_services.board_member_add(board=board, member=member, actor=admin, joined_on=starts)
    return len(board_regions)


def _load_partners(*, admin, villages: dict[str, list[Region]]) -> None:
    partners = [
        (OrganisationKind.GOVERNMENT, "Dinas Sosial Provinsi Kalimantan Selatan (Demo)", "63.72"),
        (OrganisationKind.RELIGIOUS, "Majelis Taklim Contoh Demo", "63.71"),
        (OrganisationKind.BUSINESS, "PT Contoh Peduli Demo (CSR)", "63.03"),
        (OrganisationKind.UNIVERSITY, "Universitas Contoh Demo", "63.71"),
        (OrganisationKind.NGO, "Yayasan Swadaya Contoh Demo", "63.09"),
    ]
    for kind, name, regency in partners:
        organisation = organisation_services.organisation_create(
            actor=admin,
            data={"kind": kind, "name": name, "region": villages[regency][0], "address": "Alamat contoh (demo)"},
        )
        organisation = organisation_services.organisation_verify(organisation=organisation, actor=admin)
        organisation_services.organisation_activate(organisation=organisation, actor=admin)
