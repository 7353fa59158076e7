"""What the registry pages share: how an organisation's change history names its fields, and a service's refusal
put onto a form."""

from django.utils.translation import gettext_lazy as _lazy

from sinergi.core.errors import ValidationError

# The one history key without a verbose_name on the model (the verifier is recorded by id).
HISTORY_LABELS = {
    "verified_by_id": _lazy("diverifikasi oleh"),
    # The LKS's intake rules (referrals) are recorded on the LKS: their fields, in the words of their form.
    "sex": _lazy("jenis kelamin yang diterima"),
    "min_age": _lazy("usia minimal"),
    "max_age": _lazy("usia maksimal"),
}
HISTORY_CHOICES = {"sex": [("L", _lazy("Hanya laki-laki")), ("P", _lazy("Hanya perempuan"))]}
# Derived from the region, which the history already names.
HISTORY_HIDDEN = ("province_code", "regency_code", "district_code", "village_code")


def _apply_errors(form, error: ValidationError) -> None:
    """Puts a service's ValidationError onto the form, field by field where it names fields."""
    if hasattr(error, "error_dict"):
        for field, field_errors in error.error_dict.items():
            for item in field_errors:
                form.add_error(field if field in form.fields else None, item.message % (item.params or {}))
    else:
        for message in error.messages:
            form.add_error(None, message)
