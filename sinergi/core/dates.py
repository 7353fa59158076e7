"""Rules every date of the system shares, whichever form or import it comes from."""

import datetime

from django.utils.translation import gettext as _

# Nobody served, employed or licensed today was born, admitted or registered before 1900, and a spreadsheet cannot
# hold such a date (Excel's dates begin in 1900): a year before it is a typo ("17-08-1019" for 2019).
EARLIEST_YEAR = 1900


def too_early_problem(day: datetime.date | None) -> str:
    """The message for a date before EARLIEST_YEAR, or "" (also for no date)."""
    if day is None or day.year >= EARLIEST_YEAR:
        return ""
    return _("Tahun %(year)s tidak mungkin; periksa ketikan tahunnya (paling awal tahun %(earliest)s).") % {
        "year": day.year,
        "earliest": EARLIEST_YEAR,
    }


def date_text(day: datetime.date) -> str:
    """dd-mm-yyyy with the year in four digits (strftime leaves a year before 1000 short on Linux): how a date a
    spreadsheet cannot hold as one (before 1900) is written into a file, and read back by an import."""
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"
