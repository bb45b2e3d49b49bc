"""The portal zone as its own process and database in browser tests (issues 22, 23): a `Portal` driven by its
CLI and served by its own server, and the `portal` fixture that makes both zones' keys and trusts them."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from hogo.transfer import keys


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Portal:
    """The portal zone as its own process and database (hogo.settings.portal), driven by its CLI."""

    def __init__(self, root, office_code):
        self.env = {
            "PATH": os.environ["PATH"],
            "HOGO_ENV_FILE": "",
            "DJANGO_SETTINGS_MODULE": "hogo.settings.portal",
            "HOGO_SECRET_KEY": "portal-e2e-" + "p" * 50,
            "HOGO_VAR_DIR": str(root),
            "HOGO_HTTPS": "false",
            "HOGO_DEBUG": "false",
            "HOGO_TRANSFER_SERVED_OFFICES": office_code,
            "HOGO_TRANSFER_KEYS_DIR": str(root / "keys"),
            "HOGO_TRANSFER_QUARANTINE_DIR": str(root / "quarantine"),
        }
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = None

    def hogo(self, *args) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "hogo.cli", *args], env=self.env, capture_output=True, text=True, timeout=180
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    def start(self):
        self.hogo("collectstatic", "--noinput", "-v0")  # served as in production (WhiteNoise, hashed names)
        self.server = subprocess.Popen(
            [sys.executable, "-m", "hogo.cli", "runserver", f"127.0.0.1:{self.port}", "--noreload", "--nostatic"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{self.url}/healthz", timeout=1)  # our own loopback server
                return
            except OSError:
                time.sleep(0.2)
        raise AssertionError("the portal server did not start")

    def stop(self):
        if self.server is not None:
            self.server.terminate()
            self.server.wait(timeout=10)


@pytest.fixture
def portal(tmp_path, cast, settings):
    settings.HOGO_TRANSFER_KEYS_DIR = tmp_path / "core-keys"
    settings.HOGO_TRANSFER_QUARANTINE_DIR = tmp_path / "core-quarantine"
    code = cast.office_a.municipality_code
    zone = Portal(tmp_path / "portal", code)
    (tmp_path / "portal").mkdir()
    # keys: each zone makes its own and trusts the other's public key (handed over on approved media)
    core_key = keys.new_key("core", code)
    (tmp_path / "core.pub").write_text(keys.export_public(core_key))
    zone.hogo("migrate", "--noinput", "-v0")
    zone.hogo("transfer", "keys", "new", "--zone", "portal", "--office", code)
    portal_key = next((tmp_path / "portal" / "keys").glob(f"portal-{code}-*.key")).name.removesuffix(".key")
    keys.trust(zone.hogo("transfer", "keys", "export-public", portal_key))
    zone.hogo("transfer", "keys", "trust", str(tmp_path / "core.pub"))
    zone.start()
    yield zone
    zone.stop()
