"""The benefit engine: pure Python, no Django import, money in int yen.

from hogo.benefits.engine import calculate, parse_household
calc = calculate(parse_household(data))
"""

from .calculator import Calculation, calculate, region_mismatch, winter_region_of
from .inputs import HouseholdInput, IncomeInput, InputError, MemberInput, parse_household
from .standards import Standards, load_standards

__all__ = [
    "Calculation",
    "HouseholdInput",
    "IncomeInput",
    "InputError",
    "MemberInput",
    "Standards",
    "calculate",
    "load_standards",
    "parse_household",
    "region_mismatch",
    "winter_region_of",
]
