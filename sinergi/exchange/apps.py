from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "sinergi.exchange"
    label = "exchange"

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        # Each app declares its spreadsheet columns in its own `exchange.py` (the admin.py pattern): loading them
        # here registers the entity, so adding an entity never touches this app.
        autodiscover_modules("exchange")

        from sinergi.audit.display import register_data_choices

        from .models import ReportKind

        # The audit log names a PDF report by its words ("Laporan provinsi"), not its code ("regency").
        register_data_choices(
            "report", ReportKind.choices, actions=["statistics.report.exported", "statistics.report.downloaded"]
        )
