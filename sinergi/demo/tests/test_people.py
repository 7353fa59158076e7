"""The demo's clients are ones the import would take without a warning: of age for their category when admitted."""

import pytest

from sinergi.people.models import Placement
from sinergi.people.services.rules import age_warnings


@pytest.mark.django_db
def test_every_demo_stay_began_at_an_age_its_category_allows():
    from sinergi.demo.data import load_demo

    load_demo()

    placements = Placement.objects.select_related("person", "ppks_category")
    warned = [
        (p.person.full_name, p.admitted_on, p.ppks_category.code)
        for p in placements
        if age_warnings(birth_date=p.person.birth_date, on=p.admitted_on, categories=[p.ppks_category])
    ]
    assert placements.count() > 1000
    assert warned == []
