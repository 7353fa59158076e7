"""What Sinergi's own management commands share."""

from django.core.management.base import BaseCommand


class TranslatedHelpCommand(BaseCommand):
    """A command whose `help` is translated lazily (gettext_lazy, so that it reads in the language of the run):
    argparse needs a str for the description, made here in the language of this parser."""

    def create_parser(self, prog_name: str, subcommand: str, **kwargs):
        self.help = str(self.help)
        return super().create_parser(prog_name, subcommand, **kwargs)
