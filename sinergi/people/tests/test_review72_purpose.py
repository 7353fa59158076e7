"""The purpose prompt names whose personal data follows (seventy-second review): it is asked before a workers'
export and a worker's page as well as before a client's, so it does not speak of clients only."""

import pytest

from sinergi.people.tests.factories import people_world

from .test_views import sign_in

pytestmark = pytest.mark.django_db


def test_the_purpose_prompt_before_the_exports_speaks_of_clients_and_workers(client):
    # Given an LKS operator who has not yet chosen a purpose this session
    world = people_world()
    sign_in(client, world.operator, purpose=None)

    # When the exchange page's "Pilih tujuan akses dulu" (for the clients' or the workers' export) is followed
    page = client.get("/people/purpose/?next=%2Fexchange%2F%23templates-title").content.decode()

    # Then the prompt says the next pages hold the personal data of clients or workers
    assert "Halaman berikutnya memuat data pribadi penerima layanan atau pekerja." in page
