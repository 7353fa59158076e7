"""What a finished run keeps on its job for the page (_store_result): its counts, the first problems, the
problems and warnings grouped by column and rule, and the warnings as notices for `import_data`. Apart from the
run itself: these are about how a result is told, not how a file is read."""

import re

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import ngettext

from .. import runners
from ..models import ImportJob, ImportPhase, ImportStatus
from ..pipeline import ImportResult, Problem
from ._common import _numbers_masked

PAGE_PROBLEMS = 200  # problems kept on the job for the page; the report file has all of them
KEPT_VALUE_CHARS = 200  # of a problem cell's value kept on the job (the report file has the whole cell)


def kept_value(value: str) -> str:
    """A problem cell's value as the job keeps it for its page: a NIK or KK number masked (the job outlives its
    upload, and its row stays after the files are purged), a long cell cut."""
    value = _numbers_masked(value)
    return value if len(value) <= KEPT_VALUE_CHARS else value[: KEPT_VALUE_CHARS - 1] + "…"


PAGE_WARNING_KINDS = 50  # kinds of warning kept for the page (a message naming its value makes many kinds)


_STATUS = {
    "checked": ImportStatus.CHECKED,
    "succeeded": ImportStatus.SUCCEEDED,
    "refused": ImportStatus.REFUSED,
    "cancelled": ImportStatus.CANCELLED,
    "failed": ImportStatus.FAILED,
}


def _store_result(job: ImportJob, result: ImportResult) -> None:
    # Unconditionally: the run's own end is what happened, even over a settle that took it for dead (a retry
    # made meanwhile is a dry run, which then finds the saved rows unchanged).
    job.status = _STATUS[result.status]
    job.phase = ImportPhase.DONE
    job.finished_at = timezone.now()
    # Masked as the problems' cells are: a refusal of the whole file may quote a cell (a CSV's quoted cell as it reads).
    job.message = _numbers_masked(result.message)
    notices = [str(n) for n in result.notices]
    warning_lines = _warning_notices(result)
    job.notices = notices + warning_lines
    if result.rows_total or result.status not in ("cancelled", "failed"):
        job.rows_total = result.rows_total
        job.rows_done = result.rows_total
    # else: stopped before the end, the run says nothing of the file; the rows its progress counted stay (a cancelled
    # import of 60,000 rows is listed with them, not with 0).
    job.plan_digest = result.plan_digest
    job.sheet_choices = result.sheets
    job.absent_person_ids = result.absent_ids
    job.created_count = result.created
    job.updated_count = result.updated
    job.unchanged_count = result.unchanged
    job.refused_count = result.refused_rows
    job.problem_count = len(result.problems)
    # A problem of a whole column (at its header: "this column is month-first") first, as the report has it: it
    # explains the rows' problems below it, and was folded away after them, or past the page's first problems.
    whole_columns = sorted(result.problems, key=lambda p: p.row > result.header_row)
    job.problems = [
        [p.row, p.column, kept_value(p.value), _numbers_masked(p.message)] for p in whole_columns[:PAGE_PROBLEMS]
    ]
    job.preview = {k: list(v) for k, v in result.preview.items() if not k.startswith("_")}
    # Grouped over all the problems and warnings (the page keeps only the first ones of each): the page says
    # "1.999 baris: …" instead of listing the same message 200 times.
    if result.problems:
        job.preview["problem_groups"] = problem_groups(result.problems, header_row=result.header_row)
    if result.warnings:
        groups = warning_groups(result.warnings)
        job.preview["warnings"] = {
            "count": len(result.warnings),
            "kinds": len(groups),
            "groups": groups[:PAGE_WARNING_KINDS],
            # The notices holding these warnings as text (for `import_data`); the page shows the groups instead.
            "notices": [len(notices), len(notices) + len(warning_lines)],
        }
    # Not cancel_requested: a cancel that came after the last check is kept (the page says it came too late).
    job.save(update_fields=[*_RESULT_FIELDS, "error_report"])
    if runners.stop_requested("import", job.pk):
        ImportJob.objects.filter(pk=job.pk).update(cancel_requested=True)
    job.refresh_from_db(fields=["cancel_requested"])


_RESULT_FIELDS = [
    "status", "phase", "finished_at", "message", "notices", "rows_total", "rows_done", "created_count",
    "updated_count", "unchanged_count", "refused_count", "problem_count", "problems", "preview", "plan_digest",
    "sheet_choices", "absent_person_ids",
]  # fmt: skip


# The values a warning's words carry (a date, an age, a count): warnings that differ only in them are one kind. A
# name in quotes is words, digits and all ("LKSA Harapan 2" and "LKSA Harapan 3" are two LKS, not one with "…").
_WARNING_VALUES = re.compile(r"(“[^”]*”)|(\d{1,2}-\d{1,2}-\d{4}|\d+(?:[.,]\d+)*)")


def _warning_parts(message: str) -> list[str]:
    """A warning's message as words, value, words, value, ..., words (quoted names belong to the words)."""
    parts, words, at = [], [], 0
    for found in _WARNING_VALUES.finditer(message):
        words.append(message[at : found.start()])
        at = found.end()
        if found.group(1):  # a quoted name: kept with the words around it
            words.append(found.group(1))
            continue
        parts += ["".join(words), found.group(2)]
        words = []
    return [*parts, "".join(words) + message[at:]]


def warning_groups(warnings: list[Problem]) -> list[dict]:
    """Warnings of the same column and rule as one group, the most frequent first: its count and the first rows
    (every row, with its own message, is in the report). A rule's message names the row's values ("Usia 5 tahun saat
    masuk (16-01-2024) ..."): grouped by the words around them, and the values that differ within a group are shown
    as "…" (those all its rows share, such as the category's age limits, stay)."""
    groups: dict[tuple, dict] = {}
    for warning in warnings:
        parts = _warning_parts(warning.message)
        group = groups.get(key := (warning.column, tuple(parts[0::2])))
        if group is None:
            group = groups[key] = {"column": warning.column, "parts": parts, "count": 0, "rows": []}
        elif group["parts"] != parts:
            group["parts"] = [
                kept if index % 2 == 0 or kept == given else "…"
                for index, (kept, given) in enumerate(zip(group["parts"], parts, strict=True))
            ]
        group["count"] += 1
        if len(group["rows"]) < PAGE_PROBLEMS:
            group["rows"].append(warning.row)
    found = [
        {"column": g["column"], "message": "".join(g.pop("parts")), "count": g["count"], "rows": g["rows"]}
        for g in groups.values()
    ]
    return sorted(found, key=lambda g: -g["count"])  # stable: equal counts stay in row order


def problem_groups(problems: list[Problem], *, header_row: int = 0) -> list[dict]:
    """Problems per column, the column with most problem rows first: how many rows and the first ten of them.
    By column, not message: a cell's message names its value, so no two would be alike. A problem of the whole
    column (at the header) is no row of data: not counted ("27 baris" of a file of 26)."""
    rows: dict[str, list[int]] = {}
    for problem in problems:
        if problem.row <= header_row:
            continue
        seen = rows.setdefault(problem.column, [])
        if not seen or seen[-1] != problem.row:
            seen.append(problem.row)
    groups = [{"column": column, "count": len(numbers), "rows": numbers[:10]} for column, numbers in rows.items()]
    return sorted(groups, key=lambda g: -g["count"])


def _warning_notices(result: ImportResult) -> list[str]:
    """Warnings (rows that import but deserve a look, e.g. an age outside a category's rule) as notices, for
    `import_data`: a count, then one line per kind with its first rows (the page shows them from the groups)."""
    if not result.warnings:
        return []
    count = len(result.warnings)
    lines = [
        ngettext(
            "%(count)s peringatan (data tetap dapat diimpor; periksa baris berikut).",
            "%(count)s peringatan (data tetap dapat diimpor; periksa baris berikut).",
            count,
        )
        % {"count": number_format(count, force_grouping=True)}
    ]
    for group in warning_groups(result.warnings)[:PAGE_WARNING_KINDS]:
        where = f"{group['column']}: " if group["column"] else ""
        rows = group["rows"]
        lines.append(
            ngettext(
                "%(count)s baris: %(message)s (baris %(rows)s)",
                "%(count)s baris: %(message)s (baris %(rows)s)",
                group["count"],
            )
            % {
                "count": number_format(group["count"], force_grouping=True),
                "message": f"{where}{group['message']}",
                "rows": ", ".join(str(row) for row in rows[:10]) + ("…" if group["count"] > 10 else ""),
            }
        )
    return lines
