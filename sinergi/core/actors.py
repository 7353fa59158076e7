"""Who acts when no signed-in user does."""


class SystemActor:
    """The acting user of a management command run without --as (`import_data`, `export_data`, the duplicates sweep):
    someone with shell access to the server. It passes every scope check as a superuser would, and is named
    "manage.py" in the audit log. Kept in core, as accounts, audit, organisations and people all take it."""

    is_superuser = True
    is_active = True
    is_authenticated = False
    pk = None

    def get_username(self) -> str:
        return "manage.py"
