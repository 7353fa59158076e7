"""Events now keep the provinces they belong to, fixed when written. Earlier events get what locating them by their
actor gave until now (the provinces of the actor's active roles; nothing for a superuser's or the system's), and
the place of their object where the object still exists and has one (a client, a stay, a consent, an LKS, a meeting and
its invitees, a referral's two ends, an account's roles)."""

from django.db import migrations, models

LOCATED = {  # object type → the fields that hold its province codes
    "people.person": ("province_code",),
    "people.placement": ("province_code",),
    "people.incident": ("province_code",),
    "people.worker": ("province_code",),
    "people.duplicatecandidate": ("province_code",),
    "organisations.organisation": ("province_code",),
    "meetings.meeting": ("province_code",),
    "referrals.referral": ("from_province_code", "to_province_code"),
    "people.consent": ("person__province_code",),
    "meetings.participant": ("meeting__province_code",),
    "meetings.actionitem": ("meeting__province_code",),
    "accounts.membership": ("region_id", "organisation__province_code"),
}


def _text(codes: set) -> str:
    return f",{','.join(sorted(codes))}," if codes else ""


def provinces_of_earlier_events(apps, schema_editor) -> None:
    AuditEvent = apps.get_model("audit", "AuditEvent")
    Membership = apps.get_model("accounts", "Membership")
    by_actor: dict = {}
    for user_id, superuser, region_id, org_province in Membership.objects.filter(is_active=True).values_list(
        "user_id", "user__is_superuser", "region_id", "organisation__province_code"
    ):
        if not superuser and (code := (region_id or "")[:2] or org_province):
            by_actor.setdefault(user_id, set()).add(code)
    located: dict = {}
    for label, fields in LOCATED.items():
        app_label, model_name = label.split(".")
        model = apps.get_model(app_label, model_name)
        for pk, *codes in model.objects.values_list("pk", *fields).iterator(chunk_size=5000):
            located[(label, str(pk))] = {code[:2] for code in codes if code}
    # An account's events (created, a role given) belong where its roles are, as new ones do
    for user_id, codes in by_actor.items():
        located[("accounts.user", str(user_id))] = codes
    changed = []
    events = AuditEvent.objects.only("pk", "actor_id", "object_type", "object_id", "provinces")
    for event in events.iterator(chunk_size=5000):
        codes = by_actor.get(event.actor_id, set()) | located.get((event.object_type, event.object_id), set())
        if codes:
            event.provinces = _text(codes)
            changed.append(event)
        if len(changed) >= 5000:
            AuditEvent.objects.bulk_update(changed, ["provinces"])
            changed = []
    AuditEvent.objects.bulk_update(changed, ["provinces"])


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
        ("accounts", "0002_initial"),
        ("people", "0013_public_clients_month_end"),
        ("organisations", "0001_initial"),
        ("meetings", "0003_meeting_closed_at"),
        ("referrals", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="provinces",
            field=models.CharField(blank=True, default="", max_length=200),
        ),
        migrations.RunPython(provinces_of_earlier_events, migrations.RunPython.noop),
    ]
