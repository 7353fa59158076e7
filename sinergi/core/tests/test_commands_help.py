"""Every command of Sinergi prints its --help: an administrator reads it before a backup or a key rotation, and a
lazily translated help text once made argparse fail with a TypeError instead (the fifty-eighth review)."""

import pytest
from django.core.management import get_commands, load_command_class

SINERGI_COMMANDS = sorted(name for name, app in get_commands().items() if app.startswith("sinergi."))


def test_the_commands_are_found():
    assert {"backup_database", "rotate_field_keys", "import_data", "send_reminders"} <= set(SINERGI_COMMANDS)


@pytest.mark.parametrize("name", SINERGI_COMMANDS)
def test_each_command_prints_its_help(name):
    command = load_command_class(get_commands()[name], name)
    text = command.create_parser("manage.py", name).format_help()
    assert f"manage.py {name}" in text
    assert len(text.splitlines()) > 3
