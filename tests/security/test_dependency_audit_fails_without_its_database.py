"""`make audit` (scripts/audit_dependencies.py, decision 0024) never passes an audit it could not do:
an unreachable vulnerability database, a package pip-audit skipped or an npm error report is a failure
with a message (exit status 2), not "no known vulnerabilities"."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "audit_dependencies.py"
UNREACHABLE = "http://127.0.0.1:9"  # the discard port: nothing listens, the connection is refused at once


def load_script():
    spec = importlib.util.spec_from_file_location("audit_dependencies", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


audit = load_script()


def test_with_the_network_unreachable_the_audit_fails_loudly():
    proxies = {name: UNREACHABLE for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy")}
    env = {**os.environ, **proxies, "NO_PROXY": "", "no_proxy": ""}

    result = subprocess.run([sys.executable, SCRIPT], env=env, capture_output=True, text=True, timeout=60)

    assert result.returncode == 2
    assert "脆弱性データベース" in result.stderr and "接続できません" in result.stderr
    assert "「既知の脆弱性なし」ではありません" in result.stderr
    assert "既知の脆弱性はありません" not in result.stdout


def test_packages_pip_audit_skipped_make_the_audit_fail_although_pip_audit_said_none_found():
    # pip-audit 2.10.1's JSON when the service answered for none of them (it printed "No known
    # vulnerabilities found" and exited 0).
    report = {
        "dependencies": [
            {"name": "django", "skip_reason": "Dependency not found on PyPI and could not be audited: django (5.2.19)"},
            {"name": "pillow", "version": "13.0.0", "vulns": []},
        ],
        "fixes": [],
    }

    with pytest.raises(audit.CannotAudit, match="1 件を照合できませんでした（django）"):
        audit.python_findings(report)


def test_an_npm_error_report_makes_the_audit_fail():
    # npm 11's JSON when the registry refused the bulk advisory request (it exits 1, as for findings).
    report = {
        "message": "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
        "statusCode": 405,
        "error": {"summary": "", "detail": ""},
    }

    with pytest.raises(audit.CannotAudit, match="405 Method Not Allowed"):
        audit.npm_findings(report)


def test_known_vulnerabilities_are_listed_from_both_reports():
    python = {
        "dependencies": [
            {"name": "django", "version": "5.2.1", "vulns": [{"id": "PYSEC-0000-1", "fix_versions": ["5.2.2"]}]},
            {"name": "pillow", "version": "13.0.0", "vulns": []},
        ]
    }
    npm = {
        "auditReportVersion": 2,
        "vulnerabilities": {"htmx.org": {"severity": "moderate", "range": "<4.0.2"}},
        "metadata": {"dependencies": {"total": 2}},
    }

    assert audit.python_findings(python) == (2, ["Python django 5.2.1: PYSEC-0000-1（修正版: 5.2.2）"])
    assert audit.npm_findings(npm) == (2, ["npm htmx.org: moderate（<4.0.2）"])
