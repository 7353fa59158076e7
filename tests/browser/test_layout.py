"""Pages fit the screen: nothing makes a page scroll sideways, on a desktop or on a phone."""

import pytest

from sinergi.organisations.models import Organisation

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.parametrize("width", [1280, 1024, 390])
def test_an_lks_page_with_long_licence_numbers_does_not_scroll_sideways(page, width):
    # the demo LKS carry licence numbers like "TD/033/DINSOS-KALSEL/2025" next to long labels
    in_banjarmasin = Organisation.objects.filter(regency_code="63.71", registration_number__startswith="TD/")
    lks = in_banjarmasin.order_by("pk").first()
    page.set_viewport_size({"width": width, "height": 900})
    login(page, "pengurus.banjarmasin")

    page.goto(f"{page.base_url}/organisations/{lks.pk}/")
    assert page.locator("h1").inner_text().startswith(lks.name)

    assert page.evaluate(SIDEWAYS) == 0
