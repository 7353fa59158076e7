"""Test set-up shared by every app: the Kalsel part of the region tree is loaded once per test database."""

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from sinergi.regions.services import region_tree_load

    with django_db_blocker.unblock():
        # Kalimantan Selatan only (13 kabupaten/kota, 156 kecamatan, 2,016 desa/kelurahan): enough for every
        # scope test; the full-tree load has its own test.
        region_tree_load(provinces=["63"])


@pytest.fixture(autouse=True)
def _fresh_cache():
    # DRF throttling counts in the cache (per client address, and every test client is 127.0.0.1): each test starts
    # with a clean slate, so that the anonymous API calls of earlier tests do not throttle a later one.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _indonesian_by_default(settings):
    settings.LANGUAGE_CODE = "id"


@pytest.fixture
def national(settings):
    """A national server (SINERGI_PROVINCE=nasional): one server for every province, none of them its home."""
    settings.SINERGI = {**settings.SINERGI, "DEPLOYMENT_PROVINCE": "", "NATIONAL": True}
