"""Import events written before this release named the uploaded file (digits masked, names not), in their object's
label and their data; people name files after a child or a family card, and an audit event outlives the erasure of
either. They keep the file's type, as new events do, and name the import by its number; a sheet's name goes too."""

from pathlib import PurePath

from django.db import migrations, transaction


def _file_type(name: str) -> str:
    suffix = PurePath(name).suffix.lower()
    return suffix if len(suffix) <= 10 and suffix[1:].isalnum() else ""


def file_names_out_of_the_audit(apps, schema_editor) -> None:
    AuditEvent = apps.get_model("audit", "AuditEvent")
    last = 0
    while True:  # in batches, each committed on its own: the application's saves write events meanwhile
        events = list(
            AuditEvent.objects.filter(pk__gt=last, action__startswith="exchange.import.")
            .order_by("pk")
            .only("pk", "object_type", "object_id", "object_repr", "data")[:2000]
        )
        if not events:
            return
        changed = []
        for event in events:
            data = dict(event.data or {})
            if "file" in data:
                data["file_type"] = _file_type(str(data.pop("file")))
            data.pop("sheet", None)  # named after a child as often as the file (the fifty-fifth review)
            label = (
                f"{data.get('entity', 'impor')} #{event.object_id}" if event.object_type == "exchange.importjob" else ""
            )
            if data != event.data or (label and event.object_repr != label):
                event.data = data
                event.object_repr = label or event.object_repr
                changed.append(event)
        with transaction.atomic():
            AuditEvent.objects.bulk_update(changed, ["data", "object_repr"])
        last = events[-1].pk


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("exchange", "0017_import_job_access_key"),
        ("audit", "0001_initial"),
    ]

    operations = [migrations.RunPython(file_names_out_of_the_audit, migrations.RunPython.noop)]
