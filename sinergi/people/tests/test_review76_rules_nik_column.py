"""A CSV's NIK column rounded by Excel is refused as a whole column (every number ending in 0); the check now reads
each number as the row's check does (seventy-sixth review): a rounded NIK in quote marks, in full-width digits or
followed by a character no one sees (a variation selector, an Arabic letter mark) neither hides the rounding nor is
left out of it; and such a number that is no rounded one counts as one."""

import pytest

from sinergi.exchange.tests.conftest import csv_file, run
from sinergi.people.models import Person
from sinergi.people.nik import typed_digits
from sinergi.people.tests.factories import people_world
from sinergi.people.tests.test_exchange import HEADERS
from sinergi.people.tests.test_exchange_excel_damage import _boys

pytestmark = pytest.mark.django_db

NIK = HEADERS.index("NIK")
ROUNDED = "Semua nomor di kolom ini berakhir dengan 0 (mis. “6371011708140020”, “6371011708140030”, “6371011708140040”)"


@pytest.fixture
def world():
    return people_world()


@pytest.mark.parametrize(
    "dressed",
    ["{}\ufe0f", "{}\u061c", "“{}”", "'{}'", '"{}"', "６３７１０１１７０８１４００４０"],
    ids=["variation-selector", "arabic-letter-mark", "curly-quotes", "apostrophes", "straight-quotes", "full-width"],
)
def test_a_rounded_column_with_one_number_dressed_is_still_refused_whole(tmp_path, world, dressed):
    # Given a clients CSV whose NIKs Excel rounded (all ending in 0), one of them pasted with what no one sees
    rows = _boys([20, 30, 40, 50])
    rows[2][NIK] = dressed.format(rows[2][NIK])
    # When it is checked
    result = run(csv_file(tmp_path, [HEADERS, *rows]), world.operator, entity="clients", dry_run=True)
    # Then the column is refused as rounded, its examples the numbers as read
    assert result.status == "refused"
    assert [(p.row, p.column) for p in result.problems] == [(1, "NIK")]
    assert result.problems[0].message.startswith(ROUNDED)


def test_a_real_number_in_quote_marks_tells_the_column_is_no_rounded_one(tmp_path, world):
    # Given four numbers ending in 0 and a fifth, in quote marks as pasted from a message, that does not
    rows = _boys([20, 30, 40, 50, 61])
    rows[4][NIK] = f"“{rows[4][NIK]}”"
    # Then the column is read as typed
    result = run(csv_file(tmp_path, [HEADERS, *rows]), world.operator, entity="clients")
    assert (result.status, result.created) == ("succeeded", 5), [p.message for p in result.problems]
    assert Person.objects.count() == 5


def test_the_column_check_reads_a_number_as_the_rows_check_does():
    assert typed_digits("“6371 0117 0814 0040”\u200b") == "6371011708140040"
    assert typed_digits("６３７１０１１７０８１４００４０\ufe0f") == "6371011708140040"
    assert typed_digits("6371********0010") == ""
    assert typed_digits("Tidak ada") == ""
