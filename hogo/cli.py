"""The `hogo` command: the project's manage.py (settings as hogo/envfile.py chooses them)."""

import sys

from hogo.audit.context import audit_context
from hogo.envfile import use_default_env_file


def main() -> None:
    use_default_env_file()
    from django.core.management import execute_from_command_line  # noqa: PLC0415 — after the settings are chosen

    with audit_context(source="cli"):  # what a command records says so; its own entry point may say more
        execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
