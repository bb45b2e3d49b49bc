import pytest


@pytest.fixture(autouse=True)
def transfer_dirs(settings, tmp_path):
    """Each test keeps its transfer keys and quarantine in its own folder."""
    settings.HOGO_TRANSFER_KEYS_DIR = tmp_path / "keys"
    settings.HOGO_TRANSFER_QUARANTINE_DIR = tmp_path / "quarantine"
