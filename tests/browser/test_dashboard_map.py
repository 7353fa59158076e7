"""The dashboard map: its points are fetched only when it comes into view (the first page after sign-in stays small on
a phone), it says so while they come and when they cannot; the kabupaten/kota names never cover each other, and the
LKS markers stay on top of them."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OVERLAPPING_VISIBLE_LABELS = """() => {
  const boxes = [...document.querySelectorAll('#lks-map .map-region-label')]
    .filter((label) => getComputedStyle(label).visibility !== 'hidden')
    .map((label) => label.getBoundingClientRect());
  let clashes = 0;
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
    if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) { clashes += 1; }
  }));
  return {shown: boxes.length, clashes};
}"""


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 800}])
def test_region_names_on_the_map_do_not_overlap_and_markers_stay_above_them(page, viewport):
    page.set_viewport_size(viewport)
    login(page, "dinsos.kalsel")  # province-wide: all thirteen kabupaten/kota on one map
    page.locator("#map-title").scroll_into_view_if_needed()
    page.wait_for_selector("#lks-map .map-region-label")
    page.wait_for_timeout(300)  # the names are sorted out on the next animation frame

    labels = page.evaluate(OVERLAPPING_VISIBLE_LABELS)
    assert labels["shown"] >= 1 and labels["clashes"] == 0

    # short names: "Kabupaten" is dropped, "Kota" kept
    texts = page.locator("#lks-map .map-region-label").all_inner_texts()
    assert not any(text.startswith("Kabupaten") for text in texts)
    # markers are drawn in a pane above the names
    label_z = page.evaluate("getComputedStyle(document.querySelector('.leaflet-regionLabels-pane')).zIndex")
    marker_z = page.evaluate("getComputedStyle(document.querySelector('.leaflet-overlay-pane')).zIndex")
    assert int(label_z) < int(marker_z)

    # zooming in makes room: at least as many names are shown, still without overlaps
    page.click(".leaflet-control-zoom-in")
    page.wait_for_timeout(600)
    zoomed = page.evaluate(OVERLAPPING_VISIBLE_LABELS)
    assert zoomed["clashes"] == 0


MAP_POINTS = "**/statistics/map-points/**"
MARKERS = "#lks-map path.leaflet-interactive"


def stated_count(page) -> int:
    """The number of LKS the page says its map has ("154 LKS aktif dengan koordinat.")."""
    section = page.locator("section[aria-labelledby=map-title]").inner_text()
    return int(re.search(r"([\d.]+) LKS aktif dengan koordinat", section).group(1).replace(".", ""))


def test_the_map_points_are_fetched_when_the_map_comes_into_view_and_all_appear(page):
    page.set_viewport_size({"width": 390, "height": 800})  # a phone: the map is far below the fold
    fetched, errors = [], []
    page.on("request", lambda request: "/statistics/map-points/" in request.url and fetched.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    login(page, "dinsos.kalsel")
    page.wait_for_selector("#map-title")
    page.wait_for_load_state("networkidle")

    assert fetched == []  # not looked at: not fetched
    assert page.locator("#lks-map").is_hidden()

    page.locator("#map-title").scroll_into_view_if_needed()
    page.wait_for_selector(MARKERS)

    assert page.locator(MARKERS).count() == stated_count(page) > 100
    assert len(fetched) == 1
    expect(page.locator("#lks-map-status")).to_have_text("")
    assert errors == []


def test_the_map_says_it_is_loading_and_when_its_points_cannot_come_and_tries_again(page):
    page.set_viewport_size({"width": 390, "height": 800})
    held, errors = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route(MAP_POINTS, lambda route: held.append(route))  # the request waits, as on a slow link
    login(page, "dinsos.kalsel")
    page.locator("#map-title").scroll_into_view_if_needed()
    status = page.locator("#lks-map-status")

    expect(status).to_have_text("Memuat peta LKS…")
    for _ in range(100):  # the page says it is loading as it asks; the route reaches this side a moment later
        if held:
            break
        page.wait_for_timeout(50)

    held[0].abort("internetdisconnected")  # the link drops
    expect(status).to_have_text("Peta tidak dapat dimuat. Periksa sambungan internet Anda. Coba lagi")
    assert page.locator("#lks-map").is_hidden()
    assert page.locator("#lks-map-status button").bounding_box()["height"] >= 24  # a thumb's target on a phone

    page.unroute(MAP_POINTS)  # back online
    page.click("#lks-map-status button")  # "Coba lagi"
    page.wait_for_selector(MARKERS)
    assert page.locator(MARKERS).count() == stated_count(page)
    expect(status).to_have_text("")
    assert errors == []


def test_a_map_that_meets_an_ended_session_says_so_and_leads_to_sign_in_and_back(page):
    # The session ends while the dashboard stays open on a phone; the map is scrolled to afterwards
    page.set_viewport_size({"width": 390, "height": 800})
    login(page, "dinsos.kalsel")
    page.wait_for_selector("#map-title")
    page.context.clear_cookies()

    page.locator("#map-title").scroll_into_view_if_needed()

    status = page.locator("#lks-map-status")
    # not "check your connection" with a "try again" that could only fail again
    expect(status).to_have_text("Sesi Anda sudah berakhir, jadi peta tidak dapat dimuat. Masuk lagi")
    assert page.locator("#lks-map-status button").count() == 0
    page.click("#lks-map-status a")
    page.fill("input[name=username]", "dinsos.kalsel")
    page.fill("input[name=password]", "sinergi-demo-2025")
    page.click("#main form button[type=submit]")
    page.locator("#map-title").scroll_into_view_if_needed()
    page.wait_for_selector(MARKERS)  # back on the dashboard, with its map
    assert page.locator(MARKERS).count() == stated_count(page)


NAME_AS_HTML = (
    'LKS Uji <img src="/static/favicon.svg" id="injected"><a id="phish" href="https://example.invalid/">Masuk</a>'
)


def test_an_lks_name_is_text_in_the_markers_hover_label(page):
    # given an LKS on the map whose name (written by its operator) looks like HTML (fifty-seventh review, m1)
    from sinergi.organisations.models import Organisation

    lks = Organisation.objects.filter(kind="lks", status="active", latitude__isnull=False, province_code="63").first()
    Organisation.objects.filter(pk=lks.pk).update(name=NAME_AS_HTML)
    # when someone else points at the markers on the dashboard
    login(page, "dinsos.kalsel")
    page.locator("#map-title").scroll_into_view_if_needed()
    page.wait_for_selector(MARKERS)
    shown = page.evaluate("""() => {
      for (const marker of document.querySelectorAll('#lks-map path.leaflet-interactive')) {
        marker.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
        const tip = [...document.querySelectorAll('.leaflet-tooltip')].find((t) => t.textContent.includes('LKS Uji'));
        if (tip) { return tip.textContent; }
        marker.dispatchEvent(new MouseEvent('mouseout', {bubbles: true}));
      }
      return '';
    }""")
    # then its label shows the name as written, and neither the image nor the link is in the page
    assert shown == NAME_AS_HTML
    assert page.locator("#injected").count() == 0 and page.locator("#phish").count() == 0
