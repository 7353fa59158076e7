"""Before the constraint of 0003: removes the later of the notifications sent twice with the same dedup key to the
same user (two runs of `send_reminders` at once), keeping the first, which is the one most likely mailed and read."""

from django.db import migrations
from django.db.models import Exists, OuterRef

BATCH = 1000


def remove_later_duplicates(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    earlier = Notification.objects.filter(
        recipient_id=OuterRef("recipient_id"), dedup_key=OuterRef("dedup_key"), pk__lt=OuterRef("pk")
    )
    later = Notification.objects.exclude(dedup_key="").filter(Exists(earlier))
    # In batches: a server whose runs overlapped for years may hold many, and one DELETE of all would hold its
    # list in memory.
    while ids := list(later.order_by("pk").values_list("pk", flat=True)[:BATCH]):
        Notification.objects.filter(pk__in=ids).delete()


class Migration(migrations.Migration):
    dependencies = [("notifications", "0001_initial")]

    operations = [migrations.RunPython(remove_later_duplicates, migrations.RunPython.noop)]
