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
    # In batches, each going on from the last (the rows before it are kept): a server whose runs overlapped for
    # years may hold many, and one DELETE of all would hold their list in memory.
    after = 0
    while ids := list(later.filter(pk__gt=after).order_by("pk").values_list("pk", flat=True)[:BATCH]):
        Notification.objects.filter(pk__in=ids).delete()
        after = ids[-1]


class Migration(migrations.Migration):
    dependencies = [("notifications", "0001_initial")]

    operations = [migrations.RunPython(remove_later_duplicates, migrations.RunPython.noop)]
