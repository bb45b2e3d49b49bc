import pytest

from tests.transfer.service_bundles import give_office_keys


@pytest.fixture(autouse=True)
def office_keys(request, settings, tmp_path):
    """Every office of the cast has its core signing key: the day's batch is a signed bundle."""
    give_office_keys(request, settings, tmp_path)
