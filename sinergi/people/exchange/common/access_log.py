"""The access log (UU PDP) of the people's imports and exports: an export's purpose, which stored records a trial's
or a refused import's result shows, and the bulk insert of one access-log line per person or worker.
"""

from collections.abc import Callable, Iterable, Sequence

from sinergi.audit.services import client_ip
from sinergi.exchange.columns import ImportContext, RowPlan
from sinergi.exchange.dbwrite import bulk_insert_rows

from ...choices import AccessPurpose


def export_purpose(purpose: str) -> str:
    """The access purpose of an export of people (clients or workers): every exported person is logged with why
    (UU PDP), so the caller must have asked; a programming error otherwise."""
    if purpose not in AccessPurpose.values:
        raise ValueError(f"An export of people needs an access purpose (one of AccessPurpose), not {purpose!r}.")
    return purpose


def result_shown(
    plans: list[RowPlan],
    *,
    refused: bool,
    quoting: Sequence[RowPlan],
    quoted: set[int],
    record_id: Callable[[RowPlan], int],
) -> set[int]:
    """The stored records whose values a trial's, or a refused import's, result shows (Entity.result_checked): an
    update's before → after
    (not when refused), a warning on a stored record's row, a record a new row's warning quotes (extra["shows"]),
    the records refused rows' problems quote (`quoting`, and `quoted` by the entity's state). An unchanged row
    without a warning shows only a count, a new row only the file's own values."""
    shown = {
        record_id(plan)
        for plan in plans
        if plan.action != "create" and (plan.warnings or (plan.action == "update" and not refused))
    }
    for plan in plans:
        shown.update(plan.extra.get("shows", ()))
    shown.update(record_id(plan) for plan in quoting)
    return shown | quoted


def result_shown_what(ctx: ImportContext) -> str:
    """The access-log word for what a trial's, or a refused import's, result shows (Entity.result_checked)."""
    return "import_checked" if ctx.cache.get("dry_run") else "import_refused_checked"


def access_lines_write(model, subject_field: str, ctx: ImportContext, ids: Iterable[int], what: str) -> None:
    """An access-log line per person or worker (`model`: PersonAccess or WorkerAccess) in one bulk insert of rows,
    not model instances: an import may name 100,000 of them."""
    actor = ctx.actor
    actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None
    actor_name = actor.get_username() if actor_id else ""
    fields = [subject_field, "actor_id", "actor_name", "what", "purpose"]
    line = (actor_id, actor_name, what, AccessPurpose.SERVICE)
    if address := client_ip(None):  # the upload's, for an import the task worker runs (none from the command line)
        fields, line = [*fields, "ip_address"], (*line, address)
    bulk_insert_rows(model, fields, [(pk, *line) for pk in ids], with_ids=False)
