"""What follows a clients import's write: the access-log lines of the records its result shows, the summaries,
the planner's statistics, admissions committed meanwhile looked at again, and the audit's counts."""

from collections.abc import Sequence
from typing import Any

from django.db import transaction

from sinergi.exchange.columns import ImportContext, RowPlan
from sinergi.exchange.dbwrite import refresh_statistics

from ....models import Consent, Person, PersonAccess, Placement
from ....services.duplicates import admissions_committed
from ...common import access_lines_write, result_shown, result_shown_what
from ..state import _state

ANALYZE_AFTER = 10_000  # rows created, after which the planner's statistics are refreshed


class ClientWriteFinish:
    """What follows the write: access-log lines, summaries, statistics, the audit's counts."""

    def result_checked(
        self, plans: list[RowPlan], ctx: ImportContext, *, refused: bool, quoting: Sequence[RowPlan] = ()
    ) -> None:
        # Besides common.result_shown's: a warning's transfer date, withdrawn consent or stored name, a stored
        # mother's name a new row's warning quotes. A possible duplicate names nobody (_duplicate_warning).
        quoted = _state(ctx).quoted if "clients" in ctx.cache else set()
        shown = result_shown(
            plans, refused=refused, quoting=quoting, quoted=quoted, record_id=lambda plan: plan.obj.person_id
        )
        access_lines_write(PersonAccess, "person_id", ctx, sorted(shown), result_shown_what(ctx))

    def after_import(self, ctx: ImportContext) -> None:
        if "clients" in ctx.cache:
            # One aggregated upsert per summary table for the whole file.
            state = _state(ctx)
            state.delta.write()
            if state.created >= ANALYZE_AFTER:
                refresh_statistics(Person, Placement, Person.ppks_categories.through, Consent, PersonAccess)
            if state.created_ids:
                # People admitted elsewhere by someone else while this import ran were not seen by its check: looked
                # for again once it has committed, if anyone did (robust: the import stands either way).
                transaction.on_commit(
                    lambda: admissions_committed(
                        actor=ctx.actor, person_ids=state.created_ids, clock_before=state.clock_before
                    ),
                    robust=True,
                )

    def audit_data(self, ctx: ImportContext) -> dict[str, Any]:
        return dict(_state(ctx).counts) if "clients" in ctx.cache else {}
