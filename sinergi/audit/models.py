from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """A record of who did what to which object, when, from where and why; written explicitly by services."""

    occurred_at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pelaku"), null=True, blank=True, on_delete=models.SET_NULL
    )
    actor_name = models.CharField(max_length=150, blank=True)  # kept when the user is later removed
    action = models.CharField(_("tindakan"), max_length=100, db_index=True)  # e.g. organisations.organisation.verified
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(max_length=200, blank=True)
    changes = models.JSONField(_("perubahan"), default=dict, blank=True)  # {"field": [old, new]}
    data = models.JSONField(default=dict, blank=True)
    purpose = models.CharField(_("tujuan"), max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    # The provinces the event belongs to, fixed when it is written (",63," or ",62,63,"): its object's (a client's,
    # an LKS's, a referral's two ends) and its actor's roles then. A province admin reads the events of their
    # province; a role that ends later does not take its events out of the province's log (the fifty-fourth review).
    provinces = models.CharField(max_length=200, blank=True, default="")

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id", "-occurred_at"], name="audit_object_idx")]
        verbose_name = _("catatan audit")
        verbose_name_plural = _("catatan audit")

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_repr}"
