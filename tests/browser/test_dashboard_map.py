"""The dashboard map: the kabupaten/kota names never cover each other, and the LKS markers stay on top of them."""

import pytest

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
