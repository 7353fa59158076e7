"""What a list page says about filters its export would refuse: one message for the page and the download."""

from typing import TYPE_CHECKING

from .columns import filter_problems, scope_filter_problem

if TYPE_CHECKING:
    from sinergi.accounts.models import User


def list_filter_problem(*, filterset, actor: "User", action: str, levels: tuple[int, ...] = (2, 5, 8, 13)) -> str:
    """Why a list's filters cannot be applied (a value that is not offered, a region code of no region or outside the
    account's work area, an LKS outside it), in the words its export refuses them with: the page must say it rather
    than show an empty list that reads as "nothing matches". "" when they apply."""
    if not filterset.is_valid():
        return filter_problems(filterset)
    return scope_filter_problem(actor=actor, action=action, filters=filterset.data, levels=levels)
