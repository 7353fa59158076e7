from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "sinergi.referrals"
    label = "referrals"

    def ready(self) -> None:
        from sinergi.accounts.scope import ScopeFields, register_scope

        from .models import Intake, Referral
        from .selectors import SENDER_FIELDS

        # A referral is located at both ends. `restrict` knows one set of fields per model, so the sending side is
        # registered here and selectors.referral_scope_q ORs in the receiving side: always read referrals through
        # the selectors, which see both.
        register_scope(Referral, SENDER_FIELDS)
        register_scope(Intake, ScopeFields(organisation="organisation_id"))

        # The audit log reads the codes a referral's events hold in words.
        from sinergi.audit.display import register_data_choices

        from .choices import ServiceKind, Shared, Urgency

        register_data_choices("urgency", Urgency.choices)
        register_data_choices("shared", Shared.choices)
        # A referral to a service outside the LKS is sent "to" the kind of service, not to an LKS's id.
        register_data_choices("to", ServiceKind.choices, actions=["referrals.referral.sent"])

        from sinergi.organisations.signals import organisation_deactivated, organisation_moved

        from .services.closed import referrals_receiver_closed
        from .services.located import referrals_follow

        # A referral's ends carry their LKS's codes (the boards that see it, where reminders go): they move with it.
        organisation_moved.connect(referrals_follow, dispatch_uid="referrals.referrals_follow")
        # A referral waiting on an LKS that closes cannot be accepted: its sender is told, and may cancel it.
        organisation_deactivated.connect(referrals_receiver_closed, dispatch_uid="referrals.referrals_receiver_closed")
