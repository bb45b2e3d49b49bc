"""The 文書番号: the office's prefix and a running number per office and 年度, assigned at the last
approval, unique in the database and never reused; the notice names the 実施機関の長 of the office
settings."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from hogo.common.models import InsertOnlyViolation
from hogo.decisions import numbering
from hogo.decisions.models import NoticeNumber
from hogo.households.models import Household

from .notice_helpers import approved_change, approved_start, notice_text


def test_the_number_comes_at_the_last_approval_from_the_office_settings(cast, applying, tmp_path):
    office = cast.office_a
    office.notice_number_prefix, office.head_title = "み福保", "みなと市福祉事務所長 港 太郎"
    office.save()
    household, test, start = approved_start(cast, applying)
    number = start.notice_number
    year = numbering.fiscal_year(start.approved_at.date())
    assert (number.office, number.fiscal_year, number.serial) == (office, year, 1)
    assert number.text == f"{year - 2018}み福保第1号"  # 令和 year of the 年度
    text = notice_text(start, tmp_path)
    assert number.text in text and "みなと市福祉事務所長 港 太郎" in text

    Household.objects.filter(pk=household.pk).update(rent=30000)
    _, change = approved_change(cast, household, as_of=date(2027, 1, 1), effective_from=date(2027, 1, 1))
    assert change.notice_number.serial == 2


def test_a_draft_has_no_number_and_an_approval_step_short_of_the_last_gives_none(cast, drafted):
    from hogo.approvals import services as approvals

    *_, decision = drafted
    approvals.approve(cast.users["sv"], decision)
    assert not NoticeNumber.objects.filter(decision=decision).exists()


def test_the_database_refuses_a_number_twice_and_a_number_is_never_changed_or_deleted(cast, applying):
    *_, start = approved_start(cast, applying)
    number = start.notice_number
    with pytest.raises(InsertOnlyViolation):
        number.delete()
    with pytest.raises(InsertOnlyViolation):
        number.save()
    other = NoticeNumber(
        decision=start, office=number.office, fiscal_year=number.fiscal_year, serial=number.serial, text="x", issuer="y"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        NoticeNumber.objects.bulk_create([other])


def test_the_office_defaults_name_the_head_and_the_appeal_without_placeholders(cast, applying, tmp_path):
    office = cast.office_a
    assert office.notice_head == f"{office.name}長" and office.notice_number_prefix == "福保"
    *_, start = approved_start(cast, applying)
    text = notice_text(start, tmp_path)
    assert f"{office.name}長" in text
    body = office.name.removesuffix("福祉事務所")
    assert f"{body}を被告として" in text and "東京都知事に対して審査請求" in text
    assert "市（区町村）" not in text and "都道府県知事に対して" not in text
