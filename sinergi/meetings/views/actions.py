"""Tindak lanjut rapat: the owner's list of open and overdue action items, and status changes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..choices import ACTION_TRANSITIONS, OWNER_TRANSITIONS, ActionStatus
from ..forms import ActionStatusForm
from ._common import attempt, form_errors


class MyActionItemsView(LoginRequiredMixin, View):
    """Action items owned by the organisations the user acts for; "semua" shows finished ones too."""

    def get(self, request: HttpRequest) -> HttpResponse:
        include_closed = request.GET.get("show") == "all"
        today = timezone.localdate()
        items = list(selectors.my_action_items(actor=request.user, include_closed=include_closed))
        rows = [
            {
                "item": item,
                "overdue": selectors.is_overdue(item, today),
                "next": [
                    ActionStatus(to)
                    for to in sorted(ACTION_TRANSITIONS.get(item.status, set()))
                    if (item.status, to) in OWNER_TRANSITIONS
                ],
            }
            for item in items
        ]
        context = {
            "rows": rows,
            "overdue_count": sum(1 for r in rows if r["overdue"]),
            "include_closed": include_closed,
            "today": today,
        }
        return render(request, "meetings/my_actions.html", context)


@login_required
@require_POST
def action_item_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The owner (or the organiser) moves an action item along the allowed transitions."""
    item = selectors.action_item_get(actor=request.user, pk=pk)
    form = ActionStatusForm(request.POST)
    if form.is_valid():
        label = ActionStatus(form.cleaned_data["status"]).label
        attempt(
            request,
            lambda: services.action_item_transition(
                actor=request.user,
                item=item,
                to_status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                request=request,
            ),
            _("Status tindak lanjut kini “%(status)s”.") % {"status": label},
        )
    else:
        messages.error(request, form_errors(form))
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("meetings:my_actions")
