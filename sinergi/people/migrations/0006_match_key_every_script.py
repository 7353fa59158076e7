"""Person.match_key again for names beyond ASCII: normalize_name now keeps letters of every script (it turned
"محمد علي" into "", so such people had no key and were never flagged as possible duplicates) and folds Latin
letters such as "đ" and "ø". ASCII names keep their key, so only those rows are read twice; the backwards step
leaves the keys as they are (the old code only compares them, and finds fewer)."""

from django.db import migrations

BATCH = 1000


def recompute_non_ascii_keys(apps, schema_editor) -> None:
    # The live function, on purpose: the key must be the one the services compute from now on.
    from sinergi.people.services.rules import person_match_key

    Person = apps.get_model("people", "Person")
    rows = Person.objects.filter(erased_at__isnull=True).values_list(
        "pk", "full_name", "mother_name", "birth_date", "match_key"
    )
    changed = []
    for pk, full_name, mother_name, birth_date, stored in rows.iterator(chunk_size=5000):
        if full_name.isascii() and mother_name.isascii():
            continue
        key = person_match_key(full_name=full_name, birth_date=birth_date, mother_name=mother_name)
        if key != stored:
            changed.append(Person(pk=pk, match_key=key))
    # Written after reading (SQLite does not isolate a table being read from writes to it); the rows are few.
    Person.objects.bulk_update(changed, ["match_key"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [("people", "0005_access_log_without_constraints")]

    operations = [migrations.RunPython(recompute_non_ascii_keys, migrations.RunPython.noop, elidable=True)]
