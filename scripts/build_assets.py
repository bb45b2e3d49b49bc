"""Build the vendored front-end assets from node_modules (run by `make assets` after `npm ci`).

Copies the files Hogo serves, with their licences, into hogo/common/static/vendor/ and writes a
manifest naming each package version and the SHA-256 of each file. The output is not committed.
"""

import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
OUT = ROOT / "hogo" / "common" / "static" / "vendor"

ASSETS = {
    "design-tokens": ("@digital-go-jp/design-tokens", ["dist/tokens.css", "LICENSE"]),
    "htmx": ("htmx.org", ["dist/htmx.min.js", "LICENSE"]),
}


def write_if_changed(dest: Path, content: bytes) -> None:
    """Leave a file with the same bytes alone, else replace it whole: two `make test` running at once (CI
    runs SQLite and PostgreSQL side by side) never serve a half-written asset."""
    if dest.exists() and dest.read_bytes() == content:
        return
    partial = dest.with_name(f".{dest.name}.{os.getpid()}")
    partial.write_bytes(content)
    os.replace(partial, dest)


def main() -> int:
    manifest = {}
    for target, (package, files) in ASSETS.items():
        source = NODE_MODULES / package
        meta = json.loads((source / "package.json").read_text())
        (OUT / target).mkdir(parents=True, exist_ok=True)
        entry = {"package": package, "version": meta["version"], "files": {}}
        for name in files:
            src = source / name
            if not src.exists():
                print(f"missing {src}: run `npm ci` first", file=sys.stderr)
                return 1
            dest = OUT / target / Path(name).name
            write_if_changed(dest, src.read_bytes())
            entry["files"][dest.name] = hashlib.sha256(dest.read_bytes()).hexdigest()
        manifest[target] = entry
    write_if_changed(OUT / "manifest.json", (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode())
    print(f"built {sum(len(e['files']) for e in manifest.values())} vendor files into {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
