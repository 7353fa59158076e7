from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from sinergi.core.pagination import paginate
from sinergi.core.params import posted_id

from . import selectors, services


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    """The signed-in user's notifications."""
    page = paginate(request, selectors.notification_list(user=request.user), per_page=30)
    return render(request, "notifications/list.html", {"page": page})


@login_required
@require_POST
def notification_read(request: HttpRequest) -> HttpResponse:
    """Marks one notification (then follows its link) or all of them as read."""
    ids = [posted_id(request, "id")] if request.POST.get("id") else None  # none named: all of them
    services.notification_mark_read(user=request.user, notification_ids=ids)
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notifications:list")
