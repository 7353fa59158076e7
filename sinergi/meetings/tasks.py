"""Background work of the meetings app: invitation e-mails, each with the participant's own links and QR codes."""

from email.mime.image import MIMEImage

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from .links import absolute, checkin_path, rsvp_path
from .models import Participant
from .qr import qr_png


def invitation_message(participant: Participant, *, base_url: str | None = None) -> EmailMultiAlternatives:
    """The invitation to one participant: text and HTML, the QR code of each day attached as an inline image."""
    meeting = participant.meeting
    days = [
        {
            "day": day,
            "checkin_url": absolute(checkin_path(participant, day.date), base_url),
            "cid": f"qr-{day.date.isoformat()}",
        }
        for day in meeting.days.all()
    ]
    context = {
        "participant": participant,
        "meeting": meeting,
        "agenda": list(meeting.agenda_items.all()),
        "days": days,
        "rsvp_url": absolute(rsvp_path(participant), base_url),
    }
    language = participant.user.preferred_language if participant.user_id else "id"
    with translation.override(language or "id"):
        subject = render_to_string("meetings/email/invitation_subject.txt", context).strip()
        text = render_to_string("meetings/email/invitation.txt", context)
        html = render_to_string("meetings/email/invitation.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[participant.email])
    message.attach_alternative(html, "text/html")
    message.mixed_subtype = "related"
    for day in days:
        image = MIMEImage(qr_png(day["checkin_url"]), _subtype="png")
        image.add_header("Content-ID", f"<{day['cid']}>")
        image.add_header("Content-Disposition", "inline", filename=f"presensi-{day['day'].date.isoformat()}.png")
        message.attach(image)
    return message


@task()
def meeting_invitation_emails(participant_ids: list[int]) -> int:
    """Sends the invitation e-mails of these participants; returns how many were sent."""
    sent = 0
    participants = Participant.objects.filter(pk__in=participant_ids).exclude(email="")
    for participant in participants.select_related("meeting", "user"):
        invitation_message(participant).send()
        sent += 1
    return sent


__all__ = ["invitation_message", "meeting_invitation_emails"]
