"""Loading the demo's clients and workers (load_demo_people) and whether it was done (demo_people_loaded); the
past care-plan reviews of the children loaded."""

import datetime
import random
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from sinergi.accounts.models import Role, User
from sinergi.organisations.choices import LKS_KINDS, OrganisationStatus
from sinergi.organisations.models import Organisation
from sinergi.people.choices import CaseStage, ConsentGiver, LegalBasis, MissingIdReason, PlacementStatus, Sex
from sinergi.people.models import CarePlanReview, Consent, Person, Placement, Worker
from sinergi.people.services import add_months, person_match_key
from sinergi.vocabularies.models import Term, Vocabulary

from .details import _birth_date, _identity, _kind, _name, _Serials, _setting
from .duplicates import _duplicates
from .profiles import (
    CONSENT_SCOPE,
    DISABILITY_TYPES,
    DISCHARGE_REASONS,
    FEMALE_NAMES,
    KIND_PROFILES,
    MALE_NAMES,
    PILLAR_BY_KIND,
    PROVINCE,
)
from .workers import _workers


def demo_people_loaded() -> bool:
    return Person.objects.filter(full_name__endswith=" Contoh").exists()


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
        # Admitted within the last five years, and old enough for the category then: a demo row that the
        # category's age rule warns about would greet an operator re-importing the demo's export.
        youngest = (ppks[plan["code"]].attributes or {}).get("min_age") or 0
        earliest = max(add_months(person.birth_date, 12 * youngest), today - datetime.timedelta(days=5 * 365))
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
