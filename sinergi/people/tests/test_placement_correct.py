"""Correcting what a stay was recorded with by mistake (admission date, main category, form of service, an ended
stay's leaving date and reason): the rules of admission and discharge, the summary counts moved to the right months,
audited — what an import refuses to change and sends the user to the client's page for."""

import datetime

import pytest
from django.urls import reverse

from sinergi.audit.models import AuditEvent
from sinergi.core.errors import ValidationError
from sinergi.people import services
from sinergi.people.models import Placement, PlacementMonthly
from sinergi.people.services import add_months
from sinergi.people.summaries import summaries_rebuild
from sinergi.people.tests.factories import people_world, ppks
from sinergi.people.tests.test_services import admit, person_data, placement_data
from sinergi.people.tests.test_summaries import summary_rows
from sinergi.people.tests.test_views import sign_in

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
RECORDED = TODAY - datetime.timedelta(days=10)
REALLY = TODAY - datetime.timedelta(days=100)


@pytest.fixture
def world():
    return people_world()


@pytest.fixture
def stay(world) -> Placement:
    return admit(world, placement=placement_data(admitted_on=RECORDED)).obj.placements.get()


def correction(placement: Placement, **changes) -> dict:
    data = {
        "ppks_category": placement.ppks_category,
        "setting": placement.setting,
        "admitted_on": placement.admitted_on,
        "discharged_on": placement.discharged_on,
        "discharge_reason": placement.discharge_reason,
    }
    return data | changes


def admissions_in(day: datetime.date) -> int:
    rows = PlacementMonthly.objects.filter(area_code="63.71", month=day.replace(day=1))
    return sum(rows.values_list("admissions", flat=True))


def assert_summaries_are_a_rebuild():
    incremental = summary_rows()
    summaries_rebuild()
    assert summary_rows() == incremental


def test_a_corrected_admission_date_moves_the_admission_to_its_month(world, stay):
    services.placement_correct(actor=world.operator, placement=stay, data=correction(stay, admitted_on=REALLY))

    stay.refresh_from_db()
    assert stay.admitted_on == REALLY
    if REALLY.replace(day=1) != RECORDED.replace(day=1):
        assert admissions_in(RECORDED) == 0
    assert admissions_in(REALLY) == 1
    assert_summaries_are_a_rebuild()
    event = AuditEvent.objects.get(action="people.placement.corrected")
    assert event.changes == {"admitted_on": [RECORDED.isoformat(), REALLY.isoformat()]}


def test_a_corrected_category_and_setting_move_the_active_count(world, stay):
    services.placement_correct(
        actor=world.operator,
        placement=stay,
        data=correction(stay, ppks_category=ppks("anak_jalanan"), setting="community"),
    )

    assert_summaries_are_a_rebuild()
    active = {(r[3], r[4]): r[5] for r in summary_rows()["active"] if r[1] == "63.71"}
    assert active == {("anak_jalanan", "community"): 1}
    # the category the child is served under is among their categories, as on admission
    assert ppks("anak_jalanan") in stay.person.ppks_categories.all()


def test_an_ended_stays_leaving_date_and_reason_are_corrected(world, stay):
    services.placement_discharge(actor=world.operator, placement=stay, discharged_on=TODAY, reason="reunified")
    stay.refresh_from_db()
    earlier = RECORDED + datetime.timedelta(days=2)

    services.placement_correct(
        actor=world.operator,
        placement=stay,
        data=correction(stay, discharged_on=earlier, discharge_reason="foster"),
    )

    stay.refresh_from_db()
    assert (stay.discharged_on, stay.discharge_reason, stay.status) == (earlier, "foster", "discharged")
    assert_summaries_are_a_rebuild()


def test_nothing_changed_writes_nothing(world, stay):
    before = AuditEvent.objects.count()
    services.placement_correct(actor=world.operator, placement=stay, data=correction(stay))
    assert AuditEvent.objects.count() == before


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"admitted_on": TODAY + datetime.timedelta(days=1)}, "admitted_on", "Tanggal tidak boleh di masa depan."),
        (
            {"admitted_on": datetime.date(1990, 1, 1)},
            "admitted_on",
            "Tanggal masuk tidak mungkin sebelum tanggal lahir.",
        ),
        ({"ppks_category": "lansia_telantar"}, "ppks_category", "tidak melayani kategori"),
    ],
)
def test_a_correction_breaking_the_admission_rules_is_refused(world, stay, changes, field, message):
    if changes.get("ppks_category"):
        changes = {"ppks_category": ppks(changes["ppks_category"])}
    before = summary_rows()
    with pytest.raises(ValidationError) as refused:
        services.placement_correct(actor=world.operator, placement=stay, data=correction(stay, **changes))
    assert any(message in text for text in refused.value.message_dict[field])
    assert summary_rows() == before
    assert Placement.objects.get(pk=stay.pk).admitted_on == RECORDED


def test_a_leaving_date_before_the_admission_is_refused(world, stay):
    services.placement_discharge(actor=world.operator, placement=stay, discharged_on=TODAY, reason="reunified")
    stay.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.placement_correct(
            actor=world.operator, placement=stay, data=correction(stay, discharged_on=RECORDED - datetime.timedelta(1))
        )
    assert refused.value.message_dict["discharged_on"] == ["Tanggal keluar tidak mungkin sebelum tanggal masuk."]


def test_the_two_ends_of_a_transfer_stay_as_they_are(world, stay):
    moved = services.placement_transfer(
        actor=world.operator, placement=stay, to_organisation=world.lks_other_regency, on=TODAY
    )
    stay.refresh_from_db()

    with pytest.raises(ValidationError) as ended:
        services.placement_correct(
            actor=world.operator,
            placement=stay,
            data=correction(stay, discharged_on=RECORDED, discharge_reason="other"),
        )
    with pytest.raises(ValidationError) as began:
        services.placement_correct(
            actor=world.far_operator, placement=moved, data=correction(moved, admitted_on=RECORDED)
        )

    assert "dirujuk ke LKS lain" in ended.value.message_dict["discharged_on"][0]
    assert "dimulai dengan rujukan" in began.value.message_dict["admitted_on"][0]


def test_a_referral_is_not_recorded_as_a_correction(world, stay):
    services.placement_discharge(actor=world.operator, placement=stay, discharged_on=TODAY, reason="reunified")
    stay.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.placement_correct(
            actor=world.operator, placement=stay, data=correction(stay, discharge_reason="transferred")
        )
    assert "Rujukan" in refused.value.message_dict["discharge_reason"][0]


def test_the_page_corrects_the_stay_and_the_detail_page_links_to_it(client, world, stay):
    sign_in(client, world.operator)
    url = reverse("people:placement_correct", args=[stay.pk])
    detail = client.get(reverse("people:detail", args=[stay.person_id])).content.decode()
    assert url in detail

    page = client.get(url)
    assert page.status_code == 200
    assert 'name="discharged_on"' not in page.content.decode()  # an active stay has no leaving date to correct
    response = client.post(
        url,
        {"ppks_category": stay.ppks_category_id, "setting": "residential", "admitted_on": REALLY.isoformat()},
    )

    assert response.status_code == 302
    assert Placement.objects.get(pk=stay.pk).admitted_on == REALLY


def test_the_page_shows_a_refusal_on_its_field(client, world, stay):
    sign_in(client, world.operator)
    response = client.post(
        reverse("people:placement_correct", args=[stay.pk]),
        {"ppks_category": stay.ppks_category_id, "setting": "residential", "admitted_on": "1990-01-01"},
    )
    assert response.status_code == 400
    assert "Tanggal masuk tidak mungkin sebelum tanggal lahir." in response.content.decode()
    assert Placement.objects.get(pk=stay.pk).admitted_on == RECORDED


def test_another_lks_cannot_open_the_page(client, world, stay):
    sign_in(client, world.other_operator)
    assert client.get(reverse("people:placement_correct", args=[stay.pk])).status_code == 404


def test_an_admission_date_that_makes_the_client_a_child_opens_the_childs_case(world):
    born = TODAY.replace(year=TODAY.year - 18) - datetime.timedelta(days=30)
    adult = admit(
        world,
        person=person_data(birth_date=born, nik="", nik_missing_reason="not_yet_recorded"),
        placement=placement_data(admitted_on=RECORDED, ppks_category=ppks("anak_telantar")),
    ).obj.placements.get()
    assert adult.stage == ""

    services.placement_correct(
        actor=world.operator, placement=adult, data=correction(adult, admitted_on=TODAY - datetime.timedelta(days=60))
    )

    adult.refresh_from_db()
    assert adult.stage == "rujukan"
    assert adult.next_review_on == add_months(TODAY - datetime.timedelta(days=60), 6)
    event = AuditEvent.objects.get(action="people.placement.corrected")
    assert event.changes["stage"] == ["", "rujukan"]
