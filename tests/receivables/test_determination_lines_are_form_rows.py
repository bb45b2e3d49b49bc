"""The 法第63条/第78条 determination takes its lines as form rows (月・扶助・金額), not typed text: an
amount as people write it is saved, empty rows are ignored, a bad value is named on its row and field,
and nothing is saved while any row is wrong."""

from datetime import timedelta

from django.urls import reverse

from hogo.receivables.models import Determination

from .form_rows import determination, line


def post(cast, login, today, *lines, **fields):
    url = reverse("determination_new", args=[cast.households["own"].public_id])
    data = determination(
        *lines,
        cause="recipient",
        means_existed="年金の遡及支給",
        surcharge_percent="0",
        due_on=(today + timedelta(days=30)).isoformat(),
    )
    return login(cast.users["cw"]).post(url, data | fields)


def test_the_form_shows_rows_with_a_month_picker_and_the_japanese_names_of_the_assistance(cast, login):
    page = login(cast.users["cw"]).get(reverse("determination_new", args=[cast.households["own"].public_id]))
    html = page.content.decode()
    assert 'type="month" name="lines-0-month"' in html
    assert ">生活扶助</option>" in html and ">living<" not in html and "living 生活" not in html
    assert "行を追加" in html


def test_a_row_with_50000_yen_written_with_a_comma_is_saved_as_50000(cast, login, today):
    response = post(
        cast, login, today, line("2026-04", "living", "50,000円"), line(), line("2026-05", "housing", "２００００")
    )
    assert response.status_code == 302
    saved = Determination.objects.get()
    assert saved.lines == [
        {"month": "2026-04-01", "assistance": "living", "amount": 50_000},
        {"month": "2026-05-01", "assistance": "housing", "amount": 20_000},
    ]


def test_a_bad_amount_and_a_bad_month_are_named_on_their_rows_and_nothing_is_saved(cast, login, today):
    response = post(
        cast,
        login,
        today,
        line("2026-04", "living", "35000"),
        line("2026-05", "living", "五万"),
        line("2026-13", "housing", "1000"),
    )
    errors = response.context["form"].non_field_errors()
    assert response.status_code == 200
    assert "2行目の金額は数字で入力してください。" in errors
    assert any(e.startswith("3行目の月は正しい日付で") for e in errors)
    assert "五万" in response.content.decode()  # what was typed stays on its row
    assert not Determination.objects.exists()


def test_a_row_with_a_missing_field_is_named(cast, login, today):
    response = post(cast, login, today, line("2026-04", "", "35000"))
    assert "1行目の扶助を入力してください。" in response.context["form"].non_field_errors()
    assert not Determination.objects.exists()


def test_add_row_keeps_what_was_typed_and_adds_an_empty_row_without_saving(cast, login, today):
    response = post(cast, login, today, line("2026-04", "living", "50,000円"), add_row="lines")
    form = response.context["form"]
    assert response.status_code == 200 and not Determination.objects.exists()
    assert len(form.lines.forms) == 2 and not form.errors
    assert 'value="50,000円"' in response.content.decode()


def test_a_future_month_is_said_on_its_row_in_wareki(cast, login, today):
    response = post(cast, login, today, line(f"{today.year + 1}-01", "living", "1000"))
    errors = response.context["form"].non_field_errors()
    assert any(e.startswith("1行目: 令和") and "生活扶助" in e and "より後の月" in e for e in errors), errors
    assert not Determination.objects.exists()


def test_a_post_without_the_rows_or_with_junk_counts_is_a_message_not_a_500(cast, login, today):
    url = reverse("determination_new", args=[cast.households["own"].public_id])
    old_text = {"lines": "2026-04 living 35000", "cause": "recipient", "means_existed": "x", "surcharge_percent": "0"}
    for data in (old_text, old_text | {"lines-TOTAL_FORMS": "abc", "lines-INITIAL_FORMS": "0"}):
        response = login(cast.users["cw"]).post(url, data | {"due_on": (today + timedelta(days=30)).isoformat()})
        assert response.status_code == 200
        assert "行の数が送られていません。画面を開き直してから入力してください。" in response.content.decode()
    response = post(cast, login, today, line("2026-04", "living", "1"), **{"lines-TOTAL_FORMS": "99999999"})
    assert response.status_code == 200 and "行は600行までです。" in response.content.decode()
    assert not Determination.objects.exists()
