"""The forms and the API refuse a name still carrying a copied list's number or bullet, as the imports do (seventy-third
review): a name a form accepted could not be sent back through an export. A name on record from before the rule is
not re-judged when other fields are corrected."""

import pytest

from sinergi.core.errors import ValidationError
from sinergi.people import services

from .factories import PersonFactory, WorkerFactory, people_world
from .test_services import admit, errors_of, person_data, worker_data, written

pytestmark = pytest.mark.django_db

MESSAGE = (
    "Nama ini diawali nomor urut atau tanda butir dari daftar yang disalin (“1.”). Tulis namanya saja (“Rina Contoh”)."
)


@pytest.fixture
def world():
    return people_world()


def test_a_worker_registered_with_a_lists_number_before_the_name_is_refused(world):
    before = written()
    with pytest.raises(ValidationError) as refused:
        services.worker_create(
            actor=world.operator, organisation=world.lks, data=worker_data(full_name="1. Rina Contoh")
        )
    assert errors_of(refused)["full_name"] == [MESSAGE]
    assert written() == before


def test_a_client_admitted_with_a_lists_number_before_the_name_is_refused(world):
    before = written()
    with pytest.raises(ValidationError) as refused:
        admit(world, person=person_data(full_name="1. Rina Contoh"))
    assert errors_of(refused)["full_name"] == [MESSAGE]
    assert written() == before


def test_a_name_renamed_to_one_with_a_lists_bullet_is_refused(world):
    worker = WorkerFactory(organisation=world.lks, full_name="Rina Contoh")
    with pytest.raises(ValidationError) as refused:
        services.worker_update(actor=world.operator, worker=worker, data={"full_name": "• Rina Contoh"},
                               expected_version=worker.version)  # fmt: skip
    assert "(“•”)" in errors_of(refused)["full_name"][0]


def test_a_name_on_record_from_before_the_rule_does_not_block_other_corrections(world):
    worker = WorkerFactory(organisation=world.lks, full_name="1. Rina Contoh")
    person = PersonFactory(full_name="2. Budi Contoh")
    data = {"full_name": "1. Rina Contoh", "certifications": "Pelatihan 2025"}  # a form sends every field back

    outcome = services.worker_update(actor=world.operator, worker=worker, data=data, expected_version=worker.version)
    corrected = services.person_update(actor=world.province_admin, person=person,
                                       data={"full_name": "2. Budi Contoh", "notes": "dicek"},
                                       expected_version=person.version)  # fmt: skip

    assert outcome.obj.certifications == "Pelatihan 2025"
    assert corrected.obj.notes == "dicek"


@pytest.mark.parametrize("name", ["H. Abdul Hadi", "M. Rizki", "'Aisyah", "Nur-Aini"])
def test_an_initial_or_an_apostrophe_is_no_lists_mark(world, name):
    outcome = services.worker_create(actor=world.operator, organisation=world.lks, data=worker_data(full_name=name))
    assert outcome.obj.full_name == name
