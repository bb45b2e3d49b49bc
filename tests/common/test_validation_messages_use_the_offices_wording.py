"""A refused value is explained in the office's wording, naming the field — 「家賃・間代は0円以上で入力して
ください。」 — never in Django's stock wording (「この値は 0 以上でなければなりません。」)."""

import pytest
from django import forms

from hogo.casework.forms import RecordSearchForm
from hogo.collaboration.forms import AssignmentRowForm
from hogo.collaboration.models import Agency
from hogo.common.forms import LabelledForm, YenField
from hogo.households.forms import HouseholdForm
from hogo.offices.models import Staff
from hogo.receivables.forms import DunningForm

STOCK = ("この値は", "でなければなりません", "有効な選択肢", "確認してください", "入力してください。 ")


class Sample(LabelledForm):
    amount = YenField(label="支給額", min_value=1000, max_value=50_000, required=False)
    count = forms.IntegerField(label="回数（月あたり）", min_value=1, max_value=12, required=False)
    ratio = forms.DecimalField(label="割合", max_digits=4, decimal_places=2, min_value=0, max_value=1, required=False)
    kind = forms.ChoiceField(label="種類", choices=[("a", "ア")], required=False)
    kinds = forms.MultipleChoiceField(label="扶助", choices=[("a", "ア")], required=False)
    note = forms.CharField(label="メモ", max_length=5, required=False)
    title = forms.CharField(label="件名", min_length=2, required=False)


def errors_of(form):
    form.is_valid()
    return {name: list(messages) for name, messages in form.errors.items()}


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("amount", "999", "支給額は1,000円以上で入力してください。"),
        ("amount", "50,001円", "支給額は50,000円以下で入力してください。"),
        ("count", "0", "回数は1以上で入力してください。"),
        ("count", "13", "回数は12以下で入力してください。"),
        ("ratio", "-1", "割合は0以上で入力してください。"),
        ("ratio", "1.5", "割合は1以下で入力してください。"),
        ("ratio", "0.123", "割合の小数点以下は2桁以内で入力してください。"),
        ("ratio", "abc", "割合は数値で入力してください。"),
        ("kind", "z", "種類は一覧から選んでください。"),
        ("kinds", "z", "扶助は一覧から選んでください。"),
        ("title", "あ", "件名は2文字以上で入力してください（いま1文字）。"),
        ("note", "あいうえおか", "メモは5文字以内で入力してください（いま6文字）。"),
    ],
)
def test_a_refused_value_is_explained_in_the_offices_wording(field, value, message):
    assert errors_of(Sample({field: value})) == {field: [message]}


def test_the_rent_below_zero_names_the_rent_in_yen(cast):
    form = HouseholdForm({"rent": "-1"}, caseworkers=Staff.objects.all(), office=cast.office_a)
    assert errors_of(form)["rent"] == ["家賃・間代は0円以上で入力してください。"]


def test_a_field_the_form_relabels_is_named_by_its_new_label(cast):
    form = HouseholdForm({"birth_date": "0001-01-01"}, caseworkers=Staff.objects.all(), office=cast.office_a)
    errors = errors_of(form)
    assert errors["name"] == ["世帯主の氏名を入力してください。"]
    assert errors["birth_date"] == ["世帯主の生年月日は1868年（明治元年）から2199年までの日付で入力してください。"]


def test_the_dunning_list_speaks_the_offices_wording():
    errors = errors_of(DunningForm({"min_days": "-1", "min_amount": "-5", "kinds": ["63"]}))
    assert errors == {
        "min_days": ["納期限からの日数は0以上で入力してください。"],
        "min_amount": ["未納額は0円以上で入力してください。"],
    }


def test_the_record_search_and_the_plan_rows_name_their_fields(cast):
    assert errors_of(RecordSearchForm({"kind": "nonsense"}))["kind"] == ["種類は一覧から選んでください。"]
    row = AssignmentRowForm({"frequency": "あ" * 61}, agencies=Agency.objects.none())
    assert errors_of(row)["frequency"] == ["頻度は60文字以内で入力してください（いま61文字）。"]


def test_a_message_the_form_wrote_itself_is_kept():
    form = RecordSearchForm({"date_from": "bad", "cw": "0"})
    errors = errors_of(form)
    assert errors["date_from"] == ["期間の始め（から）は正しい日付で入力してください（例: 2026-04-01）。"]
    assert errors["cw"] == ["ケースワーカーの指定が正しくありません。"]


def test_no_message_keeps_djangos_stock_wording():
    messages = [ms for ms in errors_of(Sample({"amount": "1", "count": "99", "kind": "z", "note": "x" * 9})).values()]
    for text in sum(messages, []):
        assert not any(stock in text for stock in STOCK), text
