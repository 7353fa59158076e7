from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """A message for one user, shown in the app and (optionally) sent by e-mail."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("jenis"), max_length=60, db_index=True)  # e.g. meetings.invitation, referrals.received
    title = models.CharField(_("judul"), max_length=200)
    body = models.TextField(_("isi"), blank=True)
    link = models.CharField(_("tautan"), max_length=300, blank=True)  # a path inside Sinergi
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # Lets a reminder be sent once per subject and day, however often the reminder command runs.
    dedup_key = models.CharField(max_length=200, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread_idx")]
        # Two runs of the hourly reminders at once may each find a reminder unsent: one row is kept (notify skips
        # the other, and mails only what it wrote).
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedup_key"], condition=~Q(dedup_key=""), name="notification_once_per_dedup_key"
            )
        ]
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")

    def __str__(self) -> str:
        return f"{self.recipient_id}: {self.title}"
