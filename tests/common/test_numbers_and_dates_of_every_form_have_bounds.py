"""Every number and date field of a `LabelledForm` is bounded even where its form sets no bound
(decision 0023): a number beyond the database's integer, or a date before 明治元年 or after 2199, is a
message naming the field — not an overflow in the database, in date arithmetic or in 和暦 (500)."""

from datetime import date

import pytest
from django import forms
from django.urls import reverse

from hogo.common.forms import DB_INT_MAX, LabelledForm
from tests.roles import said


class Sample(LabelledForm):
    count = forms.IntegerField(label="件数", required=False)
    small = forms.IntegerField(label="小さい数", max_value=10, required=False)
    day = forms.DateField(label="日付", required=False)
    at = forms.DateTimeField(label="日時", required=False)


def errors_of(**data):
    form = Sample(data)
    form.is_valid()
    return form.errors


def test_a_number_beyond_the_database_integer_is_refused_on_its_field():
    assert errors_of(count=str(10**30))["count"] == [f"件数は{DB_INT_MAX:,}以下で入力してください。"]
    assert not errors_of(count=str(DB_INT_MAX))


def test_a_bound_the_form_sets_is_kept():
    assert errors_of(small="11")["small"] == ["小さい数は10以下で入力してください。"]


@pytest.mark.parametrize("field, value", [("day", "0001-01-01"), ("day", "9999-12-31"), ("at", "0001-01-01T10:00")])
def test_a_date_outside_the_calendar_is_refused_on_its_field(field, value):
    label = {"day": "日付", "at": "日時"}[field]
    assert errors_of(**{field: value})[field] == [
        f"{label}は1868年（明治元年）から2199年までの日付で入力してください。"
    ]


def test_the_first_and_last_days_are_taken():
    form = Sample({"day": "1868-01-25", "at": "2199-12-31T23:00"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == date(1868, 1, 25)


def test_a_month_of_the_changes_by_age_in_year_9999_is_a_message(cast, login):
    response = login(cast.users["cw"]).get(reverse("age_changes"), {"month": "9999-12"})
    assert response.status_code == 200
    assert said(response) == [("error", "対象の月は1868年（明治元年）から2199年までの日付で入力してください。")]


def test_a_change_decision_effective_in_year_1_is_a_message(cast, login):
    household = cast.households["own"]
    response = login(cast.users["cw"]).post(
        reverse("change_draft", args=[household.public_id]), {"effective_from": "0001-01-01"}
    )
    assert response.status_code == 302
    assert said(response) == [("error", "効力発生日は1868年（明治元年）から2199年までの日付で入力してください。")]
