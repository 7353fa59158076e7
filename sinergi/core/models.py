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
