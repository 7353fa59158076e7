"""Referral pages: lists, the create flow from a person's page with the capacity search, summary-only detail for
the receiver before acceptance, the answer buttons, and the intake page."""

import datetime

import pytest

from sinergi.core.testing import otp_login
from sinergi.notifications.models import Notification
from sinergi.people.choices import ConsentGiver, PlacementStatus
from sinergi.people.models import PersonAccess, Placement
from sinergi.referrals.choices import ReferralStatus
from sinergi.referrals.models import Intake, Referral
from sinergi.referrals.tests.factories import ReferralFactory, referral_world
from sinergi.regions.models import Region

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def world():
    return referral_world()


@pytest.fixture
def referral(world):
    return ReferralFactory(
        from_placement=world.child,
        to_organisation=world.people.lks_same_regency,
        sent_by=world.people.operator,
        share_identity=True,
    )


def form_data(world, **changes) -> dict:
    data = {
        "from_organisation": world.people.lks.pk,
        "ppks_category": world.child.ppks_category.pk,
        "target": "lks",
        "to_organisation": world.people.lks_same_regency.pk,
        "reason": "Perlu pengasuhan di LKSA yang lebih dekat dengan sekolah",
        "urgency": "normal",
        "consent_given_by": ConsentGiver.PARENT,
        "consent_giver_name": "Siti Ibu Contoh",
        "consent_given_on": TODAY.isoformat(),
        "share": ["identity", "ppks", "case_summary"],
        "case_summary": "Anak kelas 4 SD.",
    }
    return data | changes


def test_pages_require_login_and_a_person_level_role(client, world):
    assert client.get("/referrals/").status_code == 302
    client.force_login(world.people.dinsos_viewer)
    assert client.get("/referrals/").status_code == 403
    client.force_login(world.people.outsider)
    assert client.get("/referrals/").status_code == 403


def test_person_page_shows_the_referral_panel_with_a_refer_button(client, world):
    client.force_login(world.people.operator)
    session = client.session
    session["people_access_purpose"] = "service"
    session.save()
    page = client.get(f"/people/{world.child.person_id}/").content.decode()
    assert 'id="referrals"' in page
    assert f'href="/referrals/new/{world.child.person_id}/"' in page


def test_create_page_lists_lks_with_free_places(client, world):
    client.force_login(world.people.operator)
    page = client.get(f"/referrals/new/{world.child.person_id}/").content.decode()
    assert "LKSA Tetangga Contoh" in page
    assert "LKSA Banjarbaru Contoh" in page
    assert "Panti Werdha Contoh" not in page  # an elderly home does not take children
    assert f'value="{world.people.lks.pk}" id="to-org' not in page  # not its own LKS
    assert PersonAccess.objects.filter(person=world.child.person, what="referral_form").count() == 1


def test_other_lks_cannot_open_the_create_page(client, world):
    client.force_login(world.people.other_operator)
    assert client.get(f"/referrals/new/{world.child.person_id}/").status_code == 404


def test_sending_from_the_page(client, world):
    client.force_login(world.people.operator)
    response = client.post(f"/referrals/new/{world.child.person_id}/", form_data(world))
    referral = Referral.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/referrals/{referral.pk}/"
    assert referral.to_organisation == world.people.lks_same_regency
    assert Notification.objects.filter(kind="referrals.received", recipient=world.people.other_operator).exists()


def test_bad_input_is_explained_and_nothing_is_sent(client, world):
    client.force_login(world.people.operator)
    data = form_data(world, reason="", consent_given_by="", consent_giver_name="", consent_given_on="")
    data.pop("to_organisation")
    response = client.post(f"/referrals/new/{world.child.person_id}/", data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Rujukan belum terkirim" in page
    assert "Pilih LKS tujuan dari hasil pencarian." in page
    assert Referral.objects.count() == 0


def test_service_refusal_is_shown_on_the_form(client, world):
    client.force_login(world.people.operator)
    data = form_data(world, consent_given_by="", consent_giver_name="", consent_given_on="")
    response = client.post(f"/referrals/new/{world.child.person_id}/", data)
    assert response.status_code == 400
    assert "kepentingan vital" in response.content.decode()
    assert Referral.objects.count() == 0


def test_receiver_sees_only_the_summary_before_accepting(client, world, referral):
    person = referral.person
    client.force_login(world.people.other_operator)
    for url in ("/referrals/?box=inbox", f"/referrals/{referral.pk}/"):
        page = client.get(url).content.decode()
        assert person.full_name not in page
        assert person.nik_masked not in page
        assert "Ringkasan kasus contoh" not in page
    detail = client.get(f"/referrals/{referral.pk}/").content.decode()
    assert "Anak Telantar" in detail
    origin = Region.objects.get(code="63.71").name
    assert f"Kabupaten/kota asal</dt><dd>{origin}</dd>" in detail
    assert "Terima rujukan" in detail
    assert not PersonAccess.objects.filter(person=person, what="referral_viewed").exists()


def test_sender_sees_everything_and_the_view_is_logged(client, world, referral):
    client.force_login(world.people.operator)
    page = client.get(f"/referrals/{referral.pk}/").content.decode()
    assert referral.person.full_name in page
    assert referral.person.nik_masked in page
    assert "Ringkasan kasus contoh" in page
    assert "Batalkan rujukan" in page
    assert "Terima rujukan" not in page
    access = PersonAccess.objects.get(person=referral.person, what="referral_viewed")
    assert access.purpose == "case_review"


def test_accepting_from_the_page_moves_the_placement_and_reveals_the_shared_data(client, world, referral):
    client.force_login(world.people.other_operator)
    response = client.post(f"/referrals/{referral.pk}/accept/")
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    assert Placement.objects.get(pk=world.child.pk).status == PlacementStatus.DISCHARGED
    assert referral.new_placement.organisation == world.people.lks_same_regency
    page = client.get(f"/referrals/{referral.pk}/").content.decode()
    assert referral.person.full_name in page
    assert "Nyatakan selesai" in page


def test_decline_without_reason_is_refused_on_the_page(client, world, referral):
    client.force_login(world.people.other_operator)
    response = client.post(f"/referrals/{referral.pk}/decline/", {"reason": ""})
    assert response.status_code == 400
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT
    client.post(f"/referrals/{referral.pk}/decline/", {"reason": "Tidak ada tempat untuk anak laki-laki"})
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DECLINED


def test_sender_cannot_accept_and_gets_a_message(client, world, referral):
    client.force_login(world.people.operator)
    response = client.post(f"/referrals/{referral.pk}/accept/", follow=True)
    assert "Hanya LKS tujuan yang dapat menerima rujukan ini." in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT


def test_outsider_gets_404_for_a_referral_out_of_scope(client, world, referral):
    client.force_login(world.people.far_operator)
    assert client.get(f"/referrals/{referral.pk}/").status_code == 404
    assert client.post(f"/referrals/{referral.pk}/accept/").status_code == 404


def test_board_member_lists_referrals_of_its_kabupaten(client, world, referral):
    client.force_login(world.people.regency_board)
    page = client.get("/referrals/?box=inbox").content.decode()
    assert f"#{referral.pk}" in page
    client.force_login(world.people.other_board)
    assert f"#{referral.pk}" not in client.get("/referrals/?box=inbox").content.decode()


def test_province_admin_needs_the_second_factor(client, world, referral):
    otp_login(client, world.people.province_admin)
    assert client.get("/referrals/").status_code == 200


def test_capacity_page_and_htmx_partial(client, world):
    client.force_login(world.people.operator)
    page = client.get("/referrals/capacity/", {"ppks": "anak_telantar", "age": "10", "sex": "L"})
    assert page.status_code == 200
    assert "LKSA Tetangga Contoh" in page.content.decode()
    partial = client.get(
        "/referrals/capacity/",
        {"ppks_category": str(world.child.ppks_category.pk), "from_organisation": world.people.lks.pk, "select": "1"},
        headers={"HX-Request": "true"},
    )
    body = partial.content.decode()
    assert "<html" not in body
    assert 'name="to_organisation"' in body
    assert "LKSA Harapan Contoh" not in body  # the sender itself
    bad = client.get("/referrals/capacity/", {"ppks": "tidak_ada"}, headers={"HX-Request": "true"})
    assert "Kategori PPKS tidak dikenal." in bad.content.decode()


def test_intake_page(client, world):
    client.force_login(world.people.operator)
    assert client.get("/referrals/intake/").status_code == 200
    response = client.post(
        "/referrals/intake/", {"organisation": world.people.lks.pk, "sex": "P", "min_age": "10", "max_age": "5"}
    )
    assert response.status_code == 400
    assert Intake.objects.count() == 0
    client.post("/referrals/intake/", {"organisation": world.people.lks.pk, "sex": "P", "min_age": "", "max_age": "17"})
    assert Intake.objects.get().max_age == 17
    client.force_login(world.people.regency_board)
    assert client.get("/referrals/intake/").status_code == 403


@pytest.mark.parametrize("value", ["²", "99999999999999999999999", "7x"])
def test_an_address_naming_its_lks_or_category_by_a_value_that_is_no_id_is_not_an_error(client, world, value):
    # "²" passes str.isdigit() and int() refuses it; a 23-digit id the database refuses: both were error pages
    client.force_login(world.people.operator)

    assert client.get("/referrals/intake/", {"organisation": value}).status_code == 404
    assert client.get("/referrals/capacity/", {"ppks_category": value}).status_code == 200
    assert client.get("/referrals/", {"person": value}).status_code == 200


def test_the_lks_board_sets_its_intake_from_the_lks_page_and_a_viewer_cannot(client, world):
    lks = world.people.lks
    client.force_login(world.people.regency_board)
    lks_page = client.get(f"/organisations/{lks.pk}/").content.decode()
    assert f'href="/referrals/intake/?organisation={lks.pk}"' in lks_page

    response = client.post("/referrals/intake/", {"organisation": lks.pk, "sex": "L", "min_age": "6", "max_age": ""})

    assert response.status_code == 302 and response["Location"] == f"/referrals/intake/?organisation={lks.pk}"
    assert (Intake.objects.get(organisation=lks).sex, Intake.objects.get(organisation=lks).min_age) == ("L", 6)
    client.force_login(world.people.dinsos_viewer)
    assert client.get(f"/referrals/intake/?organisation={lks.pk}").status_code == 404
    assert client.get("/referrals/intake/?organisation=x").status_code == 404  # an edited address, not a crash


def test_board_member_refers_to_a_service_from_the_page(client, world):
    client.force_login(world.people.regency_board)
    page = client.get(f"/referrals/new/{world.child.person_id}/").content.decode()
    # Only a service: a referral to an LKS moves the stay, which only the LKS serving the child may ask for
    assert 'name="target" value="service" required id="id_target_0" checked' in page
    assert 'name="target" value="lks"' not in page
    data = form_data(
        world,
        from_organisation=world.board_bjm.pk,
        target="service",
        to_service="health",
        to_service_provider="RSUD Ulin Banjarmasin",
    )
    response = client.post(f"/referrals/new/{world.child.person_id}/", data)
    referral = Referral.objects.get()
    assert response.status_code == 302
    assert (referral.from_organisation, referral.to_organisation, referral.to_service) == (
        world.board_bjm,
        None,
        "health",
    )
