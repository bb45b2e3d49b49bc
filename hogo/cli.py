"""The `hogo` command: the project's manage.py.

Reads `var/hogo.env` (written by `make setup`) when present and not overridden by
HOGO_ENV_FILE, so the same settings apply to the web server, the worker and admin commands.
"""

import os
import sys
from pathlib import Path

from hogo.audit.context import audit_context


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hogo.settings.core")
    default_env = Path.cwd() / "var" / "hogo.env"
    if "HOGO_ENV_FILE" not in os.environ and default_env.exists():
        os.environ["HOGO_ENV_FILE"] = str(default_env)
    from django.core.management import execute_from_command_line  # noqa: PLC0415 — after the settings are chosen

    with audit_context(source="cli"):  # what a command records says so; its own entry point may say more
        execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
