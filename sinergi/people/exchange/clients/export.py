"""The clients export's driving methods: its columns and filters, the queryset of the stays an actor may export,
the count, the CSV the database writes (PostgreSQL's COPY, SQLite's CSV) and the rows of a spreadsheet export. Apart
from `export_sql`, which holds the columns and SQL cell expressions these methods drive."""

from typing import TYPE_CHECKING

from django.db import connection
from django.db.models import CharField, F, IntegerField, Value
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action
from sinergi.core.bulk import chunks
from sinergi.core.downloads import (
    CSV_DELIMITERS,
    ESCAPED_STARTS,
    OTHER_SEPARATOR,
)
from sinergi.core.errors import ValidationError
from sinergi.exchange.columns import (
    Column,
    filter_problems,
    labels_joined,
    scope_filter_problem,
    term_labels,
)
from sinergi.exchange.dbwrite import (
    bulk_insert_rows,
    execute_beside,
    write_beside_open_read,
)
from sinergi.regions.models import Region
from sinergi.regions.selectors import regency_names
from sinergi.vocabularies.models import Term, Vocabulary

from ...access import actor_label
from ...choices import (
    CaseStage,
    DisabilityType,
    DischargeReason,
    MissingIdReason,
    PlacementStatus,
    ServiceSetting,
    Sex,
)
from ...models import Person, PersonAccess, Placement
from ..common import export_purpose
from .export_sql import (
    _CELL_BREAK,
    CATEGORIES_CELL,
    COPY_ROWS_PER_CHUNK,
    EXPORT_CHUNK,
    EXPORT_COLUMNS,
    EXPORT_FIELDS,
    REGENCY_CELL,
    _crlf_records,
    _csv_expressions,
    _line_requoted,
    _record_requoted,
    _sqlite_csv_cell,
    category_codes,
)

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


class ClientExport:
    """Exports the clients an actor may see, as CSV written by the database or as spreadsheet rows."""

    # ------------------------------------------------------------------ export
    def export_columns(self) -> list[Column]:
        return EXPORT_COLUMNS

    def export_filterset(self, *, actor: "User | SystemActor", filters):
        from ...selectors import person_list

        return person_list(actor=actor, filters=filters or {}, action=Action.PERSON_EXPORT)

    def export_queryset(self, *, actor: "User | SystemActor", filters: dict | None = None, purpose: str = ""):
        purpose = export_purpose(purpose)
        filterset = self.export_filterset(actor=actor, filters=filters)
        if not filterset.is_valid():
            raise ValidationError(filter_problems(filterset))
        if problem := scope_filter_problem(
            actor=actor, action=Action.PERSON_EXPORT, filters=filters or {}, levels=(2, 5)
        ):
            raise ValidationError(problem)
        is_user = getattr(actor, "is_authenticated", False)
        # export_rows receives only the rows; the acting user rides along so the access log can name them.
        return (
            # Only the stay at the person's current LKS (earlier ones, before a transfer, are history) — compared
            # in export_rows: as a join condition it let SQLite's planner, without statistics, walk every
            # placement of the LKS for every person (minutes for 100,000 rows instead of half a second).
            Placement.objects.filter(person__in=filterset.qs.values("pk"))
            .order_by("person__full_name", "person_id", "admitted_on", "pk")
            .annotate(
                _actor_id=Value(actor.pk if is_user else None, output_field=IntegerField()),
                _actor_name=Value(actor_label(actor), output_field=CharField()),
                _purpose=Value(purpose, output_field=CharField()),
            )
            .values_list(
                *EXPORT_FIELDS, "organisation_id", "person__organisation_id", "_actor_id", "_actor_name", "_purpose"
            )
        )

    def export_count(self, queryset) -> int:
        # export_rows writes the stays at each person's current LKS only (earlier ones elsewhere are history).
        return queryset.filter(organisation_id=F("person__organisation_id")).count()

    def export_csv_chunks(self, *, queryset, actor: "User | SystemActor", purpose: str = "", delimiter: str = ","):
        """The rows formatted (labels, masked numbers, escapes, dates) and made into CSV by the database: PostgreSQL
        writes it with COPY ... TO STDOUT, SQLite builds each line in the query. Everyone exported gets an access-log
        line first, in one INSERT ... SELECT. The same cells as export_rows (a test compares the two)."""
        if connection.vendor not in ("postgresql", "sqlite"):
            return None
        if delimiter not in CSV_DELIMITERS.values():
            raise ValueError(f"Unknown CSV delimiter {delimiter!r}")  # it is written into the statement
        return self._database_csv(queryset, actor, export_purpose(purpose), delimiter)

    def _database_csv(self, queryset, actor: "User | SystemActor", purpose: str, delimiter: str):
        current = queryset.filter(organisation_id=F("person__organisation_id"))
        is_user = getattr(actor, "is_authenticated", False)
        people_sql, people_params = current.order_by().values_list("person_id").distinct().query.sql_with_params()
        access = connection.ops.quote_name(PersonAccess._meta.db_table)
        # The access log is written beside the export's own query (both take about as long), and is committed
        # before the first byte of the file goes out. In person order: the log's (person, time) index then reads
        # each page once.
        logged = execute_beside(
            f"INSERT INTO {access} (person_id, actor_id, actor_name, occurred_at, what, purpose) "
            f"SELECT s.person_id, %s, %s, %s, %s, %s FROM ({people_sql}) s ORDER BY s.person_id",
            [actor.pk if is_user else None, actor_label(actor), timezone.now(), "exported",
             purpose, *people_params],
        )  # fmt: skip
        vendor = connection.vendor
        ppks = term_labels(Vocabulary.PPKS, fresh=True)
        cells, plain = _csv_expressions(vendor, delimiter, ppks)
        # The PPKS labels of a person, in the vocabulary's order (as export_rows writes them); the whole cell is escaped
        # as a formula only when some label could start one.
        label_of = f"CASE t.code {'WHEN %s THEN %s ' * len(ppks)}ELSE t.code END" if ppks else "t.code"
        label_params = [item for pair in ppks.items() for item in pair]

        def formula_escaped(expression: str) -> str:
            if not any(label.startswith(ESCAPED_STARTS) for label in ppks.values()):
                return expression
            char = "chr" if vendor == "postgresql" else "char"
            triggers = ", ".join(
                "'" + c.replace("'", "''") + "'" if c.isprintable() else f"{char}({ord(c)})" for c in ESCAPED_STARTS
            )
            return (
                f"CASE WHEN substr({expression}, 1, 1) IN ({triggers}) THEN '''' || {expression} ELSE {expression} END"
            )

        names = [f"c{index:02d}" for index in range(len(cells))]
        rows = current.order_by().annotate(
            **dict(zip(names, cells, strict=True)),
            s1=F("person__full_name"), s2=F("person_id"), s3=F("admitted_on"), s4=F("pk"),
        )  # fmt: skip
        sql, params = rows.values_list(*names, "s1", "s2", "s3", "s4").query.sql_with_params()
        through = connection.ops.quote_name(Person.ppks_categories.through._meta.db_table)
        terms = connection.ops.quote_name(Term._meta.db_table)
        regions = connection.ops.quote_name(Region._meta.db_table)
        if vendor == "postgresql":
            # The PPKS labels of the exported people, aggregated once and joined (a subquery per row costs a second).
            outer = {
                CATEGORIES_CELL: formula_escaped("NULLIF(k.labels, '')"),
                REGENCY_CELL: f"COALESCE(g.name, q.{REGENCY_CELL})",
            }
            selected = ", ".join(outer.get(name, f"q.{name}") for name in names)
            statement = (
                f"COPY (WITH q AS ({sql}), k AS (SELECT c.person_id, "
                f"string_agg({label_of}, '; ' ORDER BY t.sort_order, t.code) AS labels "
                # (a person once per stay in q: their labels are gathered over the people, not the stays)
                f"FROM (SELECT DISTINCT s2 FROM q) p JOIN {through} c ON c.person_id = p.s2 "
                f"JOIN {terms} t ON t.id = c.term_id "
                f"GROUP BY c.person_id) SELECT {selected} FROM q LEFT JOIN k ON k.person_id = q.s2 "
                f"LEFT JOIN {regions} g ON g.code = q.{REGENCY_CELL} "
                f"ORDER BY q.s1, q.s2, q.s3, q.s4) TO STDOUT WITH (FORMAT csv, DELIMITER '{delimiter}')"
            )
            params = [*params, *label_params]
            with connection.cursor() as cursor, cursor.cursor.copy(statement, params) as copy:
                rows: list[bytes] = []
                inside = False  # within a quoted cell, across the rows COPY hands over
                other = OTHER_SEPARATOR[delimiter].encode()
                for data in copy:
                    record = bytes(data)
                    # COPY quotes for its delimiter only: the (few) rows with the other separator, a tab or a line
                    # break in a cell (before the record's own) are written again, as csv_text writes them.
                    # (tested one by one, without a generator or a copy of the record: 100,000 records)
                    requote = (
                        other in record
                        or b"\t" in record
                        or b"\r" in record
                        or record.find(b"\n", 0, len(record) - 1) != -1
                    )
                    rows.append(_record_requoted(record, delimiter) if requote else record)
                    if len(rows) == COPY_ROWS_PER_CHUNK:
                        logged()
                        chunk, inside = _crlf_records(b"".join(rows), inside)
                        rows = []
                        yield chunk
                logged()  # also when nothing was exported: wait for (and check) the log
                if rows:
                    yield _crlf_records(b"".join(rows), inside)[0]
            return
        # SQLite: one text per row, each cell quoted as Python's csv module quotes it. The cells are computed once
        # (MATERIALIZED: the quoting reads each several times); the labels by a subquery per row on the
        # (person, term) index, in the vocabulary's order.
        labels = (
            f"(SELECT group_concat(label, '; ') FROM (SELECT {label_of} AS label FROM {through} c "
            f"JOIN {terms} t ON t.id = c.term_id WHERE c.person_id = q.s2 ORDER BY t.sort_order, t.code))"
        )
        params = [*params, *label_params]
        inner = {
            CATEGORIES_CELL: f"{labels} AS {CATEGORIES_CELL}",
            REGENCY_CELL: f"coalesce(g.name, q.{REGENCY_CELL}) AS {REGENCY_CELL}",
        }
        cells_sql = ", ".join(inner.get(name, f"q.{name}") for name in names)
        line = f" || '{delimiter}' || ".join(
            f"coalesce(r.{name}, '')"
            if index in plain
            else _sqlite_csv_cell(formula_escaped(f"r.{name}") if name == CATEGORIES_CELL else f"r.{name}", delimiter)
            for index, name in enumerate(names)
        )
        statement = (
            f"WITH q AS ({sql}), r AS MATERIALIZED (SELECT {cells_sql}, q.s1, q.s2, q.s3, q.s4 FROM q "
            f"LEFT JOIN {regions} g ON g.code = q.{REGENCY_CELL}) "
            f"SELECT {line} FROM r ORDER BY r.s1, r.s2, r.s3, r.s4"
        )
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            logged()
            while lines := cursor.fetchmany(2000):
                # The (few) lines with a tab or a line break in a cell are written again by csv_text, which escapes
                # a formula trigger after one (sixtieth review): done in SQL, its 28 nested replace() overflowed
                # SQLite's parser stack.
                # A block of lines is searched at once (nearly all have none), then line by line only when needed.
                texts = [text for (text,) in lines]
                joined = "".join(texts)
                if "\t" in joined or "\n" in joined or "\r" in joined:
                    texts = [_line_requoted(text, delimiter) if _CELL_BREAK.search(text) else text for text in texts]
                yield ("\r\n".join(texts) + "\r\n").encode("utf-8")

    def export_rows(self, objects):
        sexes, settings_, reasons, statuses = (
            {code: str(label) for code, label in choices.choices}
            for choices in (Sex, ServiceSetting, DischargeReason, PlacementStatus)
        )
        disabilities = {code: str(label) for code, label in DisabilityType.choices if code}
        stages = {code: str(label) for code, label in CaseStage.choices}
        missing = {code: str(label) for code, label in MissingIdReason.choices}
        regencies = regency_names()
        ppks = term_labels(Vocabulary.PPKS, fresh=True)
        yes = _("Ya")
        for chunk in chunks(objects, EXPORT_CHUNK):
            chunk = [row for row in chunk if row[-5] == row[-4]]
            if not chunk:
                continue
            categories: dict[int, list[str]] = {row[0]: [] for row in chunk}
            for person_id, code in category_codes(list(categories)):
                categories[person_id].append(code)
            actor_id, actor_name, purpose = chunk[0][-3:]
            # Every exported person gets an access-log line (UU PDP), written in bulk as the file streams out.
            logged = [(pk, actor_id, actor_name, "exported", purpose) for pk in categories]
            write_beside_open_read(  # the rows are still being read (an iterator)
                lambda logged=logged: bulk_insert_rows(
                    PersonAccess, ["person_id", "actor_id", "actor_name", "what", "purpose"], logged, with_ids=False
                )
            )
            for row in chunk:
                (pk, name, sex, birth, estimated, place, nik, reason, kk, kk_reason, origin, disability, mother, father,
                 guardian, relation, phone, lks_number, lks_name, regency, primary, setting, admitted, status,
                 stage, discharged, discharge_reason, version, restricted, _lks, _person_lks, _actor, _name,
                 _purpose) = row  # fmt: skip
                # Empty cells as None: a spreadsheet writer skips them instead of writing empty strings.
                yield [
                    pk, name, sexes.get(sex, sex), birth, yes if estimated else None, place or None, nik or None,
                    missing.get(reason),
                    kk or None, missing.get(kk_reason), origin, labels_joined(categories[pk], ppks),
                    ppks.get(primary, primary),
                    disabilities.get(disability), mother or None, father or None, guardian or None,
                    relation or None, phone or None, lks_number or lks_name, regencies.get(regency, regency),
                    settings_.get(setting, setting), admitted, statuses.get(status, status), stages.get(stage),
                    discharged, reasons.get(discharge_reason), version, yes if restricted else None,
                ]  # fmt: skip
