"""Referrals waiting on an LKS that is deactivated: it can no longer accept them, so their senders are told."""

from django.utils.translation import gettext_lazy as _lazy

from sinergi.notifications.services import notify, translated

from ..choices import ReferralStatus
from ..models import Referral
from ._common import _link, _sender_users


def referrals_receiver_closed(*, organisation_id: int, **_signal) -> int:
    """Tells the senders of each referral to this LKS not yet answered that the LKS is no longer active and that
    they may cancel the referral and refer the client elsewhere (the referral itself stays as it is: the sender
    decides). Returns how many notifications were written."""
    waiting = (
        Referral.objects.filter(to_organisation_id=organisation_id, status=ReferralStatus.SENT)
        .select_related("to_organisation", "from_organisation", "sent_by")
        .order_by("pk")
    )
    sent = 0
    for referral in waiting:
        receiver = referral.to_organisation.name
        sent += len(
            notify(
                recipients=_sender_users(referral),
                kind="referrals.receiver_inactive",
                title=translated(
                    _lazy("Rujukan #%(number)s: %(receiver)s sudah nonaktif"), number=referral.pk, receiver=receiver
                ),
                body=translated(
                    _lazy(
                        "%(receiver)s sudah dinonaktifkan dan tidak dapat lagi menerima rujukan ini. Anda dapat "
                        "membatalkan rujukan ini lalu merujuk klien ke LKS atau layanan lain."
                    ),
                    receiver=receiver,
                ),
                link=_link(referral),
            )
        )
    return sent
