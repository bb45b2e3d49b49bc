"""Tests of the portal zone: they run only under the portal's settings
(`pytest --ds=hogo.settings.portal_test --confcutdir=tests/portal_zone tests/portal_zone`, the second run
of `make test`; --confcutdir keeps tests/conftest.py, which imports core models, out of that run). Under
the core's settings this folder is not collected (the portal's models are not installed there).

Every test keeps its keys and quarantine in its own folder and serves one office (helpers.OFFICE)."""

import pytest
from django.conf import settings

if getattr(settings, "ZONE", None) != "portal":
    collect_ignore_glob = ["*.py"]
else:
    # the same socket guard as the core's run (tests/conftest.py is not loaded here)
    from ..no_outbound import _no_outbound_attempt_in_this_test, _no_outbound_for_the_run, no_outbound  # noqa: F401
    from .helpers import OFFICE

    @pytest.fixture(autouse=True)
    def transfer_dirs(settings, tmp_path):
        settings.HOGO_TRANSFER_KEYS_DIR = tmp_path / "keys"
        settings.HOGO_TRANSFER_QUARANTINE_DIR = tmp_path / "quarantine"
        settings.HOGO_TRANSFER_SERVED_OFFICES = [OFFICE]
        return tmp_path
