"""ExportJob.purpose: the access purpose a client export is logged with (asked of the user since this change).
Client exports already queued or running were asked for when the purpose was "reporting" implicitly: they keep it,
so that the worker can still write them."""

from django.db import migrations, models


def unfinished_client_exports_keep_reporting(apps, schema_editor) -> None:
    ExportJob = apps.get_model("exchange", "ExportJob")
    ExportJob.objects.filter(entity="clients", status__in=["queued", "running"], purpose="").update(purpose="reporting")


class Migration(migrations.Migration):
    dependencies = [
        ("exchange", "0002_export_job_and_file_retention"),
    ]

    operations = [
        migrations.AddField(
            model_name="exportjob",
            name="purpose",
            field=models.CharField(blank=True, max_length=40),
        ),
        migrations.RunPython(unfinished_client_exports_keep_reporting, migrations.RunPython.noop, elidable=True),
    ]
