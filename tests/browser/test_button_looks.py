"""The stylesheet's buttons as a browser paints them: a secondary or a dangerous action must not look like the main
one. `button.btn` outranked `.btn-secondary` and `.btn-danger`, so every <button> of those kinds (Batalkan, Tolak,
Hapus, Nonaktifkan) was painted the brand green of the main action (sixty-third review)."""

import pytest

from .conftest import styled_page

pytestmark = [pytest.mark.browser]

BRAND, ERR, WHITE = "rgb(11, 110, 79)", "rgb(164, 22, 26)", "rgb(255, 255, 255)"


@pytest.mark.parametrize("element", ["button", "a"])
def test_secondary_and_danger_buttons_look_unlike_the_main_one(browser, element):
    html = (
        f'<{element} class="btn" id="main">Impor</{element}>'
        f'<{element} class="btn btn-secondary" id="secondary">Batalkan</{element}>'
        f'<{element} class="btn btn-danger" id="danger">Hapus</{element}>'
    )
    with styled_page(browser, html) as page:
        painted = {
            key: page.eval_on_selector(
                f"#{key}", "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]"
            )
            for key in ("main", "secondary", "danger")
        }

    assert painted == {"main": [BRAND, WHITE], "secondary": [WHITE, BRAND], "danger": [ERR, WHITE]}


def test_links_beside_a_form_with_a_labelled_field_keep_a_button_s_height_and_line_up_with_it(browser):
    # The LKS page: its links, then the deactivation form (a reason field, labelled above it, and its button). The
    # row stretched the links to the form's height, a tall box with the word at its top.
    html = (
        '<div class="actions"><a class="btn" id="change">Ubah data</a>'
        '<a class="btn btn-secondary" id="profile">Profil (PDF)</a>'
        '<form class="filters"><label>Alasan penonaktifan<input name="reason"></label>'
        '<button class="btn btn-danger" id="deactivate">Nonaktifkan</button></form></div>'
    )
    with styled_page(browser, html, height=400) as page:
        boxes = {
            key: page.eval_on_selector(
                f"#{key}", "e => { const r = e.getBoundingClientRect(); return [r.bottom, r.height] }"
            )
            for key in ("change", "profile", "deactivate")
        }

    assert boxes["change"] == boxes["profile"] == boxes["deactivate"]
