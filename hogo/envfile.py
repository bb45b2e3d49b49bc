"""Which settings file every entry point reads: `var/hogo.env` (written by `make setup`) when present and
HOGO_ENV_FILE does not say otherwise, so the web server, the worker and admin commands agree."""

import os
from pathlib import Path


def use_default_env_file() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hogo.settings.core")
    default_env = Path.cwd() / "var" / "hogo.env"
    if "HOGO_ENV_FILE" not in os.environ and default_env.exists():
        os.environ["HOGO_ENV_FILE"] = str(default_env)
