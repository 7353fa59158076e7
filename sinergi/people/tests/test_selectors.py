import datetime

import pytest
from django.http import Http404

from sinergi.core.errors import PermissionDenied
from sinergi.people import selectors
from sinergi.people.filters import REVIEW_SOON_DAYS
from sinergi.people.models import DuplicateCandidate, Incident, PersonAccess, Placement

from .factories import PlacementFactory, WorkerFactory, people_world, ppks, psks

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def world():
    world = people_world()
    # one client per LKS: A at the own LKS, B at the neighbour in Banjarmasin, C in Banjarbaru
    world.a = PlacementFactory(person__organisation=world.lks, person__full_name="Anak Alfa Contoh").person
    world.b = PlacementFactory(person__organisation=world.lks_same_regency, person__full_name="Anak Beta Contoh").person
    world.c = PlacementFactory(
        person__organisation=world.lks_other_regency, person__full_name="Anak Gama Contoh"
    ).person
    return world


def names(queryset) -> list[str]:
    return sorted(p.full_name.split()[1] for p in queryset)


SCOPE = [
    ("operator", ["Alfa"]),
    ("other_operator", ["Beta"]),
    ("far_operator", ["Gama"]),
    ("regency_board", ["Alfa", "Beta"]),
    ("other_board", ["Gama"]),
    ("province_admin", ["Alfa", "Beta", "Gama"]),
    ("dinsos_viewer", []),
    ("dinsos_province", []),
    ("outsider", []),
]


@pytest.mark.parametrize(("who", "expected"), SCOPE)
def test_person_list_per_scope(world, who, expected):
    assert names(selectors.person_list(actor=getattr(world, who)).qs) == expected


@pytest.mark.parametrize(("who", "expected"), SCOPE)
def test_placement_list_per_scope(world, who, expected):
    assert (
        sorted(p.person.full_name.split()[1] for p in selectors.placement_list(actor=getattr(world, who))) == expected
    )


@pytest.mark.parametrize(("who", "visible"), [(who, "Alfa" in expected) for who, expected in SCOPE])
def test_person_get_is_404_outside_scope(world, who, visible):
    actor = getattr(world, who)
    if visible:
        assert selectors.person_get(actor=actor, pk=world.a.pk) == world.a
    else:
        with pytest.raises(Http404):
            selectors.person_get(actor=actor, pk=world.a.pk)


def test_person_get_with_another_action_follows_that_actions_roles(world):
    # the regency board may view but not change: asking for PERSON_CHANGE is a 404 for it
    with pytest.raises(Http404):
        selectors.person_get(actor=world.regency_board, pk=world.a.pk, action="people.change")
    assert selectors.person_get(actor=world.operator, pk=world.a.pk, action="people.change") == world.a


def test_restricted_and_erased_people_are_hidden_except_restricted_from_the_province_admin(world):
    world.a.is_restricted = True
    world.a.save()
    world.b.erased_at = world.b.created_at
    world.b.save()
    assert names(selectors.person_list(actor=world.operator).qs) == []
    assert names(selectors.person_list(actor=world.regency_board).qs) == []
    assert names(selectors.person_list(actor=world.province_admin).qs) == ["Alfa", "Gama"]
    assert selectors.placement_list(actor=world.regency_board).count() == 0
    assert selectors.placement_list(actor=world.province_admin).count() == 2
    with pytest.raises(Http404):
        selectors.person_get(actor=world.operator, pk=world.a.pk)
    with pytest.raises(Http404):
        selectors.person_get(actor=world.province_admin, pk=world.b.pk)


def test_the_full_nik_is_shown_only_to_the_own_lks_operator_and_logged(world):
    # when the operator of the person's LKS asks to see the NIK
    nik = selectors.person_full_nik(actor=world.operator, person=world.a)
    # then the full number is returned and the access logged
    assert len(nik) == 16 and nik.isdigit()
    assert nik[:4] + "********" + nik[-4:] == world.a.nik_masked
    access = PersonAccess.objects.get()
    assert (access.person, access.what, access.purpose, access.actor) == (
        world.a,
        "viewed_full_nik",
        "service",
        world.operator,
    )


@pytest.mark.parametrize(
    "who", ["other_operator", "regency_board", "province_admin", "dinsos_viewer", "dinsos_province", "outsider"]
)
def test_everyone_else_is_refused_the_full_nik_and_nothing_is_logged(world, who):
    with pytest.raises(PermissionDenied):
        selectors.person_full_nik(actor=getattr(world, who), person=world.a)
    assert PersonAccess.objects.count() == 0


def test_the_full_nik_of_a_restricted_person_is_refused(world):
    world.a.is_restricted = True
    world.a.save()
    with pytest.raises(PermissionDenied):
        selectors.person_full_nik(actor=world.operator, person=world.a)


def test_reviews_due_lists_overdue_and_soon_due_most_urgent_first(world):
    overdue = PlacementFactory(person__organisation=world.lks, next_review_on=TODAY - datetime.timedelta(days=3))
    soon = PlacementFactory(person__organisation=world.lks, next_review_on=TODAY + datetime.timedelta(days=10))
    PlacementFactory(person__organisation=world.lks, next_review_on=TODAY + datetime.timedelta(days=40))
    PlacementFactory(person__organisation=world.lks, next_review_on=TODAY, status="discharged")
    PlacementFactory(person__organisation=world.lks_same_regency, next_review_on=TODAY)
    assert list(selectors.reviews_due(actor=world.operator)) == [overdue, soon]
    assert list(selectors.reviews_due(actor=world.operator, within_days=0)) == [overdue]
    assert selectors.reviews_due(actor=world.regency_board).count() == 3
    assert selectors.reviews_due(actor=world.dinsos_viewer).count() == 0


def test_placement_list_filters(world):
    discharged = PlacementFactory(person=world.a, status="discharged", setting="community")
    operator = world.operator
    assert list(selectors.placement_list(actor=operator, filters={"status": "discharged"})) == [discharged]
    assert list(selectors.placement_list(actor=operator, filters={"setting": "community"})) == [discharged]
    assert selectors.placement_list(actor=operator, filters={"person": world.a.pk}).count() == 2
    assert selectors.placement_list(actor=operator, filters={"ppks_category": "lansia_telantar"}).count() == 0


@pytest.fixture
def candidate(world):
    return DuplicateCandidate.objects.create(
        person=world.a, other=world.c, reason="same_nik", province_code="63", regency_code="63.71"
    )


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("regency_board", True),
        ("province_admin", True),
        ("other_board", False),
        ("operator", False),
        ("far_operator", False),
        ("dinsos_viewer", False),
        ("outsider", False),
    ],
)
def test_duplicate_candidates_belong_to_the_board_of_the_triggering_record(world, candidate, who, sees):
    assert list(selectors.duplicate_candidates(actor=getattr(world, who))) == ([candidate] if sees else [])


def test_duplicate_candidates_by_status(world, candidate):
    assert list(selectors.duplicate_candidates(actor=world.regency_board, status="linked")) == []
    assert list(selectors.duplicate_candidates(actor=world.regency_board, status=None)) == [candidate]


def test_the_duplicate_summary_shows_both_records_masked_and_logs_both(world, candidate):
    summary = selectors.duplicate_summary_for(actor=world.regency_board, candidate=candidate)
    assert summary["reason"] == "NIK sama dengan data orang lain"
    assert (summary["person"]["full_name"], summary["other"]["full_name"]) == ("Anak Alfa Contoh", "Anak Gama Contoh")
    assert summary["other"]["lks"] == "LKSA Banjarbaru Contoh"
    assert summary["person"]["nik_masked"] == world.a.nik_masked
    assert "*" in summary["other"]["nik_masked"]
    assert summary["person"]["active"] is True
    assert sorted((a.person_id, a.what, a.purpose) for a in PersonAccess.objects.all()) == sorted(
        [(world.a.pk, "viewed_duplicate", "duplicate"), (world.c.pk, "viewed_duplicate", "duplicate")]
    )


@pytest.mark.parametrize("who", ["operator", "other_board", "dinsos_viewer", "outsider"])
def test_the_duplicate_summary_is_refused_outside_the_board(world, candidate, who):
    with pytest.raises(PermissionDenied):
        selectors.duplicate_summary_for(actor=getattr(world, who), candidate=candidate)
    assert PersonAccess.objects.count() == 0


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("operator", True),
        ("regency_board", True),
        ("province_admin", True),
        ("dinsos_viewer", True),
        ("dinsos_province", True),
        ("other_operator", False),
        ("dinsos_other", False),
        ("other_board", False),
        ("outsider", False),
    ],
)
def test_incident_list_per_scope(world, who, sees):
    incident = Incident.objects.create(
        person=world.a,
        organisation=world.lks,
        province_code="63",
        regency_code="63.71",
        kind="neglect",
        description="Uraian.",
    )
    assert list(selectors.incident_list(actor=getattr(world, who))) == ([incident] if sees else [])


@pytest.mark.parametrize(("who", "expected"), SCOPE)
def test_worker_list_per_scope(world, who, expected):
    WorkerFactory(organisation=world.lks, full_name="Pengasuh Alfa")
    WorkerFactory(organisation=world.lks_same_regency, full_name="Pengasuh Beta")
    WorkerFactory(organisation=world.lks_other_regency, full_name="Pengasuh Gama")
    assert names(selectors.worker_list(actor=getattr(world, who)).qs) == expected


def test_worker_filters(world):
    WorkerFactory(organisation=world.lks, full_name="Pengasuh Alfa", works_with_children=True)
    WorkerFactory(organisation=world.lks, full_name="Relawan Beta", role="relawan", psks_category=psks("psm"))
    WorkerFactory(organisation=world.lks, full_name="Mantan Gama", ended_on=TODAY - datetime.timedelta(days=1))
    actor = world.operator
    assert names(selectors.worker_list(actor=actor, filters={"q": "relawan"}).qs) == ["Beta"]
    assert names(selectors.worker_list(actor=actor, filters={"role": "relawan"}).qs) == ["Beta"]
    assert names(selectors.worker_list(actor=actor, filters={"psks_category": "psm"}).qs) == ["Beta"]
    assert names(selectors.worker_list(actor=actor, filters={"active": "true"}).qs) == ["Alfa", "Beta"]
    assert names(selectors.worker_list(actor=actor, filters={"active": "false"}).qs) == ["Gama"]
    assert names(selectors.worker_list(actor=actor, filters={"works_with_children": "true"}).qs) == ["Alfa"]
    assert selectors.worker_get(actor=actor, pk=selectors.worker_list(actor=actor).qs.first().pk)


def test_person_filters(world):
    toddler = PlacementFactory(
        person__organisation=world.lks,
        person__full_name="Balita Delta Contoh",
        person__birth_date=TODAY.replace(day=1) - datetime.timedelta(days=400),
        person__sex="P",
        person__ppks_categories=[ppks("anak_balita_telantar")],
        ppks_category=ppks("anak_balita_telantar"),
        setting="community",
        stage="asesmen",
    ).person
    adult = PlacementFactory(
        person__organisation=world.lks,
        person__full_name="Dewasa Eko Contoh",
        person__birth_date=datetime.date(1970, 1, 1),
        status="discharged",
    ).person
    actor = world.province_admin

    def found(**filters):
        return sorted(p.pk for p in selectors.person_list(actor=actor, filters=filters).qs)

    assert found(q="delta contoh") == [toddler.pk]
    assert found(ppks_category="anak_balita_telantar") == [toddler.pk]
    assert found(status="discharged") == [adult.pk]
    assert len(found(status="active")) == 4
    assert found(setting="community") == [toddler.pk]
    assert found(stage="asesmen") == [toddler.pk]
    assert found(age_group="adult") == [adult.pk]
    assert found(sex="P") == [toddler.pk]
    assert found(region="63.72") == [world.c.pk]
    assert found(region="63.72.02") == []  # people are located by kabupaten/kota only
    assert found(organisation=world.lks_same_regency.pk) == [world.b.pk]


def test_person_list_needs_a_bounded_number_of_queries(world, django_assert_max_num_queries):
    for _ in range(5):
        PlacementFactory(person__organisation=world.lks)
    with django_assert_max_num_queries(4):
        people = list(selectors.person_list(actor=world.operator).qs)
        labels = [(p.organisation.name, [t.code for t in p.ppks_categories.all()]) for p in people]
    assert len(labels) == 6


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("operator", True),
        ("regency_board", True),
        ("province_admin", True),
        ("other_operator", False),
        ("dinsos_viewer", False),
        ("outsider", False),
    ],
)
def test_a_persons_access_history_is_shown_to_those_who_may_see_the_person(world, who, sees):
    PersonAccess.objects.create(person=world.a, actor_name="operator.harapan", what="viewed", purpose="service")
    assert selectors.person_accesses(actor=getattr(world, who), person=world.a).count() == (1 if sees else 0)


def test_an_lks_profile_says_whom_the_lks_serves_now_and_with_whom_in_counts():
    # Given an LKSA of capacity 40 with two children in care (one of them a street child), one who has left, a
    # caregiver and a volunteer serving and a caregiver who has stopped
    from sinergi.accounts.tests.factories import UserFactory
    from sinergi.organisations.reports import lks_profile
    from sinergi.organisations.tests.factories import OrganisationFactory
    from sinergi.people.choices import WorkerRole

    from .factories import PersonFactory

    lks = OrganisationFactory(name="LKSA Hitung", capacity=40)
    for category in ("anak_telantar", "anak_jalanan"):
        PlacementFactory(person=PersonFactory(organisation=lks), ppks_category=ppks(category))
    PlacementFactory(
        person=PersonFactory(organisation=lks), status="discharged", discharged_on=datetime.date(2024, 5, 1)
    )
    WorkerFactory(organisation=lks, role=WorkerRole.CAREGIVER)
    WorkerFactory(organisation=lks, role=WorkerRole.VOLUNTEER)
    WorkerFactory(organisation=lks, role=WorkerRole.CAREGIVER, ended_on=datetime.date(2024, 1, 1))
    admin = UserFactory(is_superuser=True)

    # When its profile is made
    profile = lks_profile(actor=admin, pk=lks.pk)

    # Then, after its identity, a section gives the counts (no names)
    title, facts = profile["sections"][1]
    assert title.startswith("Layanan saat ini (")
    assert dict(facts) == {
        "Penerima layanan aktif": "2 (Anak Jalanan 1, Anak Telantar 1)",
        "Kapasitas terisi": "2 dari 40 (5%)",
        "Pekerja yang bertugas": "2 (Pengasuh 1, Relawan 1)",
    }


def test_an_lks_profiles_services_section_is_dated_in_the_readers_language():
    from django.utils import timezone, translation

    from sinergi.accounts.tests.factories import UserFactory
    from sinergi.organisations.reports import lks_profile
    from sinergi.organisations.tests.factories import OrganisationFactory

    lks = OrganisationFactory(name="LKSA Bertanggal", capacity=10)
    admin = UserFactory(is_superuser=True)
    today = timezone.localdate()

    with translation.override("en"):
        english, _facts = lks_profile(actor=admin, pk=lks.pk)["sections"][1]
    indonesian, _facts = lks_profile(actor=admin, pk=lks.pk)["sections"][1]

    assert english == f"Services now ({today:%Y-%m-%d})"
    assert indonesian == f"Layanan saat ini ({today:%d-%m-%Y})"


def test_an_lks_profile_groups_thousands_and_says_when_care_is_over_capacity():
    from sinergi.accounts.tests.factories import UserFactory
    from sinergi.organisations.reports import lks_profile
    from sinergi.organisations.tests.factories import OrganisationFactory

    from .factories import PersonFactory

    admin = UserFactory(is_superuser=True)
    large = OrganisationFactory(name="LKSA Besar", capacity=1500)
    PlacementFactory(person=PersonFactory(organisation=large))
    small = OrganisationFactory(name="LKSA Penuh", capacity=1)
    for _ in range(2):
        PlacementFactory(person=PersonFactory(organisation=small))

    assert dict(lks_profile(actor=admin, pk=large.pk)["sections"][1][1])["Kapasitas terisi"] == "1 dari 1.500 (0%)"
    assert dict(lks_profile(actor=admin, pk=small.pk)["sections"][1][1])["Kapasitas terisi"] == (
        "2 dari 1 (200%), melebihi kapasitas"
    )
    # A percentage past a thousand is grouped as the counts beside it (the journey review saw "3.028 dari 50 (6056%)")
    for _ in range(9):
        PlacementFactory(person=PersonFactory(organisation=small))
    assert dict(lks_profile(actor=admin, pk=small.pk)["sections"][1][1])["Kapasitas terisi"] == (
        "11 dari 1 (1.100%), melebihi kapasitas"
    )


@pytest.mark.parametrize(
    ("stage", "next_stage"),
    [("rujukan", "asesmen"), ("perencanaan", "pelaksanaan"), ("pelaksanaan", None), ("terminasi", None), ("", None)],
)
def test_a_case_is_advanced_by_hand_through_the_working_stages_only(stage, next_stage):
    assert selectors.placement_next_stage(Placement(stage=stage)) == next_stage


@pytest.mark.parametrize(
    ("review_on", "window"),
    [
        (datetime.date(2026, 12, 6), (True, False)),
        (datetime.date(2026, 12, 7), (False, True)),
        (datetime.date(2026, 12, 7) + datetime.timedelta(days=REVIEW_SOON_DAYS), (False, True)),
        (datetime.date(2026, 12, 8) + datetime.timedelta(days=REVIEW_SOON_DAYS), (False, False)),
        (None, (False, False)),
    ],
)
def test_a_care_plan_review_is_overdue_or_soon_as_the_reviews_due_page_counts_it(review_on, window):
    placement = Placement(next_review_on=review_on)

    assert selectors.placement_review_window(placement, today=datetime.date(2026, 12, 7)) == window
