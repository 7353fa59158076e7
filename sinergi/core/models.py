from django.conf import settings
from django.db import models


class TimeStampedModel(models.Model):
    """Abstract base that records when a row was created and last changed."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class HashKeyFingerprint(models.Model):
    """The one row that says which SINERGI_HASH_KEY made the stored NIK hashes and match keys (crypto.hash_key_verify):
    a hash of a fixed label, from which the key cannot be read back."""

    fingerprint = models.CharField(max_length=64)
    recorded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.fingerprint[:12]


class FormSubmission(models.Model):
    """A create form sent once (sinergi.core.once): the one-time key its page was given, and where its answer sent
    the user, so that the same form sent again (a retry after a dead zone, a second tap the page did not catch) is
    shown that answer instead of saving a second client or incident. Kept a day."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.UUIDField()
    created_at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="form_submission_once")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.key}"


class HousekeepingRun(models.Model):
    """When a step of the hourly run last succeeded, by name: a step that catches up on what it missed (the
    duplicates backstop) looks back to it, however long the hourly run was down."""

    name = models.CharField(max_length=60, unique=True)
    succeeded_at = models.DateTimeField()  # when that run started: the next one looks at what changed since

    def __str__(self) -> str:
        return f"{self.name} {self.succeeded_at:%Y-%m-%d %H:%M}"
