"""The seventy-first review: how a NIK or KK number in a problem's cell, message or file name is masked where a job
keeps it (and in the audit log's free text): written in the groups a NIK is written in, whatever stands between them
(" - ", two spaces, "/"), it is masked; dates, periods, amounts, phone numbers, RT/RW and letter numbers are not."""

import pytest

from sinergi.audit.display.resolver import numbers_masked
from sinergi.exchange.services.results import kept_value


@pytest.mark.parametrize(
    ("written", "masked"),
    [
        ("6371 - 0112 - 3456 - 0001", "6371********0001"),
        ("6371  0112  3456  0001", "6371********0001"),
        ("6371/0112/3456/0001", "6371********0001"),
        ("6371 / 0112 / 3456 / 0001", "6371********0001"),
        ("6371 – 0112 – 3456 – 0001", "6371********0001"),  # the dash a word processor puts for " - "
        ("637101/123456/0001", "6371********0001"),
        ("637101 - 123456 - 0001", "6371********0001"),
        ("63.71.01 / 12.34.56 / 0001", "6371********0001"),
        ("NIK 6371 / 0112 / 3456 / 0001, KK 6371  0112  3456  0002.", "NIK 6371********0001, KK 6371********0002."),
        # As masked before: in a row, in groups one space, dot or dash apart, as a spreadsheet wrote it
        ("6371011234560001", "6371********0001"),
        ("6371 0112 3456 0001", "6371********0001"),
        ("6371.0112.3456.0001", "6371********0001"),
        ("63-71-01-123456-0001", "6371********0001"),
        ("6.371011234560001e+15", "6371********0001e+15"),
    ],
)
def test_a_nik_in_the_groups_it_is_written_in_is_masked(written, masked):
    assert numbers_masked(written) == masked
    assert kept_value(written) == masked


@pytest.mark.parametrize(
    "text",
    [
        "2020 - 2023",
        "01/02/2023 - 05/06/2024",
        "01.02.2023-05.06.2024",  # sixteen digits each one character apart, but two dates
        "2023-01-02 2024-05-06",
        "Periode 01-02-2023 - 05-06-2024",
        "17/08/2023",
        "Rp 1.500.000",
        "Rp 1.500.000 - Rp 2.500.000 per bulan",
        "0511-123456",
        "0511-123456 / 0812-345678",
        "RT 003/004, RW 005",
        "460/123/Dinsos/2023",
        "460/123/Dinsos/2023 - 12/01/2024",
        "0812-3456-7890",
    ],
)
def test_dates_periods_and_other_numbers_stay_readable(text):
    assert numbers_masked(text) == text
    assert kept_value(text) == text
