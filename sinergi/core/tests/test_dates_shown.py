import datetime

from django.template import Context, Template
from django.utils import translation

from sinergi.core.dates import SHOWN_FORMATS, shown, shown_format

DAY = datetime.date(2026, 12, 7)


def test_every_language_of_the_interface_has_each_form_of_a_shown_date():
    from django.conf import settings

    for forms in SHOWN_FORMATS.values():
        assert set(forms) == {code for code, _name in settings.LANGUAGES}


def test_a_date_is_shown_as_before_in_indonesian_and_year_first_in_english():
    with translation.override("id"):
        assert (shown(DAY), shown(DAY, "weekday")) == ("07-12-2026", "Senin, 07-12-2026")
    with translation.override("en"):
        assert (shown(DAY), shown(DAY, "weekday")) == ("2026-12-07", "Monday, 7 December 2026")
    # a language without its own forms (none active, or one not offered) writes the site's
    with translation.override(None):
        assert shown_format("date") == "d-m-Y"
    assert shown_format("date", "en-gb") == "Y-m-d" and shown_format("date", "xx") == "d-m-Y"


def test_the_template_filters_follow_the_language_and_leave_nothing_for_no_date():
    template = Template(
        "{% load sinergi %}{{ day|shown_date }}|{{ day|shown_weekday }}|{{ none|shown_date|default:'—' }}"
    )
    with translation.override("en"):
        assert template.render(Context({"day": DAY, "none": None})) == "2026-12-07|Monday, 7 December 2026|—"
    with translation.override("id"):
        assert template.render(Context({"day": DAY, "none": None})) == "07-12-2026|Senin, 07-12-2026|—"
