"""The office's inquiry figures (hogo.inquiries.figures): reply times per channel and per institution (a bank
by its name, every branch together), open inquiries by age, inquiries per application, and the days the
electronic inquiry saved — whole days, a median of an even count and an average rounded half up."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from hogo.decisions.models import Application
from hogo.inquiries import services
from hogo.inquiries.figures import average, figures, median_days
from hogo.inquiries.models import Inquiry, InquiryKind, InquiryStatus

MIZUHO, MUFG = "0001", "0005"


@pytest.fixture
def today():
    return timezone.localdate()


def on(today, sent_ago: int | None, answered_ago: int | None = None, due_in_days: int = 14, **fields) -> dict:
    """The fields of an inquiry sent `sent_ago` days ago (None: a draft), answered `answered_ago` days ago."""
    if sent_ago is None:
        return fields
    sent = today - timedelta(days=sent_ago)
    values = {"status": InquiryStatus.SENT, "sent_on": sent, "due_on": sent + timedelta(days=due_in_days), **fields}
    if answered_ago is not None:
        values.update(status=InquiryStatus.ANSWERED, answered_on=today - timedelta(days=answered_ago))
    return values


def bank(cast, key, cw, code, branch="", **values) -> Inquiry:
    household = cast.households[key]
    head = services.Person(member=household.members.get(relation="head"))
    made = services.ask_banks(
        cast.users[cw], household, head, bank_codes=[(code, branch)], balance_dates=[timezone.localdate()]
    )[0]
    Inquiry.objects.filter(pk=made.pk).update(**values)
    return made


def letter(cast, key, cw, kind, institution, **values) -> Inquiry:
    made = services.ask_by_letter(
        cast.users[cw],
        cast.households[key],
        services.Person(name="扶養 義務者", kana="フヨウ ギムシャ"),
        kind=kind,
        institution_name=institution,
        institution_address="東京都みなと市三丁目3番3号",
        asked="照会事項",
    )
    Inquiry.objects.filter(pk=made.pk).update(**values)
    return made


def application(cast, key):
    return Application.objects.create(
        household=cast.households[key],
        received_on=timezone.localdate() - timedelta(days=20),
        applicant_name="申請 者",
        reason="テスト",
        recorded_by=cast.users["cw"],
    )


@pytest.fixture
def office_a(cast, today):
    """Electronic replies in 5 and 7 days (みずほ, every branch and 東京営業部) and 4 (三菱ＵＦＪ), one
    waiting 3 days; letters answered in 20 and 15 days, two waiting (35 days, overdue; 10 days), one draft,
    one cancelled; office B's fast reply is not A's."""
    first, second = application(cast, "own"), application(cast, "mate")
    bank(cast, "own", "cw", MIZUHO, application=first, **on(today, 20, 15))
    bank(cast, "own", "cw", MIZUHO, "001", application=first, **on(today, 20, 13))  # 東京営業部
    bank(cast, "own", "cw", MUFG, application=first, **on(today, 10, 6))
    bank(cast, "other_team", "cw_other", MUFG, application=None, **on(today, 3, due_in_days=7))
    letter(cast, "own", "cw", InquiryKind.LIFE_INSURANCE, "日本生命", application=first, **on(today, 40, 20))
    letter(cast, "mate", "cw_mate", InquiryKind.SALARY, "みなと商事", application=second, **on(today, 40, 25))
    letter(cast, "other_team", "cw_other", InquiryKind.PENSION, "みなと年金事務所", **on(today, 35))
    letter(cast, "other_team", "cw_other", InquiryKind.SUPPORT, "扶養 義務者", **on(today, 10))
    letter(cast, "other_team", "cw_other", InquiryKind.SUPPORT, "扶養 義務者", **on(today, None))
    letter(cast, "mate", "cw_mate", InquiryKind.SUPPORT, "扶養 義務者", application=second, status="cancelled")
    bank(cast, "b_household", "b_cw", MIZUHO, **on(today, 2, 1))


def test_a_median_of_an_even_count_and_an_average_are_rounded_half_up():
    assert median_days([2, 3]) == 3 and median_days([1, 9, 4]) == 4 and median_days([]) is None
    assert average([0, 0, 0, 1]) == Decimal("0.3") and average([1, 1, 2]) == Decimal("1.3") and average([]) is None


def test_reply_times_per_channel(cast, office_a, today):
    by_channel = {row["channel"]: row for row in figures(cast.office_a.pk, today)["by_channel"]}

    electronic, paper = by_channel["electronic"], by_channel["paper"]
    assert (electronic["count"], electronic["median"], electronic["average"]) == (3, 5, Decimal("5.3"))
    assert (electronic["fastest"], electronic["slowest"]) == (4, 7)
    assert (paper["count"], paper["median"], paper["average"]) == (2, 18, Decimal("17.5"))


def test_reply_times_per_institution_put_a_banks_branches_together(cast, office_a, today):
    rows = figures(cast.office_a.pk, today)["by_institution"]

    assert [(r["institution"], r["channel"], r["count"], r["median"]) for r in rows] == [
        ("みずほ", "electronic", 2, 6),
        ("みなと商事", "paper", 1, 15),
        ("三菱ＵＦＪ", "electronic", 1, 4),
        ("日本生命", "paper", 1, 20),
    ]


def test_open_inquiries_by_days_since_sent(cast, office_a, today):
    result = figures(cast.office_a.pk, today)

    assert [(b["label"], b["count"]) for b in result["open_by_age"]] == [
        ("0〜7日", 1),
        ("8〜14日", 1),
        ("15〜30日", 0),
        ("31日以上", 1),
    ]
    assert (result["open"], result["overdue"], result["drafts"]) == (3, 1, 1)


def test_inquiries_per_application_leave_out_the_cancelled(cast, office_a, today):
    assert figures(cast.office_a.pk, today)["per_application"] == {
        "applications": 2,
        "inquiries": 5,
        "average": Decimal("2.5"),
        "max": 4,
    }


def test_the_days_saved_are_an_estimate_from_the_two_medians(cast, office_a, today):
    saved = figures(cast.office_a.pk, today)["saved"]

    assert (saved["paper_median"], saved["electronic_median"], saved["electronic_answered"]) == (18, 5, 3)
    assert saved["days"] == (18 - 5) * 3
    assert saved["estimate"] is True and "推計" in saved["label"]


def test_no_days_saved_until_both_channels_have_replies(cast, today):
    bank(cast, "own", "cw", MIZUHO, **on(today, 10, 5))

    assert figures(cast.office_a.pk, today)["saved"]["days"] is None


def test_since_keeps_the_inquiries_sent_from_that_day_and_the_drafts_made_since(cast, office_a, today):
    result = figures(cast.office_a.pk, today, since=today - timedelta(days=15))

    assert [row["count"] for row in result["by_channel"]] == [1, 0]
    assert (result["open"], result["drafts"]) == (2, 1)


def test_another_offices_inquiries_are_not_counted(cast, office_a, today):
    result = figures(cast.office_b.pk, today)

    assert [row["count"] for row in result["by_channel"]] == [1, 0]
    assert result["by_institution"][0]["median"] == 1 and result["open"] == 0
