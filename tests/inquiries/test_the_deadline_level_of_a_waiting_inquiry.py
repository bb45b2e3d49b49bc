"""The colour of a sent inquiry still waiting for its reply (hogo.inquiries.deadlines): red when the reply is
overdue or the application's decision deadline (生活保護法第24条第5項) has passed, amber when that deadline is
three days away or fewer, nothing otherwise; and the words that say why."""

from datetime import date, timedelta

import pytest

from hogo.inquiries.deadlines import AMBER, RED, describe, level

TODAY = date(2026, 12, 2)


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def test_a_reply_past_its_due_date_is_red_even_without_an_application():
    assert level(days(-1), None, TODAY) == RED


def test_a_reply_due_today_is_not_yet_overdue():
    assert level(days(0), None, TODAY) == ""


def test_a_passed_decision_deadline_is_red_even_when_the_reply_is_not_yet_due():
    assert level(days(5), days(-1), TODAY) == RED


@pytest.mark.parametrize("left", [0, 1, 3])
def test_a_decision_deadline_three_days_away_or_fewer_is_amber(left):
    assert level(days(10), days(left), TODAY) == AMBER


def test_a_decision_deadline_four_days_away_is_no_alert_yet():
    assert level(days(10), days(4), TODAY) == ""


def test_an_overdue_reply_stays_red_when_the_decision_deadline_is_only_near():
    assert level(days(-2), days(1), TODAY) == RED


def test_an_office_may_ask_for_more_warning_days():
    assert level(None, days(5), TODAY, near_days=5) == AMBER
    assert level(None, days(5), TODAY) == ""


def test_the_words_say_how_near_or_how_late_each_deadline_is():
    assert describe(days(5), days(2), TODAY) == "保護の決定期限まであと2日"
    assert describe(days(5), days(0), TODAY) == "保護の決定期限は今日です"
    assert describe(days(-3), days(-1), TODAY) == "保護の決定期限を1日過ぎています・回答期限を3日過ぎています"
    assert describe(days(5), days(9), TODAY) == ""
