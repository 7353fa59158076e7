from django.db import migrations


def seed(apps, schema_editor):
    from sinergi.vocabularies.seed import seed_vocabularies

    seed_vocabularies(apps.get_model("vocabularies", "Term"))


class Migration(migrations.Migration):
    dependencies = [("vocabularies", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
