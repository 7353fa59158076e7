"""The exchange's limits can be set through the environment, as the deployment guide advises for a small server
("or lower the cap"): until the fifty-eighth review only an edit of the settings could."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings.base import EXCHANGE_LIMITS, exchange_limits
from sinergi.exchange.files import DEFAULT_LIMITS, limit


def test_a_limit_set_in_the_environment_is_the_one_the_import_keeps(settings):
    settings.SINERGI = {**settings.SINERGI, **exchange_limits({"SINERGI_IMPORT_MAX_ROWS": "100_000"})}

    assert limit("IMPORT_MAX_ROWS") == 100_000
    assert limit("IMPORT_MAX_CELLS") == DEFAULT_LIMITS["IMPORT_MAX_CELLS"]  # those not set keep their defaults


def test_every_limit_of_the_exchange_can_be_set():
    assert set(EXCHANGE_LIMITS) | {"IMPORT_UPLOAD_MB_PER_DAY"} == set(DEFAULT_LIMITS)
    assert exchange_limits({f"SINERGI_{name}": "7" for name in EXCHANGE_LIMITS}) == dict.fromkeys(EXCHANGE_LIMITS, 7)
    assert exchange_limits({"SINERGI_IMPORT_MAX_ROWS": " "}) == {}


@pytest.mark.parametrize("value", ["0", "-5", "100k", "1.5"])
def test_a_limit_that_is_not_a_whole_number_above_zero_stops_the_start_naming_it(value):
    with pytest.raises(ImproperlyConfigured, match="SINERGI_IMPORT_MAX_ROWS must be a whole number above zero"):
        exchange_limits({"SINERGI_IMPORT_MAX_ROWS": value})
