"""The demo data still loads under the stated bounds (decision 0021): every household's postal code
is NNN-NNNN, its prefecture one of the 47, its rent and texts within their bounds, and every
member's birth date at most 120 years back."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from hogo.households.models import Household, Member
from hogo.households.services import earliest_birth_date


@pytest.fixture
def demo(db, capsys):
    call_command("demo", households=200, seed=11, as_json=True)
    capsys.readouterr()


def test_every_demo_household_passes_the_models_validation(demo):
    households = list(Household.objects.all())
    assert households
    for household in households:
        household.full_clean(exclude=["office"], validate_constraints=False)


def test_no_demo_member_was_born_before_the_bound(demo):
    assert not Member.objects.filter(birth_date__lt=earliest_birth_date(timezone.localdate())).exists()
