"""Lets other pages show partnerships without their views knowing about them (the organisation page includes
"partnerships/_for_organisation.html", which calls `organisation_partnerships`)."""

from django import template

from sinergi.organisations.models import Organisation

from ..choices import PartyRole
from ..selectors import agreements_for_organisation
from ..services import may_create_agreements

register = template.Library()


@register.simple_tag
def organisation_partnerships(organisation: Organisation, user) -> dict:
    """The agreements this organisation is party to that `user` may see, each with its other parties."""
    rows = []
    for agreement in agreements_for_organisation(actor=user, organisation=organisation):
        others = [p for p in agreement.parties.all() if p.organisation_id != organisation.pk]
        own = next((p for p in agreement.parties.all() if p.organisation_id == organisation.pk), None)
        rows.append({"agreement": agreement, "others": others, "own": own})
    return {"rows": rows, "can_create": may_create_agreements(user)}


@register.filter
def history_value(value) -> str:
    """A value from the change history as a reader wants it: lists joined, party roles in words."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(_party_in_words(str(item)) for item in value)
    return str(value)


def _party_in_words(item: str) -> str:
    role, separator, name = item.partition(": ")
    if separator and role in PartyRole.values:
        return f"{PartyRole(role).label}: {name}"
    return item
