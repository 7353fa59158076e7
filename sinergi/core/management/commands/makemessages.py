from django.core.management.commands import makemessages


class Command(makemessages.Command):
    """makemessages that also extracts strings marked with the `_lazy` and `_l` aliases used in some modules."""

    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=_lazy", "--keyword=_l"]
