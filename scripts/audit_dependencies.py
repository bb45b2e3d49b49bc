"""Dependency audit that either checks every package or fails (decision 0024).

pip-audit says "No known vulnerabilities found" and exits 0 when it could not look a single package up
(every one "skipped"), and npm audit's exit status 1 means both "vulnerabilities found" and "the
database did not answer". From an offline build machine both would pass silently. This wrapper:

1. asks both vulnerability databases first (PyPI's JSON API, which pip-audit uses, and the npm
   registry's bulk advisory endpoint, which npm audit uses) and stops with exit status 2 and a message
   when either does not answer as it should;
2. installs pip-audit into its own environment (var/audit-tools, not the application's);
3. audits the exact versions: `pip freeze` of the application's environment (or a frozen list copied
   from the build machine, --requirements) and package-lock.json (--npm-dir);
4. fails (2) when any package could not be checked, and (1) when a known vulnerability is found.

Exit status: 0 every package checked, none with a known vulnerability; 1 known vulnerabilities (listed);
2 the audit could not be done (nothing may be concluded). Needs only the standard library, npm and
network access to the two databases. See docs/operations.md (依存パッケージの脆弱性監査).
"""

import argparse
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "var" / "audit-tools"
PIP_AUDIT = "pip-audit>=2.10,<3"
PYPI_PROBE = os.environ.get("HOGO_AUDIT_PYPI_PROBE", "https://pypi.org/pypi/django/json")
TIMEOUT = 15
NOT_A_RESULT = "監査できませんでした。「既知の脆弱性なし」ではありません。"


class CannotAudit(Exception):
    """The audit could not be done; the message says why."""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--requirements", type=Path, help="a frozen list (name==version) to audit instead of pip freeze"
    )
    parser.add_argument("--python", default=str(ROOT / ".venv" / "bin" / "python"), help="the environment to freeze")
    parser.add_argument("--npm-dir", type=Path, default=ROOT, help="the folder of package.json and package-lock.json")
    parser.add_argument("--write-requirements", type=Path, help="only write the frozen list here (offline machine)")
    args = parser.parse_args(argv)
    try:
        if args.write_requirements:
            args.write_requirements.parent.mkdir(parents=True, exist_ok=True)
            args.write_requirements.write_text(frozen(args.python))
            print(f"書き出しました: {args.write_requirements}（接続できる端末で --requirements に渡してください）")
            return 0
        requirements = args.requirements.read_text() if args.requirements else frozen(args.python)
        probe_pypi(PYPI_PROBE)
        probe_npm(npm_registry(args.npm_dir))
        python_checked, python_vulns = python_findings(run_pip_audit(pip_audit(), requirements))
        npm_checked, npm_vulns = npm_findings(run_npm_audit(args.npm_dir))
    except CannotAudit as reason:
        print(f"依存パッケージの監査: 失敗 — {reason}\n{NOT_A_RESULT}", file=sys.stderr)
        return 2
    for line in python_vulns + npm_vulns:
        print(line)
    found = len(python_vulns) + len(npm_vulns)
    print(
        f"依存パッケージの監査: Python {python_checked} 件、npm {npm_checked} 件を照合しました。"
        + (f"既知の脆弱性 {found} 件。" if found else "既知の脆弱性はありません。")
    )
    return 1 if found else 0


def frozen(python: str) -> str:
    """The exact versions installed in the application's environment (Hogo itself left out)."""
    try:
        out = subprocess.run(
            [python, "-m", "pip", "freeze", "--exclude-editable"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        raise CannotAudit(f"{python} の pip freeze ができません（{error}）。") from None
    lines = [line for line in out.splitlines() if "==" in line and not line.lower().startswith("hogo==")]
    if not lines:
        raise CannotAudit(f"{python} にインストール済みのパッケージがありません。")
    return "\n".join(lines) + "\n"


def npm_registry(npm_dir: Path) -> str:
    try:
        out = subprocess.run(["npm", "config", "get", "registry"], cwd=npm_dir, capture_output=True, text=True)
    except OSError:
        raise CannotAudit("npm がありません。") from None
    return out.stdout.strip() or "https://registry.npmjs.org/"


def probe_pypi(url: str) -> None:
    """PyPI's JSON API answers with a `vulnerabilities` list (pip-audit's default service)."""
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            body = json.load(response)
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise CannotAudit(f"Python の脆弱性データベース（{url}）に接続できません: {error}") from None
    if "vulnerabilities" not in body:
        raise CannotAudit(f"Python の脆弱性データベース（{url}）の応答に脆弱性情報がありません。")


def probe_npm(registry: str) -> None:
    """The registry's bulk advisory endpoint (npm audit's) answers an empty query with a JSON object."""
    url = registry.rstrip("/") + "/-/npm/v1/security/advisories/bulk"
    request = urllib.request.Request(url, data=b"{}", headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            json.load(response)
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise CannotAudit(f"npm の脆弱性データベース（{url}）に接続できません: {error}") from None


def pip_audit() -> Path:
    tool = TOOLS / "bin" / "pip-audit"
    if not tool.exists():
        venv.create(TOOLS, with_pip=True)
        result = subprocess.run(
            [TOOLS / "bin" / "python", "-m", "pip", "install", "-q", PIP_AUDIT], capture_output=True, text=True
        )
        if result.returncode != 0:
            raise CannotAudit(f"{PIP_AUDIT} をインストールできません: {result.stderr.strip()[-500:]}")
    return tool


def run_pip_audit(tool: Path, requirements: str) -> dict:
    """pip-audit on exact pins, without resolving or installing anything (--no-deps --disable-pip)."""
    TOOLS.mkdir(parents=True, exist_ok=True)
    listed = TOOLS / "requirements-audited.txt"
    listed.write_text(requirements)
    command = [tool, "-r", listed, "--no-deps", "--disable-pip", "--format", "json", "--progress-spinner", "off"]
    result = subprocess.run(command, capture_output=True, text=True)
    try:
        return json.loads(result.stdout)
    except ValueError:
        raise CannotAudit(f"pip-audit が結果を返しませんでした: {result.stderr.strip()[-500:]}") from None


def python_findings(report: dict) -> tuple[int, list[str]]:
    """(packages checked, one line per known vulnerability); a skipped package means no audit."""
    dependencies = report.get("dependencies", [])
    skipped = [d["name"] for d in dependencies if "skip_reason" in d]
    if skipped or not dependencies:
        names = "、".join(skipped[:10]) + (f" ほか {len(skipped) - 10} 件" if len(skipped) > 10 else "")
        raise CannotAudit(f"Python のパッケージ {len(skipped)} 件を照合できませんでした（{names or 'なし'}）。")
    vulns = [
        f"Python {d['name']} {d['version']}: {v['id']}（修正版: {', '.join(v.get('fix_versions', [])) or 'なし'}）"
        for d in dependencies
        for v in d.get("vulns", [])
    ]
    return len(dependencies), vulns


def run_npm_audit(npm_dir: Path) -> dict:
    result = subprocess.run(
        ["npm", "audit", "--package-lock-only", "--json"], cwd=npm_dir, capture_output=True, text=True
    )
    try:
        return json.loads(result.stdout)
    except ValueError:
        raise CannotAudit(f"npm audit が結果を返しませんでした: {result.stderr.strip()[-500:]}") from None


def npm_findings(report: dict) -> tuple[int, list[str]]:
    """(packages checked, one line per vulnerable package); an error report means no audit."""
    if "auditReportVersion" not in report or "error" in report:
        detail = report.get("message") or report.get("error", {}).get("summary") or "不明な応答"
        raise CannotAudit(f"npm audit が照合できませんでした: {detail}")
    dependencies = report.get("metadata", {}).get("dependencies", {})
    checked = dependencies.get("total", 0)
    vulns = [
        f"npm {name}: {entry.get('severity', '?')}（{entry.get('range', '')}）"
        for name, entry in sorted(report.get("vulnerabilities", {}).items())
    ]
    return checked, vulns


if __name__ == "__main__":
    sys.exit(main())
