"""Who may act for an agreement's parties: the party as input (`PartyInput`), the provinces an actor works in,
whether they may record agreements at all, which organisations they may name as a party, and writing the parties.
Apart because the pages and party search ask these questions without writing an agreement.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from sinergi.accounts.models import User
from sinergi.accounts.scope import Action, active_memberships, restrict
from sinergi.accounts.zones import user_provinces
from sinergi.core.errors import ValidationError
from sinergi.organisations.choices import OrganisationStatus
from sinergi.organisations.models import Organisation

from ..models import Agreement, AgreementParty


@dataclass(frozen=True)
class PartyInput:
    """One party as a form or the API gives it: which organisation, in which role, signed by whom."""

    organisation: Organisation
    role: str
    signatory: str = ""


def actor_provinces(actor: "User | None") -> set[str] | None:
    """Provinces the actor works in (from region or organisation memberships); None for a superuser (all)."""
    if actor is not None and getattr(actor, "is_superuser", False) and actor.is_active:
        return None
    return user_provinces(actor)


def may_create_agreements(actor: "User | None") -> bool:
    """Whether the actor holds any role that may act for a party (the create page and party search need one)."""
    from sinergi.accounts.scope import ACTION_ROLES

    if actor is not None and getattr(actor, "is_superuser", False) and actor.is_active:
        return True
    return any(m.role in ACTION_ROLES[Action.CHANGE] for m in active_memberships(actor))


def party_candidates(*, actor: "User") -> QuerySet[Organisation]:
    """Organisations the actor may name as a party: those they can see, and active ones of their province(s)."""
    if not may_create_agreements(actor):
        return Organisation.objects.none()
    provinces = actor_provinces(actor)
    if provinces is None:
        return Organisation.objects.exclude(status=OrganisationStatus.INACTIVE)
    visible = restrict(Organisation.objects.all(), actor=actor, action=Action.VIEW).values("pk")
    return Organisation.objects.filter(
        Q(pk__in=visible) | Q(status=OrganisationStatus.ACTIVE, province_code__in=provinces)
    ).exclude(status=OrganisationStatus.INACTIVE)


def _acts_for_a_party(actor: "User", organisation_ids: set[int]) -> bool:
    # The same rule as changing the organisation itself in the registry (Action.CHANGE on Organisation).
    return restrict(Organisation.objects.filter(pk__in=organisation_ids), actor=actor, action=Action.CHANGE).exists()


def _set_parties(agreement: Agreement, parties: list[PartyInput]) -> None:
    keep = {p.organisation.pk: p for p in parties}
    agreement.parties.exclude(organisation_id__in=keep).delete()
    existing = {p.organisation_id: p for p in agreement.parties.all()}
    for organisation_id, party in keep.items():
        row = existing.get(organisation_id)
        if row is None:
            AgreementParty.objects.create(
                agreement=agreement,
                organisation=party.organisation,
                role=party.role,
                signatory=party.signatory.strip()[:150],
            )
        elif (row.role, row.signatory) != (party.role, party.signatory.strip()[:150]):
            row.role, row.signatory = party.role, party.signatory.strip()[:150]
            row.save(update_fields=["role", "signatory"])


def _check_new_parties(actor: "User", parties: list[PartyInput], *, already: set[int]) -> None:
    new_ids = {p.organisation.pk for p in parties} - already
    if not new_ids:
        return
    allowed = set(party_candidates(actor=actor).filter(pk__in=new_ids).values_list("pk", flat=True))
    refused = sorted(new_ids - allowed)
    if refused:
        # Ids, not names: the actor may not be allowed to know what these organisations are.
        raise ValidationError(
            {
                "parties": [
                    _("Organisasi dengan id %(ids)s tidak ada atau tidak dapat Anda pilih sebagai pihak.")
                    % {"ids": ", ".join(str(pk) for pk in refused)}
                ]
            }
        )
