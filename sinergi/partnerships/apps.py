from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "sinergi.partnerships"
    label = "partnerships"

    def ready(self) -> None:
        from sinergi.accounts.scope import ScopeFields, register_scope

        from . import models

        # An agreement is located wherever any of its parties is: users of a party organisation, and the boards,
        # admins and Dinas Sosial of any party's region, see it (and may change it where the role may change).
        # The join through the parties can repeat a row; selectors take the ids as a subquery to keep rows unique.
        through_parties = ScopeFields(
            province="parties__organisation__province_code",
            regency="parties__organisation__regency_code",
            organisation="parties__organisation_id",
        )
        register_scope(models.Agreement, through_parties)
        for child in (models.AgreementParty, models.AgreementDocument):
            register_scope(
                child,
                ScopeFields(
                    province="agreement__parties__organisation__province_code",
                    regency="agreement__parties__organisation__regency_code",
                    organisation="agreement__parties__organisation_id",
                ),
            )
