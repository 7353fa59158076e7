from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "sinergi.core"
    label = "core"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from . import checks  # noqa: F401  (registers the deployment checks)
        from .database import sqlite_files_private

        connection_created.connect(sqlite_files_private, dispatch_uid="sinergi-sqlite-files-private")
