"""Limitation dates. Pure functions.

Both kinds are public-law claims of the municipality: the right lapses five years after it could
first be exercised (地方自治法第236条第1項) — for 第78条 徴収金, collected by the example of national
taxes (法第78条第4項・第77条の2第2項), 国税通則法第72条 also gives five years. Dunning (督促) interrupts the
period (地方自治法第236条第4項); this function gives the date counted from the due date only, and the
ledger page says so. To be confirmed by each office's legal section (see docs/decisions/0012)."""

from datetime import date, timedelta

LIMITATION_YEARS = 5


def limitation_date(due_on: date) -> date:
    """The last day of the five years, counted from the day after the due date (民法第140条): the
    period ends the day before the corresponding day, or — with no corresponding day (29 February)
    — on the last day of that month (民法第143条第2項)."""
    start = due_on + timedelta(days=1)
    try:
        return start.replace(year=start.year + LIMITATION_YEARS) - timedelta(days=1)
    except ValueError:
        return date(start.year + LIMITATION_YEARS, 2, 28)


def arrears_days(due_on: date, today: date) -> int:
    return max(0, (today - due_on).days)
