"""The production web server (gunicorn with scripts/gunicorn.conf.py and hogo.wsgi) starts its processes,
serves pages and the collected static files, and stops cleanly; run here as a real process on the portal
zone's settings (a database of the test's own, quick to migrate)."""

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.e2e.zones import free_port

ROOT = Path(__file__).resolve().parent.parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"


def get(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:  # our own loopback server
        return response.status, response.read()


def test_gunicorn_serves_the_health_check_a_page_and_a_static_file_from_two_processes(tmp_path):
    port = free_port()
    env = {
        "PATH": os.environ["PATH"],
        "HOGO_ENV_FILE": "",
        "DJANGO_SETTINGS_MODULE": "hogo.settings.portal",
        "HOGO_SECRET_KEY": "gunicorn-test-" + "g" * 50,
        "HOGO_VAR_DIR": str(tmp_path),
        "HOGO_HTTPS": "false",
        "HOGO_ADDR": f"127.0.0.1:{port}",
        "HOGO_WEB_WORKERS": "2",
    }
    for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([sys.executable, "-m", "hogo.cli", *command], env=env, cwd=ROOT, check=True, timeout=180)
    log = tmp_path / "gunicorn.log"
    server = subprocess.Popen(
        [str(GUNICORN), "-c", "scripts/gunicorn.conf.py", "hogo.wsgi"],
        env=env,
        cwd=ROOT,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(150):
            try:
                status, body = get(f"http://127.0.0.1:{port}/healthz")
                break
            except OSError:
                assert server.poll() is None, log.read_text()
                time.sleep(0.2)
        else:
            raise AssertionError("gunicorn did not answer: " + log.read_text())
        assert status == 200 and b'"ok"' in body

        status, page = get(f"http://127.0.0.1:{port}/")
        assert status == 200 and "<html" in page.decode()
        stylesheet = re.search(r'href="(/static/[^"]+\.css)"', page.decode())
        assert stylesheet, "the page links a collected stylesheet"
        assert get(f"http://127.0.0.1:{port}{stylesheet.group(1)}")[0] == 200

        booted = re.findall(r"Booting worker with pid: (\d+)", log.read_text())
        assert len(set(booted)) == 2, log.read_text()
    finally:
        server.send_signal(signal.SIGTERM)
        assert server.wait(30) == 0, log.read_text()
