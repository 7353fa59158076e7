from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "sinergi.statistics"
    label = "statistics"
