"""Signals other apps listen to, so this app does not import them."""

from django.dispatch import Signal

# Sent (inside the service's transaction) after facts that periodic checks depend on changed:
# residence, visit grade, a member's medical care, work capacity or certificate dates.
# Arguments: household.
check_facts_changed = Signal()
