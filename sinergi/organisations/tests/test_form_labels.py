"""The LKS form's labels are written alike: each starts with a capital letter, as the model-derived ones do."""

import pytest

from sinergi.organisations.forms import OrganisationForm

pytestmark = pytest.mark.django_db


def test_every_label_on_the_lks_form_starts_with_a_capital_letter():
    labels = {name: str(field.label) for name, field in OrganisationForm().fields.items() if field.label}

    assert {name: label for name, label in labels.items() if not label[0].isupper()} == {}
    assert labels["website"] == "Situs web"
