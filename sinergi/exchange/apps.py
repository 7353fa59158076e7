from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "sinergi.exchange"
    label = "exchange"

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        # Each app declares its spreadsheet columns in its own `exchange.py` (the admin.py pattern): loading them
        # here registers the entity, so adding an entity never touches this app.
        autodiscover_modules("exchange")
