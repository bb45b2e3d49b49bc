"""A date in a message (a flash message, a refusal, the daily digest, a follow-up's period) is written in
和暦 like every screen — 「決定期限は令和8年12月16日です」, never 「2026-12-16」."""

import re
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hogo.benefits.engine import InputError, load_standards
from hogo.common.wareki import wareki, wareki_month
from hogo.decisions import periods
from hogo.followups import schedule
from hogo.followups.digest import compose
from hogo.households import services as household_services
from hogo.households.models import CaseworkerAssignment, Household
from tests.benefits.helpers import calc, household, member
from tests.followups.conftest import regenerate, rules, today  # noqa: F401  (fixtures)
from tests.roles import said

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def test_the_calculators_refusal_before_the_first_standards_writes_the_date_in_wareki():
    earliest = load_standards().earliest
    with pytest.raises(InputError) as refused:
        calc(household(as_of="2000-04-01", members=[member("m1", 40, as_of="2000-04-01")]))
    assert refused.value.field == "as_of"
    assert refused.value.problem == f"{wareki(earliest)}より前の基準はありません"
    assert not ISO.search(str(refused.value))


@pytest.mark.parametrize(
    "kind, approved, day",
    [
        ("start", [("start", date(2026, 4, 1))], date(2026, 6, 1)),
        ("start", [("termination", date(2026, 9, 1)), ("start", date(2026, 4, 1))], date(2026, 6, 1)),
        ("change", [], date(2026, 6, 1)),
    ],
)
def test_a_decision_that_does_not_fit_names_its_day_in_wareki(kind, approved, day):
    with pytest.raises(ValueError) as refused:
        periods.check_fits(kind, day, approved)
    assert "令和8年6月1日" in str(refused.value)
    assert not ISO.search(str(refused.value))


def test_the_follow_up_periods_are_written_in_wareki():
    assert schedule.wareki_month(date(2026, 11, 5)) == "令和8年11月"
    assert schedule.wareki_year(date(2019, 6, 1)) == "令和元年"


def test_a_monthly_follow_up_is_labelled_with_its_wareki_month(cast, rules, regenerate, today):
    from hogo.followups.models import FollowUp  # noqa: PLC0415 - after the fixtures set up the rules

    regenerate(cast.households["own"])
    labels = set(
        FollowUp.objects.filter(household=cast.households["own"])
        .exclude(period_label="")
        .values_list("period_label", flat=True)
    )
    assert not any(re.match(r"\d{4}年", label) for label in labels), labels
    monthly = {label for label in labels if label.endswith("月")}
    assert monthly <= {wareki_month(today)}


def test_receiving_an_application_says_the_deadline_in_wareki(cast, login, today):
    household = cast.households["unassigned"]
    CaseworkerAssignment.objects.create(household=household, caseworker=cast.staff["cw"], valid_from=date(2020, 4, 1))
    response = login(cast.users["cw"]).post(
        reverse("application_new", args=[household.public_id]),
        {
            "received_on": today.isoformat(),
            "applicant_name": "山田 花子",
            "applicant_relation": "本人",
            "reason": "失業",
        },
    )
    messages = [text for _, text in said(response)]
    assert any(re.fullmatch(r"申請を受け付けました。決定期限は令和\d+年\d+月\d+日です。", m) for m in messages), (
        messages
    )


def test_a_status_change_before_the_last_one_names_it_in_wareki(cast, today):
    household = cast.households["own"]
    Household.objects.filter(pk=household.pk).update(status="consultation")
    household_services.change_status(
        cast.users["cw"],
        household,
        new_status="consultation_closed",
        reason="相談終了",
        effective_date=date(2026, 4, 1),
    )
    with pytest.raises(ValidationError) as refused:
        household_services.change_status(
            cast.users["cw"], household, new_status="consultation", reason="再相談", effective_date=date(2026, 3, 1)
        )
    assert refused.value.message_dict["effective_date"] == [
        "直前の状態変更（令和8年4月1日）より前の日付にはできません。"
    ]


def test_the_daily_digest_writes_its_dates_in_wareki(cast, rules, today):
    from hogo.followups import services  # noqa: PLC0415 - the fixtures seed the rules first

    services.register_declaration(
        cast.users["cw"],
        cast.households["own"],
        kind="income",
        received_on=today - timedelta(days=10),
        channel="paper",
        period_label="10月分",
    )
    title, body = compose(cast.users["cw"], today)
    assert title.startswith(f"{wareki(today)}の確認事項")
    assert wareki(today - timedelta(days=3)) in body
    assert not ISO.search(title + body)
