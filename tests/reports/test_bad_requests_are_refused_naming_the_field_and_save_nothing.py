"""A report asked for with bad input is refused with a Japanese message on the field it concerns, and
nothing is stored: a month not yet begun, a month before the office's first record, a month that is no
month, an unknown report, an office the user holds no role in."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from hogo.reports import services
from hogo.reports.models import ReportRun


@pytest.fixture(autouse=True)
def late_enough(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a: date(2026, 12, 3))


def post(login, user, **data):
    return login(user).post(reverse("report_index"), data)


@pytest.mark.parametrize(
    "month,field,said",
    [
        ("2027-01", "month", "まだ来ていません"),
        ("2001-01", "month", "この事務所の記録（2020年4月から）より前です"),
        ("11月", "month", "対象月は正しい日付で入力してください"),
    ],
)
def test_a_bad_month_is_said_on_the_month_field(cast, login, month, field, said):
    response = post(login, cast.users["chief"], report="monthly", office=cast.office_a.pk, month=month)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert said in " ".join(errors[field])
    assert not ReportRun.objects.exists()


def test_an_unknown_report_is_said_on_the_report_field(cast, login):
    response = post(login, cast.users["chief"], report="nosuch", office=cast.office_a.pk, month="2026-11")
    assert "report" in response.context["form"].errors
    assert not ReportRun.objects.exists()


def test_an_office_the_user_does_not_work_in_is_said_on_the_office_field(cast, login):
    response = post(login, cast.users["chief"], report="monthly", office=cast.office_b.pk, month="2026-11")
    assert "office" in response.context["form"].errors
    assert not ReportRun.objects.exists()


def test_the_service_refuses_the_same_with_the_field_named(cast):
    chief = cast.users["chief"]
    cases = [
        (cast.office_a, "nosuch", "2026-11", "report"),
        (cast.office_b, "monthly", "2026-11", "office"),
        (cast.office_a, "monthly", "2026-12-31", "month"),
        (cast.office_a, "monthly", "2030-01", "month"),
    ]
    for office, report, month, field in cases:
        with pytest.raises(ValidationError) as refused:
            services.start_run(chief, office, report, month, enqueue=False)
        assert field in refused.value.message_dict, (report, month)
    assert not ReportRun.objects.exists()


def test_the_annual_survey_is_refused_before_any_july_of_the_office(cast):
    with pytest.raises(ValidationError) as refused:
        services.start_run(cast.users["chief"], cast.office_a, "annual", "2020-05", enqueue=False)
    assert "month" in refused.value.message_dict
