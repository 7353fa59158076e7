"""Demo clients (PPKS) and workers (PSKS) for the 154 active demo LKS of Kalimantan Selatan.

Everything is synthetic and says so: every name ends in "Contoh"; NIKs have a valid structure (the LKS's
kecamatan code, the birth date, women's day + 40, a serial) but are made up. Each LKS gets clients that fit its
kind (children in LKSA, elderly people in lansia homes, ...) and its capacity.

Rows are bulk-created with the same encryption, keyed hash and match key the services use (the services write one
client at a time with audit rows; for thousands that would take minutes); the summary tables are then rebuilt
from scratch, which is the path the statistics tests prove equal to the services' incremental updates.
"""

import datetime
import random
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from sinergi.accounts.models import Role, User
from sinergi.core.crypto import encrypt, keyed_hash, mask_identity_number
from sinergi.organisations.choices import LKS_KINDS, CareSetting, OrganisationStatus
from sinergi.organisations.models import Organisation
from sinergi.people.choices import (
    BackgroundCheckResult,
    CaseStage,
    ConsentGiver,
    DisabilityType,
    DischargeReason,
    DuplicateReason,
    DuplicateStatus,
    LegalBasis,
    MissingIdReason,
    PlacementStatus,
    ServiceSetting,
    Sex,
    WorkerRole,
)
from sinergi.people.models import CarePlanReview, Consent, DuplicateCandidate, Person, Placement, Worker
from sinergi.people.nik import nik_compose
from sinergi.people.services import add_months, person_match_key
from sinergi.vocabularies.models import Term, Vocabulary

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


def demo_people_loaded() -> bool:
    return Person.objects.filter(full_name__endswith=" Contoh").exists()


def _name(rng: random.Random, sex: str) -> str:
    first = rng.choice(MALE_NAMES if sex == Sex.MALE else FEMALE_NAMES)
    return f"{first} {rng.choice(MIDDLE_NAMES)} Contoh"


def _birth_date(rng: random.Random, today: datetime.date, low: int, high: int) -> datetime.date:
    age_days = rng.randint(low * 365 + 30, high * 365 + 300)
    return today - datetime.timedelta(days=age_days)


def _kind(organisation: Organisation) -> str:
    return organisation.primary_service_kind.code if organisation.primary_service_kind_id else "lainnya"


def _setting(rng: random.Random, organisation: Organisation) -> str:
    if organisation.care_setting == CareSetting.COMMUNITY:
        return ServiceSetting.COMMUNITY
    if organisation.care_setting == CareSetting.BOTH:
        return rng.choice([ServiceSetting.RESIDENTIAL, ServiceSetting.COMMUNITY])
    return ServiceSetting.RESIDENTIAL


class _Serials:
    """NIK serials running per kecamatan, so two made-up people never share a NIK by accident (and the masked
    forms, which show the serial, differ)."""

    def __init__(self, rng: random.Random) -> None:
        self.next: dict[str, int] = {}
        self.rng = rng

    def nik(self, *, district: str, birth_date: datetime.date, sex: str) -> str:
        serial = self.next.get(district) or self.rng.randint(1, 5000)
        self.next[district] = serial % 9999 + 1
        return nik_compose(district_code=district, birth_date=birth_date, sex=sex, serial=serial)


def _identity(person: Person, nik: str) -> None:
    person.nik_encrypted, person.nik_hash, person.nik_masked = encrypt(nik), keyed_hash(nik), mask_identity_number(nik)


@transaction.atomic
def load_demo_people(*, seed: int = 2025, clients: int = 3000, workers: int = 600) -> dict[str, int]:
    """Loads about `clients` clients and `workers` workers across the active demo LKS of province 63.

    Needs `load_demo` first (organisations and users). Refuses to run twice (check `demo_people_loaded`).
    """
    if demo_people_loaded():
        raise RuntimeError("Demo people are already loaded.")
    rng = random.Random(seed)
    today = timezone.localdate()
    recorder = User.objects.filter(memberships__role=Role.PROVINCE_ADMIN).order_by("pk").first()
    lks = list(
        Organisation.objects.filter(kind__in=LKS_KINDS, status=OrganisationStatus.ACTIVE, province_code=PROVINCE)
        .select_related("primary_service_kind")
        .order_by("pk")
    )
    if not lks:
        raise RuntimeError("No active LKS in province 63: load the organisation demo first.")
    ppks = {t.code: t for t in Term.objects.filter(vocabulary=Vocabulary.PPKS)}
    psks = {t.code: t for t in Term.objects.filter(vocabulary=Vocabulary.PSKS)}
    pillars = {t.code: t for t in Term.objects.filter(vocabulary=Vocabulary.WELFARE_PILLAR)}
    # Spread the clients over the LKS in proportion to capacity; at most 90 % of a home's places are taken.
    capacity = {o.pk: o.capacity or 20 for o in lks}
    share = clients / sum(capacity.values())
    serials = _Serials(rng)

    people: list[Person] = []
    plans: list[dict] = []  # what to create for each person once it has a primary key
    for organisation in lks:
        kind = _kind(organisation)
        profile = KIND_PROFILES.get(kind, KIND_PROFILES["lainnya"])
        count = max(3, round(capacity[organisation.pk] * share * rng.uniform(0.85, 1.15)))
        active_limit = int(capacity[organisation.pk] * 0.9)
        district = (organisation.district_code or f"{organisation.regency_code}.01").strip()
        for index in range(count):
            code, _weight, low, high = rng.choices(profile, weights=[p[1] for p in profile])[0]
            sex = rng.choice([Sex.MALE, Sex.FEMALE])
            birth_date = _birth_date(rng, today, low, high)
            person = Person(
                organisation=organisation,
                province_code=organisation.province_code,
                regency_code=organisation.regency_code,
                full_name=_name(rng, sex),
                sex=sex,
                birth_date=birth_date,
                birth_place=rng.choice(["Banjarmasin", "Martapura", "Barabai", "Kandangan", "Amuntai", "Tanjung"]),
                mother_name=f"{rng.choice(FEMALE_NAMES)} Ibu Contoh",
                origin_region_id=organisation.region_id if organisation.region_id else None,
                disability_type=rng.choice(DISABILITY_TYPES) if "disabilitas" in code else "",
            )
            no_nik = code in {"anak_balita_telantar", "anak_jalanan"} and rng.random() < 0.4
            if no_nik:
                person.nik_missing_reason = (
                    MissingIdReason.ABANDONED_INFANT if code == "anak_balita_telantar" else MissingIdReason.STREET
                )
                person.kk_missing_reason = person.nik_missing_reason
            else:
                _identity(person, serials.nik(district=district, birth_date=birth_date, sex=sex))
                person.kk_missing_reason = MissingIdReason.UNKNOWN
            child = (today - birth_date).days < 18 * 365
            if child:
                person.father_name = f"{rng.choice(MALE_NAMES)} Ayah Contoh"
            person.match_key = person_match_key(
                full_name=person.full_name, birth_date=birth_date, mother_name=person.mother_name
            )
            active = index < active_limit and rng.random() < 0.85
            people.append(person)
            plans.append({"code": code, "kind": kind, "child": child, "active": active, "organisation": organisation})
    Person.objects.bulk_create(people, batch_size=500)

    categories_through = Person.ppks_categories.through
    categories_through.objects.bulk_create(
        [
            categories_through(person_id=p.pk, term_id=ppks[plan["code"]].pk)
            for p, plan in zip(people, plans, strict=True)
        ],
        batch_size=1000,
    )
    placements: list[Placement] = []
    consents: list[Consent] = []
    for person, plan in zip(people, plans, strict=True):
        organisation = plan["organisation"]
        earliest = max(person.birth_date, today - datetime.timedelta(days=5 * 365))
        admitted_on = earliest + datetime.timedelta(days=rng.randint(0, max(1, (today - earliest).days - 20)))
        placement = Placement(
            person=person,
            organisation=organisation,
            province_code=organisation.province_code,
            regency_code=organisation.regency_code,
            ppks_category=ppks[plan["code"]],
            setting=_setting(rng, organisation),
            admitted_on=admitted_on,
        )
        # "Child" means a child when admitted, as the services decide it.
        child_at_admission = (admitted_on - person.birth_date).days < 18 * 365
        if plan["active"]:
            if child_at_admission:
                # The SNPA stage follows the time in care: referral, assessment, planning, then implementation.
                days = (today - admitted_on).days
                placement.stage = (
                    CaseStage.REFERRAL
                    if days < 30
                    else CaseStage.ASSESSMENT
                    if days < 90
                    else CaseStage.PLANNING
                    if days < 180
                    else CaseStage.IMPLEMENTATION
                )
                next_review = add_months(admitted_on, 6)
                while next_review <= today:
                    next_review = add_months(next_review, 6)
                # About one child in twelve has an overdue review, so the reminders page has work to show.
                if rng.random() < 0.08:
                    next_review = today - datetime.timedelta(days=rng.randint(1, 40))
                placement.next_review_on = next_review
        else:
            placement.status = PlacementStatus.DISCHARGED
            placement.discharged_on = min(today, admitted_on + datetime.timedelta(days=rng.randint(30, 700)))
            placement.discharge_reason = rng.choice(DISCHARGE_REASONS)
            placement.stage = CaseStage.TERMINATION if child_at_admission else ""
        placements.append(placement)
        giver = ConsentGiver.SELF
        giver_name = person.full_name
        if child_at_admission:
            giver = rng.choice([ConsentGiver.PARENT, ConsentGiver.GUARDIAN])
            giver_name = person.mother_name if giver == ConsentGiver.PARENT else f"{rng.choice(MALE_NAMES)} Wali Contoh"
        consents.append(
            Consent(
                person=person,
                given_by=giver,
                giver_name=giver_name,
                given_on=admitted_on,
                legal_basis=LegalBasis.CONSENT if rng.random() < 0.9 else LegalBasis.PUBLIC_TASK,
                scope=CONSENT_SCOPE,
                recorded_by=recorder,
            )
        )
    Placement.objects.bulk_create(placements, batch_size=500)
    Consent.objects.bulk_create(consents, batch_size=500)
    services_through = Placement.services.through
    services_through.objects.bulk_create(
        [
            services_through(
                placement_id=p.pk, term_id=pillars[PILLAR_BY_KIND.get(plan["kind"], "rehabilitasi_sosial")].pk
            )
            for p, plan in zip(placements, plans, strict=True)
            if PILLAR_BY_KIND.get(plan["kind"], "rehabilitasi_sosial") in pillars
        ],
        batch_size=1000,
    )
    CarePlanReview.objects.bulk_create(_past_reviews(rng, placements, recorder), batch_size=500)
    worker_rows = _workers(rng, lks, psks, workers, today)
    Worker.objects.bulk_create(worker_rows, batch_size=500)
    duplicates, duplicates_active = _duplicates(rng, people, plans, serials)

    from sinergi.people.summaries import summaries_rebuild

    summaries_rebuild()
    return {
        "clients": len(people) + duplicates,
        "active_placements": sum(1 for p in placements if p.status == PlacementStatus.ACTIVE) + duplicates_active,
        "workers": len(worker_rows),
        "duplicate_candidates": duplicates,
    }


def _past_reviews(rng: random.Random, placements: Iterable[Placement], recorder) -> list[CarePlanReview]:
    """The last review before the one now due, for children who have been in care more than six months."""
    reviews = []
    for placement in placements:
        if placement.next_review_on and placement.next_review_on > add_months(placement.admitted_on, 6):
            reviewed_on = add_months(placement.next_review_on, -6)
            reviews.append(
                CarePlanReview(
                    placement=placement,
                    reviewed_on=reviewed_on,
                    summary=rng.choice(["Perkembangan baik (demo).", "Perlu pendampingan lanjutan (demo)."]),
                    next_review_on=placement.next_review_on,
                    reviewed_by=recorder,
                )
            )
    return reviews


def _workers(rng: random.Random, lks: list[Organisation], psks: dict[str, Term], total: int, today) -> list[Worker]:
    weights = [w for _role, _code, w in WORKER_PROFILES]
    rows = []
    per_lks = max(1, total // len(lks))
    extra = total - per_lks * len(lks)
    for number, organisation in enumerate(lks):
        children = _kind(organisation) in {"anak", "disabilitas"}
        for _index in range(per_lks + (1 if number < extra else 0)):
            role, code, _weight = rng.choices(WORKER_PROFILES, weights=weights)[0]
            sex = rng.choice([Sex.MALE, Sex.FEMALE])
            with_children = children and role in {WorkerRole.CAREGIVER, WorkerRole.SOCIAL_WORKER, WorkerRole.VOLUNTEER}
            result = ""
            checked_on = None
            if with_children:
                result = rng.choices([BackgroundCheckResult.CLEAR, BackgroundCheckResult.PENDING], weights=[9, 1])[0]
                checked_on = today - datetime.timedelta(days=rng.randint(10, 900))
            rows.append(
                Worker(
                    organisation=organisation,
                    province_code=organisation.province_code,
                    regency_code=organisation.regency_code,
                    full_name=_name(rng, sex),
                    sex=sex,
                    birth_date=_birth_date(rng, today, 22, 60),
                    psks_category=psks[code],
                    role=role,
                    # (no draw from rng: the demo's other figures stay as they were)
                    job_title=DEMO_JOB_TITLES.get(role, ""),
                    phone=f"0812-0000-{rng.randint(0, 9999):04d}",
                    started_on=today - datetime.timedelta(days=rng.randint(30, 3000)),
                    certifications=rng.choice(["", "Pelatihan pengasuhan (demo)", "Sertifikasi peksos (demo)"]),
                    works_with_children=with_children,
                    background_check_on=checked_on,
                    background_check_result=result,
                )
            )
    return rows


def _duplicates(rng: random.Random, people: list[Person], plans: list[dict], serials: _Serials) -> tuple[int, int]:
    """Two open candidates in Kota Banjarmasin for the board: the same NIK served before at a second LKS (registered
    there anew, not found: the board may merge the two), and a close match with another NIK, in care at a second LKS
    (two people, or one NIK to correct first). Returns how many records were added, and how many are in care."""
    banjarmasin = [
        (p, plan) for p, plan in zip(people, plans, strict=True) if p.regency_code == "63.71" and plan["active"]
    ]
    if len(banjarmasin) < 4:
        return 0, 0
    created = active = 0
    for reason, (original, plan) in zip(
        [DuplicateReason.SAME_NIK_OTHER_LKS, DuplicateReason.CLOSE_MATCH], [banjarmasin[1], banjarmasin[2]], strict=True
    ):
        other_lks = next(
            p.organisation
            for p, other_plan in banjarmasin
            if p.organisation_id != original.organisation_id and other_plan["kind"] == plan["kind"]
        )
        twin = Person(
            organisation=other_lks,
            province_code=other_lks.province_code,
            regency_code=other_lks.regency_code,
            full_name=original.full_name,
            sex=original.sex,
            birth_date=original.birth_date,
            birth_place=original.birth_place,
            mother_name=original.mother_name,
            match_key=original.match_key,
            kk_missing_reason=MissingIdReason.UNKNOWN,
        )
        if reason == DuplicateReason.SAME_NIK_OTHER_LKS and original.nik_hash:
            twin.nik_encrypted, twin.nik_hash, twin.nik_masked = (
                original.nik_encrypted,
                original.nik_hash,
                original.nik_masked,
            )
        else:
            district = (other_lks.district_code or f"{other_lks.regency_code}.01").strip()
            _identity(twin, serials.nik(district=district, birth_date=original.birth_date, sex=original.sex))
        twin.save()
        twin.ppks_categories.set(original.ppks_categories.all())
        admitted_on = timezone.localdate() - datetime.timedelta(days=rng.randint(5, 60))
        ended: dict = {}
        if reason == DuplicateReason.SAME_NIK_OTHER_LKS:
            # Served there before the original's stay began, and gone home since.
            began = original.placements.order_by("admitted_on").first().admitted_on
            left = began - datetime.timedelta(days=rng.randint(10, 60))
            admitted_on = left - datetime.timedelta(days=rng.randint(150, 350))
            if original.birth_date is not None:  # never before birth (a young child was there a shorter time)
                admitted_on = max(admitted_on, original.birth_date + datetime.timedelta(days=1))
                left = max(left, admitted_on + datetime.timedelta(days=1))
            ended = {
                "status": PlacementStatus.DISCHARGED,
                "discharged_on": min(left, began),
                "discharge_reason": DischargeReason.REUNIFIED,
            }
        else:
            active += 1
        Placement.objects.create(
            person=twin,
            organisation=other_lks,
            province_code=other_lks.province_code,
            regency_code=other_lks.regency_code,
            ppks_category=original.ppks_categories.first(),
            setting=_setting(rng, other_lks),
            admitted_on=admitted_on,
            stage=(CaseStage.TERMINATION if ended else CaseStage.REFERRAL) if plan["child"] else "",
            next_review_on=add_months(admitted_on, 6) if plan["child"] and not ended else None,
            **ended,
        )
        Consent.objects.create(
            person=twin,
            given_by=ConsentGiver.GUARDIAN if plan["child"] else ConsentGiver.SELF,
            giver_name=f"{rng.choice(MALE_NAMES)} Wali Contoh" if plan["child"] else twin.full_name,
            given_on=admitted_on,
            legal_basis=LegalBasis.CONSENT,
            scope=CONSENT_SCOPE,
        )
        DuplicateCandidate.objects.create(
            person=twin,
            other=original,
            reason=reason,
            province_code=twin.province_code,
            regency_code=twin.regency_code,
            status=DuplicateStatus.OPEN,
        )
        created += 1
    return created, active
