"""What the printed reports are made of: a `Table` and how its cells print, the sections and parts other apps
add to a report (registered from their AppConfig.ready) and the formatting of values shared by every report.

Apart because each report (profile.py, areas.py) builds on them, and other apps (people) make parts of them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sinergi.core.dates import shown

from ..models import Organisation

if TYPE_CHECKING:
    from sinergi.accounts.models import User


# A "word" longer than this is a URL, an e-mail address or the like, not an Indonesian word (the longest in the
# tables, e.g. "Penyalahgunaan", have 14 letters): only such cells may wrap anywhere.
LONG_WORD = 20
# Above this many columns a table gets smaller type so that it fits the width of A4.
WIDE_TABLE_COLUMNS = 7


@dataclass
class Table:
    """A table of a printed report (footer = totals row)."""

    title: str
    headers: list[str]
    rows: list[list[Any]]
    footer: list[Any] | None = None
    empty_text: str = ""

    @property
    def wide(self) -> bool:
        return len(self.headers) > WIDE_TABLE_COLUMNS

    @property
    def html_rows(self) -> list[list[tuple[Any, str]]]:
        """Rows as (value, CSS class) pairs: numbers right-aligned, long unbreakable strings allowed to wrap."""
        return [[(cell, _cell_class(cell)) for cell in row] for row in self.rows]

    @property
    def html_footer(self) -> list[tuple[Any, str]]:
        return [(cell, _cell_class(cell)) for cell in self.footer] if self.footer else []


def _cell_class(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "num"
    # Wrapping anywhere is kept to cells that need it: elsewhere it would let the table squeeze a column below its
    # longest word and split dates and names mid-word, while a URL that cannot break would push the table off A4.
    if isinstance(value, str) and any(len(word) > LONG_WORD for word in value.split()):
        return "wrap-anywhere"
    return ""


def _accreditation(o: Organisation, *, short: bool = False) -> str:
    """The grade, marked when its period has ended (as the counts file it under "Kedaluwarsa")."""
    if not o.accreditation_grade:
        return "—" if short else str(_("Belum terakreditasi"))
    grade = o.accreditation_grade.code if short else o.accreditation_grade.label
    if o.accreditation_has_ended:
        return _("%(grade)s (kedaluwarsa)") % {"grade": grade}
    return str(grade)


def _fmt(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if hasattr(value, "strftime"):
        return shown(value)  # these reports are PDFs, read in the reader's language
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    if isinstance(value, int | float | Decimal):
        # As the tables beside it print numbers (1.300 in Indonesian, 1,300 in English), not 1300.
        return number_format(value, force_grouping=True)
    return str(value)


def _expiry(expires_on, today) -> str:
    """A permit's end date, marked when it has passed (as the accreditation column marks an expired grade)."""
    if expires_on and expires_on < today:
        return _("%(date)s (kedaluwarsa)") % {"date": _fmt(expires_on)}
    return _fmt(expires_on)


# Sections other apps add to an LKS profile (the people app: clients and workers now), each a function of the LKS
# giving (title, [(label, value)]) or None; registered from their AppConfig.ready, since this app comes first.
PROFILE_SECTIONS: list[Callable[[Any], tuple[str, list[tuple[str, Any]]] | None]] = []


def register_profile_section(section: Callable[[Any], tuple[str, list[tuple[str, Any]]] | None]) -> None:
    if section not in PROFILE_SECTIONS:
        PROFILE_SECTIONS.append(section)


@dataclass
class ReportPart:
    """A part another app adds to the province report or a kabupaten/kota summary, about an area it names itself
    (the people app: clients and workers of the areas the reader may see aggregates for). `chart`: labels and
    series for a bar chart, drawn by the exchange app as the report's own charts are."""

    title: str
    note: str
    kpis: list[tuple[str, Any]]
    tables: list[Table]
    area_code: str = ""  # the area its figures are of, named in the report's audit event
    chart: dict[str, Any] | None = None
    chart_svg: str = ""  # the chart drawn, set by the exchange app before rendering
    # Printed under the chart: the figures it draws (a chart alone cannot be read to the unit).
    chart_tables: list[Table] = field(default_factory=list)


# Parts other apps add to the area reports, registered from their AppConfig.ready (this app comes first): for each,
# a function (actor=, area_code=) giving the parts for that province or kabupaten/kota, and one giving only the
# codes of the areas those parts are of, which the audit of a report made later names without gathering it twice.
AREA_PARTS: list[tuple[Callable[..., list[ReportPart]], Callable[..., list[str]]]] = []


def register_area_part(parts: Callable[..., list[ReportPart]], areas: Callable[..., list[str]]) -> None:
    if (parts, areas) not in AREA_PARTS:
        AREA_PARTS.append((parts, areas))


def _area_parts(actor: "User", area_code: str) -> list[ReportPart]:
    return [found for parts, _areas in AREA_PARTS for found in parts(actor=actor, area_code=area_code)]


def _parts_note(parts: list[ReportPart]) -> str:
    """For a report over part of its area: the parts that count a whole area of their own say so, lest the scope
    note above them ("Angka hanya mencakup …") be read as covering them too."""
    if not parts:
        return ""
    titles = ", ".join(f"“{part.title}”" for part in parts)
    note = ngettext(
        "Bagian %(parts)s memuat angka gabungan seluruh wilayah yang disebut judulnya.",
        "Bagian %(parts)s memuat angka gabungan seluruh wilayah yang disebut judulnya.",
        len(parts),
    )
    return " " + note % {"parts": titles}


def _cell(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return _fmt(value if not hasattr(value, "text") else value.text)
