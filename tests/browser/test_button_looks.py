"""The stylesheet's buttons as a browser paints them: a secondary or a dangerous action must not look like the main
one. `button.btn` outranked `.btn-secondary` and `.btn-danger`, so every <button> of those kinds (Batalkan, Tolak,
Hapus, Nonaktifkan) was painted the brand green of the main action (sixty-third review)."""

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser]

CSS = Path(__file__).resolve().parents[2] / "sinergi" / "static" / "css" / "sinergi.css"
BRAND, ERR, WHITE = "rgb(11, 110, 79)", "rgb(164, 22, 26)", "rgb(255, 255, 255)"


@pytest.mark.parametrize("element", ["button", "a"])
def test_secondary_and_danger_buttons_look_unlike_the_main_one(browser, element):
    page = browser.new_page()
    try:
        page.set_content(
            f"<style>{CSS.read_text()}</style>"
            f'<{element} class="btn" id="main">Impor</{element}>'
            f'<{element} class="btn btn-secondary" id="secondary">Batalkan</{element}>'
            f'<{element} class="btn btn-danger" id="danger">Hapus</{element}>'
        )
        painted = {
            key: page.eval_on_selector(
                f"#{key}", "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]"
            )
            for key in ("main", "secondary", "danger")
        }
    finally:
        page.close()

    assert painted == {"main": [BRAND, WHITE], "secondary": [WHITE, BRAND], "danger": [ERR, WHITE]}


def test_links_beside_a_form_with_a_labelled_field_keep_a_button_s_height_and_line_up_with_it(browser):
    # The LKS page: its links, then the deactivation form (a reason field, labelled above it, and its button). The
    # row stretched the links to the form's height, a tall box with the word at its top.
    page = browser.new_page(viewport={"width": 1280, "height": 400})
    try:
        page.set_content(
            f"<style>{CSS.read_text()}</style>"
            '<div class="actions"><a class="btn" id="change">Ubah data</a>'
            '<a class="btn btn-secondary" id="profile">Profil (PDF)</a>'
            '<form class="filters"><label>Alasan penonaktifan<input name="reason"></label>'
            '<button class="btn btn-danger" id="deactivate">Nonaktifkan</button></form></div>'
        )
        boxes = {
            key: page.eval_on_selector(
                f"#{key}", "e => { const r = e.getBoundingClientRect(); return [r.bottom, r.height] }"
            )
            for key in ("change", "profile", "deactivate")
        }
    finally:
        page.close()

    assert boxes["change"] == boxes["profile"] == boxes["deactivate"]
