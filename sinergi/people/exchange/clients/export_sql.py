"""The clients export as the database writes it: the export's columns and fields, the cells as SQL text
expressions (PostgreSQL's COPY, SQLite's CSV), and the requoting that makes either database's CSV the file that
core.downloads writes. Apart because it is the export's own machinery; ClientsEntity's export methods drive it."""

import csv
import io
import re

from django.db import connection
from django.db.models import Case, CharField, F, Func, Value, When
from django.db.models.functions import Cast, Coalesce, Concat, Left, NullIf
from django.db.models.lookups import In
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from sinergi.core.downloads import (
    ESCAPED_STARTS,
    INNER_ESCAPED,
    OTHER_SEPARATOR,
    csv_text,
    escape_formula,
)
from sinergi.exchange.columns import (
    Column,
)
from sinergi.exchange.dbwrite import (
    in_condition,
)
from sinergi.vocabularies.models import Term

from ...choices import (
    CaseStage,
    DisabilityType,
    DischargeReason,
    MissingIdReason,
    PlacementStatus,
    ServiceSetting,
    Sex,
)
from ...models import Person
from .columns import HEADERS

EXPORT_CHUNK = 10_000  # rows per access-log insert and category query while an export streams
CATEGORIES_CELL = "c11"
# The kabupaten/kota by name, as the LKS list shows it (imports read a name there as well as a code): joined to the
# region table once (a subquery per row cost 0.4 s of a 2 s export of 100,000 clients).
REGENCY_CELL = "c20"
COPY_ROWS_PER_CHUNK = 1000


def _record_requoted(record: bytes, delimiter: str) -> bytes:
    """One record of COPY's CSV with its text cells as core.downloads.csv_text writes them (quoted when they hold the
    other separator, a tab or a line break; a formula trigger after one escaped). Its other cells (numbers, ISO
    dates) never hold a separator, and no cell is an empty text (NULLIF: COPY writes NULL as nothing), so every cell
    can be read back as text and written so."""
    return (_line_requoted(record.decode("utf-8"), delimiter) + "\n").encode("utf-8")


# A tab or a line break inside a line of SQLite's CSV (its own line ends are added after).
_CELL_BREAK = re.compile("[\t\r\n]")


def _line_requoted(line: str, delimiter: str) -> str:
    """A CSV line (without its end) with every cell written again by core.downloads.csv_text (see _record_requoted)."""
    (cells,) = csv.reader(io.StringIO(line), delimiter=delimiter)
    return delimiter.join(csv_text(cell, delimiter) for cell in cells)


def _crlf_records(data: bytes, inside: bool) -> tuple[bytes, bool]:
    """PostgreSQL's COPY ends CSV records with LF; the other paths (Python's csv module, SQLite's lines) and RFC 4180
    with CRLF, and the same export must give the same file on either database. A line break inside a quoted cell is
    the cell's own and stays. `inside`: whether `data` starts within a quoted cell; returned for the next chunk
    (a doubled quote, the escape of a quote, leaves it as it is)."""
    if not inside and b'"' not in data:
        return data.replace(b"\n", b"\r\n"), False
    pieces = data.split(b"\n")
    out = [pieces[0]]
    inside ^= bool(pieces[0].count(b'"') & 1)
    for piece in pieces[1:]:
        out.append(b"\n" if inside else b"\r\n")
        out.append(piece)
        inside ^= bool(piece.count(b'"') & 1)
    return b"".join(out), inside


def _sqlite_csv_cell(expression: str, delimiter: str) -> str:
    """A text cell as core.downloads.csv_text writes it: NULL empty; quoted, with doubled quotes, when it holds the
    delimiter, the other separator, a quote or a line break; with the other separator, each formula trigger or quote
    right after it escaped by an apostrophe (M2 of the fifty-seventh review). The replacements run on those cells
    only (a few): one more condition in the same CASE, not a pass over every cell."""
    other = OTHER_SEPARATOR[delimiter]
    escaped = expression
    for trigger in INNER_ESCAPED:
        after = f"'{trigger}'" if trigger.isprintable() else f"char({ord(trigger)})"
        escaped = f"replace({escaped}, '{other}' || {after}, '{other}''' || {after})"
    quoted = """'"' || replace({}, '"', '""') || '"'"""
    return (
        f"CASE WHEN {expression} IS NULL THEN '' WHEN instr({expression}, '{other}') THEN {quoted.format(escaped)} "
        f"""WHEN instr({expression}, '{delimiter}') OR instr({expression}, '"') """
        f"OR instr({expression}, char(10)) OR instr({expression}, char(13)) "
        f"THEN {quoted.format(expression)} ELSE {expression} END"
    )


def _csv_expressions(vendor: str, delimiter: str, ppks: dict[str, str]) -> tuple[list, set[int]]:
    """The export's cells as text expressions, in EXPORT_COLUMNS' order (dates as ISO text: PostgreSQL's to_char,
    SQLite stores them so), and the positions of those that can never need CSV quotes (numbers, dates, codes and
    masked numbers, labels without the delimiter, a quote or a line break); the PPKS labels (CATEGORIES_CELL) are
    left empty here and joined by _database_csv."""
    text = CharField()
    plain: list = []  # the expressions that never need quotes

    def unquoted(expression):
        plain.append(expression)
        return expression

    def escaped(expression):
        # As core.downloads.escape_formula; NULL instead of "" so that COPY writes an empty cell, not "".
        return NullIf(
            Case(
                When(In(Left(expression, 1), list(ESCAPED_STARTS)), then=Concat(Value("'"), expression)),
                default=expression,
                output_field=text,
            ),
            Value(""),
        )

    def label(field: str, choices, *, keep_code: bool = False):
        names = {code: escape_formula(str(name)) for code, name in choices if code}
        whens = [When(**{field: code}, then=Value(name)) for code, name in names.items()]
        expression = Case(*whens, default=F(field) if keep_code else Value(None), output_field=text)
        # A stored code outside the choices cannot be entered; the labels are known here.
        needs_quotes = set(delimiter + OTHER_SEPARATOR[delimiter] + '"\r\n')
        return expression if any(set(name) & needs_quotes for name in names.values()) else unquoted(expression)

    def day(field: str):
        if vendor == "sqlite":
            return unquoted(Cast(F(field), text))
        return unquoted(Func(F(field), Value("YYYY-MM-DD"), function="to_char", output_field=text))

    cells = [
        unquoted(Cast(F("person_id"), text)), escaped(F("person__full_name")),
        label("person__sex", Sex.choices, keep_code=True), day("person__birth_date"),
        unquoted(Case(When(person__birth_date_estimated=True, then=Value(_("Ya"))), default=None, output_field=text)),
        escaped(F("person__birth_place")), unquoted(escaped(F("person__nik_masked"))),
        label("person__nik_missing_reason", MissingIdReason.choices), unquoted(escaped(F("person__kk_masked"))),
        label("person__kk_missing_reason", MissingIdReason.choices), unquoted(escaped(F("person__origin_region_id"))),
        Value(None, output_field=text),  # CATEGORIES_CELL: joined by _database_csv
        label("ppks_category__code", ppks.items(), keep_code=True),
        label("person__disability_type", DisabilityType.choices),
        escaped(F("person__mother_name")), escaped(F("person__father_name")), escaped(F("person__guardian_name")),
        escaped(F("person__guardian_relation")), escaped(F("person__guardian_phone")),
        escaped(Coalesce(NullIf(F("organisation__registration_number"), Value("")), F("organisation__name"))),
        escaped(F("regency_code")),  # REGENCY_CELL: its name joined by _database_csv
        label("setting", ServiceSetting.choices, keep_code=True),
        day("admitted_on"), label("status", PlacementStatus.choices, keep_code=True),
        label("stage", CaseStage.choices), day("discharged_on"), label("discharge_reason", DischargeReason.choices),
        unquoted(Cast(F("person__version"), text)),
        unquoted(Case(When(person__is_restricted=True, then=Value(_("Ya"))), default=None, output_field=text)),
    ]  # fmt: skip
    return cells, {index for index, cell in enumerate(cells) if any(cell is p for p in plain)}


def category_codes(person_ids: list[int]) -> list[tuple[int, str]]:
    """(person id, PPKS code) of these people, in one bare query: an ORM filter with 10,000 parameters costs more to
    compile than to run."""
    through = Person.ppks_categories.through
    table = connection.ops.quote_name(through._meta.db_table)
    terms = connection.ops.quote_name(Term._meta.db_table)
    condition, params = in_condition("c.person_id", person_ids, vendor=connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT c.person_id, t.code FROM {table} c JOIN {terms} t ON t.id = c.term_id WHERE {condition}", params
        )
        return cursor.fetchall()


EXPORT_FIELDS = (
    "person_id", "person__full_name", "person__sex", "person__birth_date", "person__birth_date_estimated",
    "person__birth_place", "person__nik_masked", "person__nik_missing_reason", "person__kk_masked",
    "person__kk_missing_reason", "person__origin_region_id", "person__disability_type", "person__mother_name",
    "person__father_name", "person__guardian_name", "person__guardian_relation", "person__guardian_phone",
    "organisation__registration_number", "organisation__name", "regency_code", "ppks_category__code", "setting",
    "admitted_on", "status", "stage", "discharged_on", "discharge_reason", "person__version", "person__is_restricted",
)  # fmt: skip
EXPORT_COLUMNS: list[Column] = [
    Column("id", _lazy("ID")),
    HEADERS["full_name"], HEADERS["sex"], HEADERS["birth_date"], HEADERS["birth_date_estimated"],
    HEADERS["birth_place"], Column("nik_masked", _lazy("NIK (disamarkan)")), HEADERS["nik_missing_reason"],
    Column("kk_masked", _lazy("Nomor KK (disamarkan)")), HEADERS["kk_missing_reason"],
    HEADERS["origin_code"], HEADERS["ppks_categories"], HEADERS["ppks_category"], HEADERS["disability_type"],
    HEADERS["mother_name"], HEADERS["father_name"], HEADERS["guardian_name"], HEADERS["guardian_relation"],
    HEADERS["guardian_phone"], HEADERS["lks"], HEADERS["lks_regency"],
    HEADERS["setting"], HEADERS["admitted_on"], Column("status", _lazy("Status")),
    Column("stage", _lazy("Tahap kasus")),
    HEADERS["discharged_on"], HEADERS["discharge_reason"], HEADERS["version"],
    Column("is_restricted", _lazy("Pemrosesan dibatasi")),
]  # fmt: skip
