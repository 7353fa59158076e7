"""The referral panel on a person's page: their referrals the user may see, and the "Rujuk" button."""

from django import template

from .. import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def referral_panel(context, person) -> dict:
    """{"visible", "rows", "can_refer"} for `person` and the signed-in user."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or person is None or person.erased_at is not None:
        return {"visible": False, "rows": [], "can_refer": False}
    rows = list(selectors.referrals_for_person(actor=user, person=person)[:20])
    can_refer = not person.is_restricted and selectors.sending_organisations(actor=user).exists()
    return {"visible": bool(rows) or can_refer, "rows": rows, "can_refer": can_refer}
