"""Create forms that save once, whatever reaches the server twice.

On a slow or flaky link the same form arrives twice: a second tap the page's script did not catch, or the user sending
again after a dead zone swallowed the first answer (the first was saved). Each such form carries a one-time key made
when its page was rendered (`{% form_key %}`); the view, wrapped in `sent_once`, records the key before it saves, and
a key seen before is answered with the first sending's outcome (where it redirected) instead of a second client,
incident or referral. A sending that did not save (its form came back with errors, or it failed) frees its key, so the
corrected form goes through.
"""

import datetime
import functools
import time
import uuid
from collections.abc import Callable

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import FormSubmission

FIELD = "form_key"
KEPT = datetime.timedelta(days=1)
# How long a repeat waits for the first sending's answer (a slow save on a busy server) before saying so.
WAIT_SECONDS = 5.0
# A first sending still unanswered after this long is taken for dead (a worker killed mid-save), not for slow.
ABANDONED_AFTER = datetime.timedelta(seconds=60)


def new_key() -> str:
    return str(uuid.uuid4())


def _key(request: HttpRequest) -> uuid.UUID | None:
    try:
        return uuid.UUID(request.POST.get(FIELD, ""))
    except ValueError:
        return None


def sent_once(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wraps a view's POST handler (a function view, or a class-based view's `post`: the request is the first
    argument that is an HttpRequest). A form without a key (an old page, a script) is handled as before."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs) -> HttpResponse:
        request = next(arg for arg in args if isinstance(arg, HttpRequest))
        key = _key(request)
        if request.method != "POST" or key is None or not request.user.is_authenticated:
            return view(*args, **kwargs)
        claim = _claim(request, key)
        if isinstance(claim, HttpResponse):
            return claim
        try:
            response = view(*args, **kwargs)
        except BaseException:
            FormSubmission.objects.filter(pk=claim.pk).delete()
            raise
        if response.status_code in (301, 302, 303) and response.get("Location") and _said_saved(request):
            FormSubmission.objects.filter(pk=claim.pk).update(outcome=response["Location"][:300])
        else:
            # Nothing saved (the form came back with errors, or a refusal was redirected): it may be sent again.
            FormSubmission.objects.filter(pk=claim.pk).delete()
        FormSubmission.objects.filter(user=request.user, created_at__lt=timezone.now() - KEPT).delete()
        return response

    return wrapped


def _said_saved(request: HttpRequest) -> bool:
    """Whether the view told the user it saved (a success message queued for the next page): a redirect alone may
    be a refusal sent back to the record's page, and a repeat must not be told that it was saved."""
    queued = getattr(getattr(request, "_messages", None), "_queued_messages", [])
    return any(message.level == messages.SUCCESS for message in queued)


def _claim(request: HttpRequest, key: uuid.UUID) -> FormSubmission | HttpResponse:
    """The key recorded for this sending; or, if an earlier sending holds it, that sending's outcome (waited for a
    while if it is still being saved). A key freed meanwhile (the earlier sending saved nothing) is claimed again."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            with transaction.atomic():
                return FormSubmission.objects.create(user=request.user, key=key)
        except IntegrityError:
            pass
        row = FormSubmission.objects.filter(user=request.user, key=key).values_list("outcome", "created_at").first()
        earlier = row[0] if row else None
        if row and not earlier and row[1] < timezone.now() - ABANDONED_AFTER:
            # A sending whose worker died mid-save left its key: nothing to wait for (the fifty-fifth review)
            FormSubmission.objects.filter(user=request.user, key=key, outcome="").delete()
            continue
        if earlier:
            messages.info(
                request,
                _("Formulir ini sudah terkirim dan tersimpan; ini hasilnya. Tidak ada yang tersimpan dua kali."),
            )
            return redirect(earlier)
        if time.monotonic() >= deadline:
            return render(request, "errors/sent_twice.html", status=409)
        if earlier is not None:
            time.sleep(0.5)  # still being saved
