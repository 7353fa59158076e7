"""Reads this app registers with others at start-up (apps.py): the hash key's sample for
crypto.hash_key_verify and the LKS profile's section of its people now. Apart because no page of this app calls them."""

from typing import Any

from django.db.models import Count
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from sinergi.core.crypto import decrypt
from sinergi.core.dates import shown as shown_date
from sinergi.vocabularies.models import Term

from ..choices import PlacementStatus, WorkerRole
from ..models import Person, Placement, Worker
from ..services.rules import match_key_text


def stored_hash_sample() -> tuple[str, str] | None:
    """A value stored with its keyed hash, for crypto.hash_key_verify to compare the hash key with before it records
    its fingerprint: the NIK of the latest client (else worker) stored with one, else the latest client's match key
    (people without NIK have one too). None when nothing is stored. When the field keys do not open the NIK
    (sinergi.E003 says so), the match key is compared instead: a None there would record the hash key in use
    unverified (the fifty-sixth review)."""
    for model in (Person, Worker):
        stored = model.objects.exclude(nik_hash="").exclude(nik_encrypted="").order_by("-pk")
        if row := stored.values_list("nik_encrypted", "nik_hash").first():
            try:
                return decrypt(row[0]), row[1]
            except ValueError:
                break
    keyed = Person.objects.exclude(match_key="").order_by("-pk")
    if person := keyed.values("full_name", "birth_date", "mother_name", "match_key").first():
        return match_key_text(
            full_name=person["full_name"], birth_date=person["birth_date"], mother_name=person["mother_name"]
        ), person["match_key"]
    return None


def lks_profile_section(organisation) -> tuple[str, list[tuple[str, Any]]]:
    """An LKS profile's figures of its people now: clients in care by PPKS category, how full it is, and workers
    serving by role (counts only: no one is named). Registered with organisations.reports by this app."""
    today = timezone.localdate()
    active = Placement.objects.filter(organisation=organisation, status=PlacementStatus.ACTIVE)
    per_category = dict(
        active.order_by().values("ppks_category").annotate(n=Count("pk")).values_list("ppks_category", "n")
    )
    labels = {term.pk: term.label for term in Term.objects.filter(pk__in=per_category)}
    in_care = sum(per_category.values())
    categories = ", ".join(
        f"{labels[pk]} {number_format(count, force_grouping=True)}"
        for pk, count in sorted(per_category.items(), key=lambda item: (-item[1], labels[item[0]]))
    )
    serving = Worker.objects.filter(organisation=organisation).exclude(ended_on__isnull=False, ended_on__lte=today)
    per_role = dict(serving.order_by().values("role").annotate(n=Count("pk")).values_list("role", "n"))
    role_counts = sorted(
        ((str(WorkerRole(role).label), count) for role, count in per_role.items()), key=lambda rc: (-rc[1], rc[0])
    )
    roles = ", ".join(f"{label} {count}" for label, count in role_counts)  # most first, as the categories
    capacity = organisation.capacity
    # Numbers as the rest of the report prints them (1.300, not 1300).
    filled = (
        _("%(in_care)s dari %(capacity)s (%(percent)s%%)")
        % {
            "in_care": number_format(in_care, force_grouping=True),
            "capacity": number_format(capacity, force_grouping=True),
            "percent": number_format(round(100 * in_care / capacity), force_grouping=True),
        }
        if capacity
        else ""
    )
    if capacity and in_care > capacity:
        filled = _("%(filled)s, melebihi kapasitas") % {"filled": filled}
    shown = number_format(in_care, force_grouping=True)
    serving_count = number_format(sum(per_role.values()), force_grouping=True)
    facts = [
        (_("Penerima layanan aktif"), f"{shown} ({categories})" if categories else shown),
        (_("Kapasitas terisi"), filled),
        # Every role counts (volunteers and board officers too): "workers", not "social workers".
        (_("Pekerja yang bertugas"), f"{serving_count} ({roles})" if roles else serving_count),
    ]
    # Dated as the rest of the profile, in the reader's language (2026-12-08 in a report written in English).
    return _("Layanan saat ini (%(date)s)") % {"date": shown_date(today)}, facts
