"""Write the local settings file for `make run` (once; an existing file is kept, and only given the
audit key when it was written before the key existed).

A random secret key and audit key, plain http on the loopback address, and demo data allowed.
Production sets its own environment instead (docs/operations.md)."""

import secrets
import sys
from pathlib import Path

path = Path(sys.argv[1])
if path.exists():
    if "HOGO_AUDIT_KEY=" not in path.read_text():
        with path.open("a") as existing:
            existing.write(f"HOGO_AUDIT_KEY={secrets.token_urlsafe(48)}\n")
        print(f"added HOGO_AUDIT_KEY to {path}")
    sys.exit(0)
path.parent.mkdir(parents=True, exist_ok=True)
path.write_text(
    "# written by `make setup` for a local demo; not for production\n"
    f"HOGO_SECRET_KEY={secrets.token_urlsafe(50)}\n"
    f"HOGO_AUDIT_KEY={secrets.token_urlsafe(48)}\n"
    "HOGO_HTTPS=false\n"
    "HOGO_ALLOWED_HOSTS=127.0.0.1,localhost\n"
    "HOGO_ALLOW_DEMO=true\n"
)
path.chmod(0o600)
print(f"wrote {path}")
