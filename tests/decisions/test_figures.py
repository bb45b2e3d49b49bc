"""Figures on the 14-day rule."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from hogo.decisions.figures import application_figures
from hogo.decisions.models import Application
from hogo.households.models import Household


def make_application(cast, household, received, decided=None):
    return Application.objects.create(
        household=household,
        received_on=received,
        decided_on=decided,
        applicant_name="x",
        reason="x",
        recorded_by=cast.users["cw"],
    )


def test_days_to_decision_share_within_14_days_and_overdue(cast):
    today = timezone.localdate()
    own, mate = cast.households["own"], cast.households["mate"]
    make_application(cast, own, today - timedelta(days=40), today - timedelta(days=30))  # 10 days
    make_application(cast, own, today - timedelta(days=60), today - timedelta(days=40))  # 20 days
    make_application(cast, mate, today - timedelta(days=20), today - timedelta(days=6))  # 14 days
    late = make_application(cast, mate, today - timedelta(days=16))  # open, 2 days over
    make_application(cast, mate, today - timedelta(days=3))  # open, in time
    figures = application_figures(Household.objects.all(), today - timedelta(days=365), today)
    office = figures["office"]
    assert (office.decided, office.within_14, office.percent, office.average_days) == (3, 2, 67, 14.7)
    assert [r["public_id"] for r in figures["overdue"]] == [late.public_id] and figures["overdue"][0]["days_over"] == 2
    by_name = {s.name: (s.decided, s.within_14) for s in figures["caseworkers"]}
    assert by_name == {"佐藤 一郎": (2, 1), "鈴木 花子": (1, 1)}
    assert figures["open"] == 2


def test_the_figures_page_counts_only_households_the_user_may_see(cast, login):
    today = timezone.localdate()
    make_application(cast, cast.households["b_household"], today - timedelta(days=20))
    body = login(cast.users["chief"]).get(reverse("decision_figures")).content.decode()
    assert "決定前の申請</span><strong>0件" in body
    body = login(cast.users["b_chief"]).get(reverse("decision_figures")).content.decode()
    assert "決定前の申請</span><strong>1件" in body
