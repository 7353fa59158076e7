"""The demo's two open duplicate candidates in Kota Banjarmasin, for the board to judge."""

import datetime
import random

from django.utils import timezone

from sinergi.people.choices import (
    CaseStage,
    ConsentGiver,
    DischargeReason,
    DuplicateReason,
    DuplicateStatus,
    LegalBasis,
    MissingIdReason,
    PlacementStatus,
)
from sinergi.people.models import Consent, DuplicateCandidate, Person, Placement
from sinergi.people.services import add_months

from .details import _identity, _Serials, _setting
from .profiles import CONSENT_SCOPE, MALE_NAMES


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
