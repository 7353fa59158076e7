"""The inbox and the outbox: the referrals received in the user's scope, or sent from it."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views import View

from sinergi.core.pagination import paginate
from sinergi.organisations.choices import LKS_KINDS
from sinergi.organisations.models import Organisation
from sinergi.organisations.selectors import regency_names

from .. import selectors
from ..choices import ReferralStatus
from ._common import _require_role

BOXES = {"inbox": gettext_lazy("Rujukan masuk"), "outbox": gettext_lazy("Rujukan keluar")}


class ReferralListView(LoginRequiredMixin, View):
    """Inbox (referrals received in the user's scope) or outbox (sent from it); names only where allowed."""

    def get(self, request: HttpRequest) -> HttpResponse:
        _require_role(request.user)
        box = request.GET.get("box")
        if box not in BOXES:
            box = "outbox" if not selectors.operated_organisation_ids(request.user) else "inbox"
        queryset = selectors.referral_list(actor=request.user, box=box, filters=request.GET)
        page = paginate(request, queryset)
        levels = selectors.referral_levels(actor=request.user, referrals=page.object_list)
        context = {
            "box": box,
            "boxes": BOXES,
            "page": page,
            "rows": [(r, levels[r.pk]) for r in page.object_list],
            "statuses": ReferralStatus.choices,
            "status": request.GET.get("status", ""),
            "now": timezone.now(),
            "regency_names": regency_names([r.origin_regency_code for r in page.object_list]),
            "waiting": selectors.inbox_waiting_count(actor=request.user),
            "operates_lks": Organisation.objects.filter(
                pk__in=selectors.operated_organisation_ids(request.user), kind__in=LKS_KINDS
            ).exists(),
        }
        template = "referrals/list.html#results" if request.htmx else "referrals/list.html"
        return render(request, template, context)
