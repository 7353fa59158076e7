"""The referral journey of issue 5 in a real Chromium: an LKS operator refers a child to an LKS with free places
(found by the capacity search), the receiving LKS sees only the summary, accepts, and the child's placement moves
with its history intact."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from sinergi.accounts.models import Role, User
from sinergi.accounts.tests.factories import DEMO_PASSWORD as TEST_PASSWORD
from sinergi.accounts.tests.factories import user_with_role
from sinergi.people.choices import DischargeReason, PlacementStatus
from sinergi.people.models import Placement
from sinergi.people.services import age_on
from sinergi.referrals.capacity import capacity_search, origin_of
from sinergi.referrals.choices import ReferralStatus
from sinergi.referrals.models import Referral

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def a_child_and_the_nearest_lks_with_room():
    """A child in care at the demo operator's LKSA, and the first LKS the capacity search proposes for them."""
    sender = User.objects.get(username="operator.lks").memberships.get().organisation
    today = timezone.localdate()
    placement = next(
        p
        for p in Placement.objects.filter(
            organisation=sender, status=PlacementStatus.ACTIVE, ppks_category__code="anak_telantar"
        )
        .select_related("person", "ppks_category")
        .order_by("pk")
        if p.person.birth_date and age_on(p.person.birth_date, today) < 17 and p.admitted_on < today
    )
    rows = capacity_search(
        ppks_category=placement.ppks_category,
        age=age_on(placement.person.birth_date, today),
        sex=placement.person.sex,
        origin=origin_of(sender),
        exclude_ids={sender.pk},
    )
    return placement, rows[0].organisation


def test_operator_refers_a_child_and_the_receiving_lks_accepts(page):
    placement, target = a_child_and_the_nearest_lks_with_room()
    person = placement.person
    demo_referrals = set(Referral.objects.values_list("pk", flat=True))  # the demo's own
    receiver = user_with_role(Role.LKS_OPERATOR, organisation=target, username="operator.tujuan")
    page.on("dialog", lambda dialog: dialog.accept())  # the "move the placement?" confirmation

    login(page, "operator.lks")
    page.goto(f"{page.base_url}/people/{person.pk}/")
    expect(page.locator("h1")).to_have_text("Tujuan akses data pribadi")
    page.get_by_label("Pelayanan dan pengasuhan").check()
    page.click("#main form button[type=submit]")
    expect(page.locator("h1")).to_contain_text(person.full_name)
    page.locator("#referrals").get_by_role("link", name="Rujuk").click()

    expect(page.locator("h1")).to_have_text(f"Rujuk {person.full_name}")
    first_row = page.locator("table.capacity tbody tr").first
    expect(first_row).to_contain_text(target.name)
    page.fill("textarea[name=reason]", "Anak membutuhkan LKSA yang dekat dengan sekolahnya.")
    page.click("#main form.referral-form button[type=submit]")  # no target, no consent yet
    expect(page.locator(".errors-summary")).to_contain_text("Rujukan belum terkirim")
    expect(page.locator("#capacity-box")).to_contain_text("Pilih LKS tujuan dari hasil pencarian.")
    assert set(Referral.objects.values_list("pk", flat=True)) == demo_referrals  # nothing was sent

    page.check(f"#to-org-{target.pk}")
    page.check("input[name=urgency][value=urgent]")
    page.select_option("select[name=consent_given_by]", "guardian")
    page.fill("input[name=consent_giver_name]", "Wali Uji Contoh")
    page.fill("input[name=consent_given_on]", timezone.localdate().isoformat())
    page.fill("textarea[name=case_summary]", "Ringkasan uji: anak kelas 5, sehat.")
    page.click("#main form.referral-form button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("telah dikirim ke")
    referral = Referral.objects.exclude(pk__in=demo_referrals).get()
    expect(page.locator("#status")).to_have_text("Dikirim")
    page.click("button:has-text('Keluar')")

    login(page, receiver.username, TEST_PASSWORD)
    page.click("nav >> text=Rujukan")
    row = page.locator(f"#referral-{referral.pk}")
    expect(row).to_contain_text("Anak Telantar")
    expect(row).not_to_contain_text(person.full_name)
    row.get_by_role("link").click()
    main = page.locator("#main")
    expect(page.locator("#summary")).to_contain_text("Anak membutuhkan LKSA")
    expect(main).not_to_contain_text(person.full_name)
    expect(main).not_to_contain_text(person.nik_masked or "6371********")
    page.click("button:has-text('Terima rujukan')")

    expect(page.locator(".messages")).to_contain_text("Rujukan diterima.")
    expect(page.locator("#status")).to_have_text("Diterima")
    expect(page.locator("#shared")).to_contain_text(person.full_name)
    expect(page.locator("#shared")).to_contain_text("Ringkasan uji: anak kelas 5, sehat.")
    expect(page.locator("#timeline")).to_contain_text("Rujukan dikirim")
    expect(page.locator("#timeline")).to_contain_text("Rujukan diterima")

    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    old = Placement.objects.get(pk=placement.pk)
    assert (old.status, old.discharge_reason) == (PlacementStatus.DISCHARGED, DischargeReason.TRANSFERRED)
    moved = Placement.objects.get(person=person, status=PlacementStatus.ACTIVE)
    assert moved.organisation == target
    assert moved.admitted_on == old.discharged_on == timezone.localdate()
    assert Placement.objects.filter(person=person).count() >= 2
    person.refresh_from_db()
    assert person.organisation == target

    # The receiving LKS now serves the child: the person's page shows the new placement and the referral.
    page.click(f"#shared >> text={person.full_name}")
    expect(page.locator("h1")).to_have_text("Tujuan akses data pribadi")
    page.get_by_label("Pembahasan kasus / rujukan").check()
    page.click("#main form button[type=submit]")
    expect(page.locator(f"#placement-{moved.pk}")).to_contain_text("Dilayani")
    expect(page.locator(f"#placement-{moved.pk}")).to_contain_text(target.name)
    expect(page.locator("#referrals")).to_contain_text("Diterima")
