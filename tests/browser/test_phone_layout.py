"""The stylesheet on a 360 px phone, with no database: what a page holds must not push it wider than the screen."""

import pytest

from .conftest import styled_page

pytestmark = [pytest.mark.browser]


def test_a_fieldset_with_a_file_field_stays_within_a_phone_s_screen(browser):
    # A partnership's "Unggah dokumen": a fieldset is as wide as its widest content by default, and a file field's
    # is wider than a phone's card, so the whole page scrolled sideways (432 px on a 360 px screen).
    html = (
        '<main><section class="card"><form class="form"><fieldset><legend>Unggah dokumen</legend>'
        '<div class="field"><label for="t">Judul dokumen</label><input type="text" id="t" name="title"></div>'
        '<div class="field"><label for="f">Berkas (PDF, PNG atau JPEG, paling besar 10 MB)</label>'
        '<input type="file" id="f" name="file"></div></fieldset></form></section></main>'
    )
    with styled_page(browser, html, width=360, height=640) as page:
        widths = page.evaluate(
            "() => [document.documentElement.scrollWidth,"
            " document.querySelector('fieldset').getBoundingClientRect().right]"
        )

    assert widths[0] <= 360 and widths[1] <= 360
