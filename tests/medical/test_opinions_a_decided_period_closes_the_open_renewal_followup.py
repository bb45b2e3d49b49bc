"""The periodic renewal of the 医療要否意見書 is a follow-up (rules "medical_opinion*"): deciding a period on a
new agreed 意見書 closes the household's open renewal item itself — done today, with a note naming the
意見書 — and schedules the next one from today. Other households' items and other rules' items stay open."""

from django.utils import timezone

from hogo.followups.generate import regenerate_chunk
from hogo.followups.models import FollowUp, State
from hogo.followups.rules import ensure_rules
from hogo.followups.schedule import add_months
from hogo.households.models import Member

from ..decisions.change_helpers import STARTED
from .medical_helpers import advisor, assisted, decided_period, institutions


def renewal_items(household, state=State.OPEN):
    return FollowUp.objects.filter(household=household, rule__code__startswith="medical_opinion", state=state)


def outpatient_with_open_renewal(cast, key, cw="cw"):
    """An outpatient whose renewal (every 6 months under the office's rules in force since 令和8年4月) is due."""
    household = assisted(cast, key, cw=cw)
    ensure_rules(household.office, effective_from=STARTED)
    Member.objects.filter(household=household, relation="head").update(medical_care="outpatient")
    regenerate_chunk([household.pk], timezone.localdate())
    assert renewal_items(household).count() == 1
    return household


def test_deciding_a_period_closes_the_open_renewal_item_and_schedules_the_next(cast):
    household = outpatient_with_open_renewal(cast, "own")
    item = renewal_items(household).get()
    assert item.due_on == add_months(STARTED, 6)
    visit_items = set(FollowUp.objects.filter(household=household, rule__code="home_visit", state=State.OPEN))

    period = decided_period(cast.users["cw"], advisor(cast), household, institutions(cast.office_a).hospital)

    item.refresh_from_db()
    today = timezone.localdate()
    assert (item.state, item.done_on, item.done_by) == (State.DONE, today, cast.users["cw"])
    assert period.opinion.reference in item.done_note
    following = renewal_items(household).get()
    assert following.pk != item.pk
    assert following.due_on == add_months(today, 6)  # 入院外: every 6 months (the rule's data)
    assert set(FollowUp.objects.filter(household=household, rule__code="home_visit", state=State.OPEN)) == visit_items


def test_another_households_renewal_item_stays_open(cast):
    own = outpatient_with_open_renewal(cast, "own")
    mate = outpatient_with_open_renewal(cast, "mate", "cw_mate")

    decided_period(cast.users["cw"], advisor(cast), own, institutions(cast.office_a).hospital)

    assert renewal_items(mate).count() == 1
    assert not renewal_items(mate, State.DONE).exists()
