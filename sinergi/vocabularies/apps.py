from django.apps import AppConfig


class VocabulariesConfig(AppConfig):
    name = "sinergi.vocabularies"
    label = "vocabularies"
