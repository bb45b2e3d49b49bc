"""The environment every benchmark runs Hogo in: a throwaway var dir, demo data allowed, the core
settings, quiet logs, and PostgreSQL only when a database URL is given (SQLite otherwise)."""

import os
import tempfile


def bench_environment(database_url: str = "", var_dir: str | None = None) -> dict:
    env = {
        **os.environ,
        "HOGO_ENV_FILE": "",
        "HOGO_VAR_DIR": var_dir or tempfile.mkdtemp(prefix="hogo-bench-"),
        "HOGO_SECRET_KEY": "bench-" + "x" * 40,
        "HOGO_AUDIT_KEY": "bench-audit-" + "x" * 40,
        "HOGO_ALLOW_DEMO": "true",
        "HOGO_HTTPS": "false",
        "DJANGO_SETTINGS_MODULE": "hogo.settings.core",
        "HOGO_LOG_LEVEL": "WARNING",
    }
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env
