"""A file is all or nothing: unknown columns, a missing required column, an amount that is not an
integer, a date that does not exist, a person of another office's open case, or the same person twice
with different amounts refuse the whole file — every bad row and column named, and nothing saved, not
even the good rows' facts (no run, no income, no decision)."""

import pytest

from hogo.decisions.models import Decision
from hogo.households.models import Circumstance, Income
from hogo.linkage import services
from hogo.linkage.layouts import FileRefused
from hogo.linkage.models import LinkageRow, LinkageRun, Outcome

from ..decisions.change_helpers import head_of
from .helpers import PENSION_HEADER, csv_bytes, import_pension, pension_line, pensioner, with_number

OTHER_OFFICE = "宛名番号・氏名カナ・生年月日: 他の福祉事務所の世帯員です。この事務所のファイルではありません。"


@pytest.fixture
def good(cast):
    """A good line for the office's own pensioner (a revision that would draft a change)."""
    head = pensioner(cast.households["own"], cast.users["cw"])
    return pension_line(head, annual=780_000)


def refused(cast, data: bytes) -> list[str]:
    before = (Income.objects.count(), Circumstance.objects.count(), Decision.objects.count())
    with pytest.raises(FileRefused) as refusal:
        services.import_file(cast.users["sv"], cast.office_a, "pension", "nenkin.csv", data)
    assert not LinkageRun.objects.exists() and not LinkageRow.objects.exists()
    assert (Income.objects.count(), Circumstance.objects.count(), Decision.objects.count()) == before
    return refusal.value.refusal.messages


def test_an_unknown_column_refuses_the_file(cast, good):
    assert refused(cast, csv_bytes(PENSION_HEADER + ",備考", good + "メモ")) == [
        "1行目・備考: 年金（情報連携）の様式にない列です。"
    ]


def test_a_missing_required_column_refuses_the_file(cast, good):
    header = PENSION_HEADER.replace(",改定年月", "")
    line = good.replace(",2026-06,", ",")

    assert refused(cast, csv_bytes(header, line)) == ["1行目・改定年月: 必須の列がありません。"]


def test_an_amount_that_is_not_an_integer_refuses_the_file_with_the_good_rows(cast, good):
    other = pensioner(cast.households["mate"], cast.users["cw_mate"], number="100000000002")
    bad = pension_line(other, annual=780_000).replace(",780000,", ",78万,")

    assert refused(cast, csv_bytes(PENSION_HEADER, good, bad)) == [
        "3行目・年額: 金額は円単位の整数で書いてください（「78万」）。"
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2026-02-30", "存在しない日付です（2026年2月30日）。"),
        ("令和8年2月30日", "存在しない日付です（2026年2月30日）。"),
        ("平成31年5月1日", "平成にない日付です（「平成31年5月1日」）。"),
    ],
)
def test_a_date_that_does_not_exist_refuses_the_file(cast, good, written, message):
    bad = good.replace("1950-05-01", written)

    assert refused(cast, csv_bytes(PENSION_HEADER, bad)) == [f"2行目・生年月日: {message}"]


def test_the_same_person_twice_with_different_amounts_refuses_the_file(cast, good):
    again = good.replace(",780000,130000,", ",786000,131000,")

    assert refused(cast, csv_bytes(PENSION_HEADER, good, again)) == ["3行目: 2行目と同じ人の同じ項目で、値が違います。"]


def test_the_same_member_named_by_number_and_by_kana_with_different_amounts_refuses_the_file(cast, good):
    head = head_of(cast.households["own"])
    again = pension_line(head, annual=726_000, number=False)

    assert refused(cast, csv_bytes(PENSION_HEADER, good, again)) == ["3行目: 2行目と同じ人の同じ項目で、値が違います。"]


def test_the_same_member_named_by_number_and_by_kana_with_the_same_amounts_is_applied_once(cast, good):
    head = head_of(cast.households["own"])
    again = pension_line(head, annual=780_000, number=False)

    imported = import_pension(cast.users["sv"], cast.office_a, good, again)

    rows = list(imported.run.items.order_by("line"))
    assert [r.outcome for r in rows] == [Outcome.DRAFTED, Outcome.EXCEPTION]
    assert rows[1].reason == "2行目と同じ人の同じ項目が前の行にあります"
    assert Income.objects.current().filter(member=head, until=None).count() == 1


def test_a_member_of_another_offices_open_case_by_number_refuses_the_file(cast, good):
    elsewhere = with_number(head_of(cast.households["b_household"]), "900000000001")
    line = pension_line(elsewhere, annual=780_000).replace("ハヤシ マサオ", "ハヤシ マサル")

    assert refused(cast, csv_bytes(PENSION_HEADER, good, line)) == [f"3行目・{OTHER_OFFICE}"]


def test_a_member_of_another_offices_open_case_by_kana_and_birth_date_refuses_the_file(cast, good):
    elsewhere = head_of(cast.households["b_household"])
    line = pension_line(elsewhere, annual=780_000, number=False)

    assert refused(cast, csv_bytes(PENSION_HEADER, good, line)) == [f"3行目・{OTHER_OFFICE}"]


def test_a_person_of_another_offices_closed_case_is_only_not_found(cast, good):
    closed = cast.households["b_household"]
    type(closed).objects.filter(pk=closed.pk).update(status="terminated")
    line = pension_line(head_of(closed), annual=780_000, number=False)

    imported = import_pension(cast.users["sv"], cast.office_a, good, line)

    rows = list(imported.run.items.order_by("line"))
    assert [r.outcome for r in rows] == [Outcome.DRAFTED, Outcome.EXCEPTION]
    assert rows[1].reason == "該当する世帯員がいません"


def test_a_cp932_file_with_full_width_digits_and_wareki_dates_is_imported(cast):
    head = pensioner(cast.households["own"], cast.users["cw"], number="100000000001")
    line = f"１０００００００００01,{head.name},ﾔﾏﾀﾞ ﾀﾛｳ,昭和25年5月1日,老齢基礎年金,７８０，０００,１３００００,R8.6,"

    imported = import_pension(cast.users["sv"], cast.office_a, line, encoding="cp932")

    assert imported.run.encoding == "cp932"
    [row] = imported.run.items.all()
    assert row.member == head and row.outcome == Outcome.DRAFTED
    assert Income.objects.current().get(member=head, until=None).monthly_amount == 65_000
