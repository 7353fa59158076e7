from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sinergi.accounts"
    label = "accounts"
