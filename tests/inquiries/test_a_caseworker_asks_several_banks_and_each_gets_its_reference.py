"""Asking banks: one deposit inquiry per (bank, branch) chosen from zengin-code, each with its own
reference — unique and sequential per office and year; branch '' asks every branch (本店一括). Codes
not in the list, and balance dates in the future, are refused on their field; only the household's
caseworker (or the team's supervisor) may ask."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hogo.audit.models import AuditEntry
from hogo.inquiries import services
from hogo.inquiries.models import Channel, Inquiry, InquiryKind, InquiryStatus
from hogo.offices.models import Office
from tests.factories import OfficeFactory, TeamFactory, make_household, make_staff

from .reply_helpers import MIZUHO, MUFG, SMBC, TOKYO_EIGYOBU, ask, head_of, today


def prefix_of(office):
    return f"{office.municipality_code}{today().year % 100:02d}"


def test_each_bank_gets_its_own_draft_inquiry_with_the_next_reference(cast):
    household = cast.households["own"]

    made = ask(cast.users["cw"], household, (MIZUHO, TOKYO_EIGYOBU), (MUFG, ""), (SMBC, ""))

    references = [i.reference for i in made]
    assert len(set(references)) == 3
    numbers = [int(r[-6:]) for r in references]
    assert numbers == [1, 2, 3]
    assert {i.kind for i in made} == {InquiryKind.DEPOSIT}
    assert {i.channel for i in made} == {Channel.ELECTRONIC}
    assert {i.status for i in made} == {InquiryStatus.DRAFT}
    assert made[0].institution_name == "みずほ 東京営業部"
    assert made[0].person_name == "山田 太郎" and made[0].person_kana == "ヤマダ タロウ"


def test_the_numbering_goes_on_across_households_and_caseworkers_of_the_office(cast):
    first = ask(cast.users["cw"], cast.households["own"], (MIZUHO, ""))
    second = ask(cast.users["cw_mate"], cast.households["mate"], (MUFG, ""))

    assert int(second[0].reference[-6:]) == int(first[0].reference[-6:]) + 1


def test_each_office_counts_its_own_references(cast):
    in_a = ask(cast.users["cw"], cast.households["own"], (MIZUHO, ""), (MUFG, ""))
    in_b = ask(cast.users["b_cw"], cast.households["b_household"], (MIZUHO, ""))

    assert [i.reference for i in in_a] == [f"{prefix_of(cast.office_a)}{n:06d}" for n in (1, 2)]
    assert in_b[0].reference == f"{prefix_of(cast.office_b)}000001"


def test_offices_whose_codes_end_alike_still_get_references_of_their_own(db):
    # 函館市 012025 and 銚子市 122025 share their last four digits (the check digit too)
    offices = [OfficeFactory(municipality_code=code) for code in ("012025", "122025")]
    made = []
    for office in offices:
        cw = make_staff(office, "caseworker", team=TeamFactory(office=office))
        made += ask(cw.user, make_household(office, cw), (MIZUHO, ""))

    assert made[0].reference != made[1].reference
    assert [int(i.reference[-6:]) for i in made] == [1, 1]
    assert Office.objects.count() == 2


def test_a_reference_never_comes_back_after_a_cancellation(cast):
    cw, household = cast.users["cw"], cast.households["own"]
    [first] = ask(cw, household, (MIZUHO, ""))
    services.cancel(cw, first, "口座の申告が誤りでした")

    [second] = ask(cw, household, (MUFG, ""))

    assert int(second.reference[-6:]) == int(first.reference[-6:]) + 1


def test_a_blank_branch_asks_every_branch_of_the_bank(cast):
    [inquiry] = ask(cast.users["cw"], cast.households["own"], (MUFG, ""))

    assert inquiry.branch_code == "" and inquiry.all_branches
    assert "本店一括" in inquiry.institution_name


def test_the_asked_dates_and_transactions_are_kept_on_the_inquiry(cast):
    days = [today() - timedelta(days=90), today() - timedelta(days=1), today() - timedelta(days=90)]

    [inquiry] = ask(cast.users["cw"], cast.households["own"], (SMBC, ""), balance_dates=days, with_transactions=True)

    assert inquiry.balance_dates == sorted({d.isoformat() for d in days})
    assert inquiry.with_transactions and "取引履歴" in inquiry.asked


def test_asking_is_audited_per_inquiry(cast):
    made = ask(cast.users["cw"], cast.households["own"], (MIZUHO, ""), (MUFG, ""))

    events = AuditEntry.objects.filter(action="create", target_type="inquiry")
    assert sorted(e.target_id for e in events) == sorted(str(i.public_id) for i in made)


def test_the_supervisor_of_the_team_may_ask_too(cast):
    made = ask(cast.users["sv"], cast.households["own"], (MIZUHO, ""))

    assert made[0].created_by == cast.users["sv"]


@pytest.mark.parametrize("who", ["cw_mate", "cw_other", "clerk", "b_cw"])
def test_nobody_else_may_ask_about_the_household(cast, who):
    with pytest.raises(PermissionDenied):
        ask(cast.users[who], cast.households["own"], (MIZUHO, ""))

    assert not Inquiry.objects.exists()


@pytest.mark.parametrize(
    ("bank_codes", "words"),
    [
        ([("9998", "")], "9998"),  # no such bank
        ([(MIZUHO, "999")], "999"),  # no such branch of みずほ
        ([("1", "")], "4桁"),
        ([(MIZUHO, "1")], "3桁"),
        ([(MIZUHO, ""), (MUFG, ""), (MIZUHO, "")], "2回"),
        ([], "1つ以上"),
    ],
)
def test_a_bank_or_branch_not_in_zengin_code_is_refused_on_the_banks_field(cast, bank_codes, words):
    with pytest.raises(ValidationError) as refused:
        services.ask_banks(
            cast.users["cw"],
            cast.households["own"],
            head_of(cast.households["own"]),
            bank_codes=bank_codes,
            balance_dates=[today()],
        )

    assert list(refused.value.message_dict) == ["banks"]
    assert words in refused.value.message_dict["banks"][0]
    assert not Inquiry.objects.exists()


def test_a_balance_date_in_the_future_is_refused(cast):
    with pytest.raises(ValidationError) as refused:
        ask(cast.users["cw"], cast.households["own"], (MIZUHO, ""), balance_dates=[today() + timedelta(days=1)])

    assert list(refused.value.message_dict) == ["balance_dates"]
    assert not Inquiry.objects.exists()


def test_today_is_a_balance_date_that_may_be_asked(cast):
    [inquiry] = ask(cast.users["cw"], cast.households["own"], (MIZUHO, ""), balance_dates=[today()])

    assert inquiry.balance_dates == [today().isoformat()]


def test_a_member_of_another_household_is_refused_on_the_member_field(cast):
    stranger = cast.households["mate"].members.get(relation="head")

    with pytest.raises(ValidationError) as refused:
        services.ask_banks(
            cast.users["cw"],
            cast.households["own"],
            services.Person(member=stranger),
            bank_codes=[(MIZUHO, "")],
            balance_dates=[today()],
        )

    assert "member" in refused.value.message_dict
    assert not Inquiry.objects.exists()


def test_the_numbering_starts_again_each_year(cast):
    ask(cast.users["cw"], cast.households["own"], (MIZUHO, ""), (MUFG, ""))
    next_year = today().replace(year=today().year + 1, month=1, day=4)

    reference = services._next_reference(cast.office_a, next_year)

    assert reference == f"{cast.office_a.municipality_code}{next_year.year % 100:02d}000001"
    assert services._next_reference(cast.office_a, today()).endswith("000003")
