"""Rules every date of the system shares, whichever form or import it comes from."""

import datetime

from django.conf import settings
from django.utils import dateformat, translation
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


# How pages (and PDFs, e-mails and notifications) write a date, by language. Indonesian keeps day-month-year with
# dashes (07-12-2026), as it always has. English writes year-month-day (2026-12-07): "07-12-2026" is 12 July to many
# English readers, ISO is read one way only, and it is already the English SHORT_DATE_FORMAT
# (sinergi/core/formats/en) that the other lists use. A date named with its weekday is a heading or a line of its own
# and reads in words ("Monday, 7 December 2026"). Data files keep their own forms (date_text, the export's cells).
SHOWN_FORMATS: dict[str, dict[str, str]] = {
    "date": {"id": "d-m-Y", "en": "Y-m-d"},
    "datetime": {"id": "d-m-Y H:i", "en": "Y-m-d H:i"},
    "zoned": {"id": "d-m-Y H:i T", "en": "Y-m-d H:i T"},  # a moment with its zone named ("WITA")
    "weekday": {"id": "l, d-m-Y", "en": "l, j F Y"},
}


def shown_format(kind: str = "date", language: str | None = None) -> str:
    """The date format (Django's letters) of `kind` in `language` (the active one when None); a language without a
    form of its own writes the site's."""
    forms = SHOWN_FORMATS[kind]
    language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()
    return forms.get(language) or forms[settings.LANGUAGE_CODE.split("-")[0].lower()]


def shown(value: datetime.date | datetime.datetime | None, kind: str = "date") -> str:
    """`value` as a page writes it in the active language ("" for None). A datetime is written as given: convert it
    to the reader's zone first."""
    if value is None or value == "":
        return ""
    return dateformat.format(value, shown_format(kind))
