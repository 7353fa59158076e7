"""After an upgrade, possible duplicates stored before a rule widened are looked for once, by a command: an upgrade
review found a shared NIK of someone discharged, and a close match of non-Latin names, never flagged."""

import datetime
import io

import pytest
from django.core.management import call_command

from sinergi.audit.models import AuditEvent
from sinergi.people.choices import DuplicateReason, DuplicateStatus
from sinergi.people.models import DuplicateCandidate, Person
from sinergi.people.nik import nik_compose

from .factories import PersonFactory, PlacementFactory, people_world

pytestmark = pytest.mark.django_db

BORN = datetime.date(2013, 5, 2)
NIK = nik_compose(district_code="63.71.01", birth_date=BORN, sex="L", serial=7)


def sweep() -> str:
    out = io.StringIO()
    call_command("flag_possible_duplicates", stdout=out)
    return out.getvalue()


def test_pairs_stored_unflagged_are_flagged_once_and_decided_ones_are_left():
    world = people_world()
    # the same NIK, one of them discharged long ago (flagged by nothing before the rule widened)
    served = PersonFactory(organisation=world.lks, nik=NIK, birth_date=BORN)
    PlacementFactory(person=served)
    left = PersonFactory(organisation=world.lks_other_regency, nik=NIK, birth_date=BORN)
    PlacementFactory(person=left, status="discharged", discharged_on=datetime.date(2020, 6, 30))
    # a close match (name, birth date, mother), and a pair the board already decided were two people
    twin_a = PersonFactory(organisation=world.lks, full_name="عبد الله", birth_date=BORN, mother_name="فاطمة")
    twin_b = PersonFactory(
        organisation=world.lks_other_regency, full_name="عبد الله", birth_date=BORN, mother_name="فاطمة"
    )
    decided_a = PersonFactory(organisation=world.lks, full_name="Rina Dua", birth_date=BORN, mother_name="Ani")
    decided_b = PersonFactory(organisation=world.lks, full_name="Rina Dua", birth_date=BORN, mother_name="Ani")
    DuplicateCandidate.objects.all().delete()  # as stored before the upgrade: nothing flagged
    DuplicateCandidate.objects.create(
        person=decided_a, other=decided_b, reason=DuplicateReason.CLOSE_MATCH, status=DuplicateStatus.DISMISSED,
        province_code="63", regency_code="63.71",
    )  # fmt: skip

    assert sweep() == "Kandidat data ganda baru: 2.\n"

    pairs = {
        (frozenset((c.person_id, c.other_id)), c.reason)
        for c in DuplicateCandidate.objects.filter(status=DuplicateStatus.OPEN)
    }
    assert pairs == {
        (frozenset((served.pk, left.pk)), DuplicateReason.SAME_NIK_OTHER_LKS),
        (frozenset((twin_a.pk, twin_b.pk)), DuplicateReason.CLOSE_MATCH),
    }
    assert sweep() == "Kandidat data ganda baru: 0.\n"  # run again: nothing twice


def test_erased_people_are_not_flagged():
    world = people_world()
    PersonFactory(organisation=world.lks, nik=NIK, birth_date=BORN)
    PersonFactory(organisation=world.lks_other_regency, nik=NIK, birth_date=BORN)
    DuplicateCandidate.objects.all().delete()
    Person.objects.filter(organisation=world.lks_other_regency).update(
        erased_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
    )

    assert sweep() == "Kandidat data ganda baru: 0.\n"


def test_pairs_linked_before_links_became_merges_are_opened_again_for_the_board():
    # A review found pairs a board had linked as the same person before the merge existed left as two records,
    # counted twice, with no way to merge them.
    world = people_world()
    one = PersonFactory(organisation=world.lks, full_name="Dewi Tiga", birth_date=BORN, mother_name="Ani")
    other = PersonFactory(organisation=world.lks, full_name="Dewi Tiga", birth_date=BORN, mother_name="Ani")
    DuplicateCandidate.objects.all().delete()
    linked = DuplicateCandidate.objects.create(
        person=one, other=other, reason=DuplicateReason.CLOSE_MATCH, status=DuplicateStatus.LINKED,
        province_code="63", regency_code="63.71",
    )  # fmt: skip

    assert sweep() == (
        "Kandidat data ganda baru: 0.\nDibuka lagi untuk digabungkan: 1 pasangan yang dulu ditautkan sebagai orang "
        "yang sama.\n"
    )

    linked.refresh_from_db()
    assert (linked.status, linked.resolved_by) == (DuplicateStatus.OPEN, None)
    assert AuditEvent.objects.filter(action="people.duplicate.reopened").count() == 1
    assert sweep() == "Kandidat data ganda baru: 0.\n"
