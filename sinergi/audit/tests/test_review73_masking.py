"""A number typed just before a NIK must not shift the mask onto the NIK's middle (seventy-third review): the
sixteen digits of the NIK are all covered, whatever comes before them."""

import pytest

from sinergi.audit.display.resolver import numbers_masked


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("no 1234 6371 0117 0814 0001", "no 1234********0001"),
        ("KK 12 6371 0117 0814 0001", "KK 12 6371********0001"),
        ("6371 0117 0814 0001", "6371********0001"),
        ("NIK 6371011708140001 dan 6372011708140002", "NIK 6371********0001 dan 6372********0002"),
        ("01/02/2023 - 05/06/2024", "01/02/2023 - 05/06/2024"),
    ],
)
def test_a_nik_in_text_is_masked_whole_whatever_stands_before_it(text, masked):
    assert numbers_masked(text) == masked
    assert "0814" not in numbers_masked(text)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Tahun ajaran 2019/2020 - 2021/2022", "Tahun ajaran 2019/2020 - 2021/2022"),
        ("APBD 2023/2024-2024/2025", "APBD 2023/2024-2024/2025"),
        # Not two school years: each pair is not a year and the next, or not joined by a slash.
        ("2019/2021 - 2021/2022", "2019********2022"),
        ("2019 2020 2021 2022", "2019********2022"),
        ("1971/2003/2019/2020", "1971********2020"),
    ],
)
def test_two_school_years_stay_readable_but_nothing_else_in_fours_does(text, masked):
    assert numbers_masked(text) == masked
