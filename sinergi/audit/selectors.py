from django.db.models import Model, QuerySet

from .models import AuditEvent


def audit_events_for(*, obj: Model) -> QuerySet[AuditEvent]:
    """The change history of one object, newest first. Callers check that the actor may see the object."""
    return AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).select_related("actor")
