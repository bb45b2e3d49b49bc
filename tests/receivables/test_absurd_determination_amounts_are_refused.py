"""A 法第63条 / 第78条 determination has stated bounds: an amount above 1億円 for one month of one
assistance (1,000,000,000,000円, 10^20), a total above 10億円, an unknown assistance code, a month
after this one or before the law, a text longer than a page. Each is refused on its field, by the
page and by the service alike, and no draft is saved."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hogo.receivables import services
from hogo.receivables.models import Determination

from .form_rows import determination, line

pytestmark = pytest.mark.django_db


def drafted(cast, today, lines, **extra):
    return services.draft_determination(
        cast.users["cw"],
        cast.households["own"],
        lines=lines,
        cause="recipient",
        due_on=today + timedelta(days=30),
        means_existed="年金の遡及支給があった。",
        **extra,
    )


def this_month(today, months_ahead=0):
    year, month = divmod(today.month - 1 + months_ahead, 12)
    return f"{today.year + year}-{month + 1:02d}"


@pytest.mark.parametrize(
    "line,said",
    [
        ({"assistance": "living", "amount": 1_000_000_000_000}, "100,000,000円まで"),
        ({"assistance": "living", "amount": 10**20}, "100,000,000円まで"),
        ({"assistance": "luxury", "amount": 35_000}, "扶助の種類が分かりません"),
        ({"assistance": "生活", "amount": 35_000}, "living 生活扶助"),
    ],
)
def test_the_service_refuses_an_absurd_line_and_saves_nothing(cast, today, line, said):
    with pytest.raises(ValidationError) as refused:
        drafted(cast, today, [{"month": this_month(today), **line}])
    assert said in " ".join(refused.value.message_dict["lines"])
    assert not Determination.objects.exists()


def test_a_month_after_this_one_is_refused(cast, today):
    with pytest.raises(ValidationError) as refused:
        drafted(cast, today, [{"month": this_month(today, 1), "assistance": "living", "amount": 35_000}])
    assert "より後の月" in refused.value.message_dict["lines"][0]
    assert not Determination.objects.exists()


def test_a_month_before_the_law_is_refused(cast, today):
    with pytest.raises(ValidationError) as refused:
        drafted(cast, today, [{"month": "1900-01", "assistance": "living", "amount": 35_000}])
    assert "施行" in refused.value.message_dict["lines"][0]


def test_a_total_above_a_billion_yen_is_refused(cast, today):
    lines = [{"month": this_month(today, -m), "assistance": "medical", "amount": 99_000_000} for m in range(11)]
    with pytest.raises(ValidationError) as refused:
        drafted(cast, today, lines)
    assert "1,000,000,000円まで" in refused.value.message_dict["lines"][0]
    assert not Determination.objects.exists()


def test_a_fact_longer_than_a_page_is_refused_on_its_field(cast, today):
    with pytest.raises(ValidationError) as refused:
        services.draft_determination(
            cast.users["cw"],
            cast.households["own"],
            lines=[{"month": this_month(today), "assistance": "living", "amount": 35_000}],
            cause="recipient",
            due_on=today + timedelta(days=30),
            means_existed="あ" * 2_001,
        )
    assert "2,000文字以内" in refused.value.message_dict["means_existed"][0]


@pytest.mark.parametrize(
    "lines,said",
    [
        (line("2026-04", "living", "1000000000000"), "以下"),
        (line("2026-04", "living", "100000000000000000000"), "以下"),
        (line("2026-04", "luxury", "35000"), "扶助は一覧から選んでください"),
        (line("2199-12", "living", "35000"), "より後の月"),
    ],
)
def test_the_page_refuses_them_on_the_field_and_saves_nothing(cast, login, today, lines, said):
    response = login(cast.users["cw"]).post(
        reverse("determination_new", args=[cast.households["own"].public_id]),
        determination(
            lines,
            cause="recipient",
            means_existed="年金の遡及支給",
            surcharge_percent="0",
            due_on=(today + timedelta(days=30)).isoformat(),
        ),
    )
    assert response.status_code == 200
    assert said in " ".join(response.context["form"].non_field_errors())
    assert not Determination.objects.exists()
