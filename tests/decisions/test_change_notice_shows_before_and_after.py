"""A change notice shows, per 扶助 and in total, the amounts of the decision in force before it and
its own, with the difference."""

from datetime import date

from hogo.households.models import Household

from .notice_helpers import approved_change, approved_start, notice_rows, notice_text


def test_a_change_notice_shows_the_previous_and_the_new_amounts(cast, applying, tmp_path):
    household, _, start = approved_start(cast, applying)
    Household.objects.filter(pk=household.pk).update(rent=30000)
    _, change = approved_change(cast, household, as_of=date(2027, 1, 1), effective_from=date(2027, 1, 1))
    assert change.benefit_total == start.benefit_total - 15000
    text = notice_text(change, tmp_path)
    assert "保護変更決定通知書" in text
    assert "変更前変更後増減" in text and "変更前は令和8年12月1日からの決定" in text
    rows = notice_rows(change, tmp_path)
    assert "扶助の種類 変更前 変更後 増減" in rows
    assert f"生活扶助 {start.amounts['living']:,}円 {change.amounts['living']:,}円 0円" in rows
    assert "住宅扶助 45,000円 30,000円 △15,000円" in rows
    assert f"合計（月額） {start.benefit_total:,}円 {change.benefit_total:,}円 △15,000円" in rows
    assert "期末一時扶助" not in text.split("保護費の算定")[0]  # December's item is not this change's


def test_a_start_notice_has_no_before_and_after(cast, applying, tmp_path):
    *_, start = approved_start(cast, applying)
    assert "変更前" not in notice_text(start, tmp_path)
