"""Domain events of applications, sent by this app's services (inside their transaction), so the
apps that react to them (followups keeps the 14-day deadline item) do not hang on model saves.

Each sends `application`: the Application as it is after the event.
"""

from django.dispatch import Signal

application_received = Signal()
application_deadline_extended = Signal()
# The application got its decision date: the decision answering it took effect.
application_decided = Signal()
