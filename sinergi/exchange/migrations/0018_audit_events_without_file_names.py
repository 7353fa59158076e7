"""Import events written before this release named the uploaded file (digits masked, names not), in their object's
label and their data; people name files after a child or a family card, and an audit event outlives the erasure of
either. They keep the file's type, as new events do, and name the import by its number."""

from pathlib import PurePath

from django.db import migrations


def _file_type(name: str) -> str:
    suffix = PurePath(name).suffix.lower()
    return suffix if len(suffix) <= 10 and suffix[1:].isalnum() else ""


def file_names_out_of_the_audit(apps, schema_editor) -> None:
    AuditEvent = apps.get_model("audit", "AuditEvent")
    events = AuditEvent.objects.filter(action__startswith="exchange.import.")
    changed = []
    for event in events.only("pk", "object_type", "object_id", "object_repr", "data").iterator(chunk_size=2000):
        data = dict(event.data or {})
        if "file" in data:
            data["file_type"] = _file_type(str(data.pop("file")))
        label = f"{data.get('entity', 'impor')} #{event.object_id}" if event.object_type == "exchange.importjob" else ""
        if data != event.data or (label and event.object_repr != label):
            event.data = data
            event.object_repr = label or event.object_repr
            changed.append(event)
        if len(changed) >= 2000:
            AuditEvent.objects.bulk_update(changed, ["data", "object_repr"])
            changed = []
    AuditEvent.objects.bulk_update(changed, ["data", "object_repr"])


class Migration(migrations.Migration):
    dependencies = [
        ("exchange", "0017_import_job_access_key"),
        ("audit", "0001_initial"),
    ]

    operations = [migrations.RunPython(file_names_out_of_the_audit, migrations.RunPython.noop)]
