"""Build the vendored front-end assets from node_modules (run by `make assets` after `npm ci`).

Copies the files Hogo serves, with their licences, into hogo/common/static/vendor/ and writes a
manifest naming each package version and the SHA-256 of each file. The output is not committed.
"""

import hashlib
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
OUT = ROOT / "hogo" / "common" / "static" / "vendor"

ASSETS = {
    "design-tokens": ("@digital-go-jp/design-tokens", ["dist/tokens.css", "LICENSE"]),
    "htmx": ("htmx.org", ["dist/htmx.min.js", "LICENSE"]),
}


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
            shutil.copyfile(src, dest)
            entry["files"][dest.name] = hashlib.sha256(dest.read_bytes()).hexdigest()
        manifest[target] = entry
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    print(f"built {sum(len(e['files']) for e in manifest.values())} vendor files into {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
