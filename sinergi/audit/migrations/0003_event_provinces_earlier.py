"""Events now keep the provinces they belong to, fixed when written. Earlier events get the place of their object where
the object still exists and has one (a client, a stay, a consent, an LKS, a meeting and its invitees, a referral's two
ends, an account's roles), else what locating them by their actor gave until now (the provinces of the actor's active
roles; nothing for a superuser's or the system's).

Not in one transaction: on PostgreSQL the column's addition (0002) took the table's lock, and a backfill inside it held
every save of the application (each writes an event) for minutes at a million events (the fifty-fifth review). Each
batch commits on its own; an interrupted run is taken up again where it stopped (events still without a place)."""

from django.db import migrations, transaction

BATCH = 5000
LOCATED = {  # object type → the fields that hold its province codes
    "people.person": ("province_code",),
    "people.placement": ("province_code",),
    "people.incident": ("province_code",),
    "people.worker": ("province_code",),
    "people.duplicatecandidate": ("province_code",),
    "people.consent": ("person__province_code",),
    "organisations.organisation": ("province_code",),
    "meetings.meeting": ("province_code",),
    "meetings.participant": ("meeting__province_code",),
    "meetings.actionitem": ("meeting__province_code",),
    "referrals.referral": ("from_province_code", "to_province_code"),
    "accounts.membership": ("region_id", "organisation__province_code"),
}


def _text(codes: set) -> str:
    return f",{','.join(sorted(codes))}," if codes else ""


def _roles_by_user(apps) -> dict:
    Membership = apps.get_model("accounts", "Membership")
    by_user: dict = {}
    rows = Membership.objects.filter(is_active=True, user__is_superuser=False).values_list(
        "user_id", "region_id", "organisation__province_code"
    )
    for user_id, region_id, org_province in rows:
        if code := (region_id or "")[:2] or org_province:
            by_user.setdefault(user_id, set()).add(code)
    return by_user


def _places(apps, events, by_user: dict) -> dict:
    """(object type, id) → provinces, for the located objects these events are about."""
    wanted: dict = {}
    for event in events:
        if event.object_type in LOCATED and event.object_id.isdigit():
            wanted.setdefault(event.object_type, set()).add(int(event.object_id))
    places: dict = {}
    for label, ids in wanted.items():
        model = apps.get_model(*label.split("."))
        for pk, *codes in model.objects.filter(pk__in=ids).values_list("pk", *LOCATED[label]):
            places[(label, str(pk))] = {code[:2] for code in codes if code}
    for event in events:
        if event.object_type == "accounts.user" and event.object_id.isdigit():
            places[(event.object_type, event.object_id)] = by_user.get(int(event.object_id), set())
    return places


def provinces_of_earlier_events(apps, schema_editor) -> None:
    AuditEvent = apps.get_model("audit", "AuditEvent")
    by_user = _roles_by_user(apps)
    last = 0
    while True:
        events = list(
            AuditEvent.objects.filter(pk__gt=last, provinces="")
            .order_by("pk")
            .only("pk", "actor_id", "object_type", "object_id", "provinces")[:BATCH]
        )
        if not events:
            return
        places = _places(apps, events, by_user)
        changed = []
        for event in events:
            codes = places.get((event.object_type, event.object_id)) or by_user.get(event.actor_id, set())
            if codes:
                event.provinces = _text(codes)
                changed.append(event)
        with transaction.atomic():
            AuditEvent.objects.bulk_update(changed, ["provinces"])
        last = events[-1].pk


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("audit", "0002_event_provinces"),
        ("accounts", "0002_initial"),
        ("people", "0013_public_clients_month_end"),
        ("organisations", "0001_initial"),
        ("meetings", "0003_meeting_closed_at"),
        ("referrals", "0001_initial"),
    ]

    operations = [migrations.RunPython(provinces_of_earlier_events, migrations.RunPython.noop)]
