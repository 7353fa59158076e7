"""Two PSKS items' English labels read better: "Women's social welfare leader (WPKS)" and "District social welfare
worker (TKSK)" ("kecamatan" is "district" throughout the English interface, and the acronym people know is named).
An item whose English label an administrator has changed keeps it; codes and Indonesian labels do not change."""

from django.db import migrations

# Written out (not imported from seed.py) so that the migration stays as it is when the seed changes again.
RENAMED = [
    ("psks", "wpks", "Women social welfare leader", "Women's social welfare leader (WPKS)"),
    ("psks", "tksk", "Sub-district social welfare worker", "District social welfare worker (TKSK)"),
]


def rename(apps, schema_editor):
    term = apps.get_model("vocabularies", "Term")
    for vocabulary, code, former, now in RENAMED:
        term.objects.filter(vocabulary=vocabulary, code=code, label_en=former).update(label_en=now)


def rename_back(apps, schema_editor):
    term = apps.get_model("vocabularies", "Term")
    for vocabulary, code, former, now in RENAMED:
        term.objects.filter(vocabulary=vocabulary, code=code, label_en=now).update(label_en=former)


class Migration(migrations.Migration):
    dependencies = [("vocabularies", "0002_seed_vocabularies")]
    operations = [migrations.RunPython(rename, rename_back)]
