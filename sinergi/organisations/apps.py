from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "sinergi.organisations"
    label = "organisations"

    def ready(self) -> None:
        from sinergi.accounts.scope import ScopeFields, register_scope

        from .models import BoardMembership, BoardOfficer, BoardTerm, Organisation

        register_scope(Organisation, ScopeFields(organisation="pk"))
        register_scope(
            BoardTerm,
            ScopeFields(province="board__province_code", regency="board__regency_code", organisation="board_id"),
        )
        register_scope(
            BoardOfficer,
            ScopeFields(
                province="term__board__province_code",
                regency="term__board__regency_code",
                organisation="term__board_id",
            ),
        )
        register_scope(
            BoardMembership,
            ScopeFields(province="member__province_code", regency="member__regency_code", organisation="member_id"),
        )
