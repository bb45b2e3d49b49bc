"""An administrator's rule with an impossible interval or an unknown household field is refused
when saved, with the reason on the field."""

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from hogo.followups.models import FollowupRule


def make_rule(office, **values):
    base = dict(
        office=office,
        code="custom",
        title="独自の確認",
        schedule="every_months",
        interval_months=6,
        warn_days=14,
        basis="事務所の運用",
    )
    base.update(values)
    return FollowupRule(**base)


@pytest.mark.django_db
def test_a_sensible_rule_is_accepted(cast):
    make_rule(cast.office_a).full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "values, field",
    [
        ({"interval_months": 0}, "interval_months"),
        ({"interval_months": None}, "interval_months"),
        ({"interval_months": 240}, "interval_months"),
        ({"schedule": "yearly_on", "month": 2, "day": 30}, "day"),
        ({"schedule": "yearly_on", "month": 2, "day": 29}, "day"),
        ({"schedule": "yearly_on", "month": 13, "day": 1}, "month"),
        ({"schedule": "monthly_on_day", "day": 0}, "day"),
        ({"schedule": "after_receipt", "interval_days": 0}, "interval_days"),
        ({"schedule": "after_receipt", "interval_days": 3, "warn_days": 5}, "warn_days"),
        ({"warn_days": 400}, "warn_days"),
        ({"interval_months": 1, "warn_days": 60}, "warn_days"),
        ({"schedule": "visit_grade", "grade_months": {"A": 0}}, "grade_months"),
        ({"schedule": "visit_grade", "grade_months": {"D": 12}}, "grade_months"),
        ({"schedule": "visit_grade", "grade_months": {"E": 2}}, "grade_months"),
        ({"schedule": "visit_grade", "grade_months": {}}, "grade_months"),
    ],
)
def test_an_impossible_interval_is_refused_on_its_field(cast, values, field):
    with pytest.raises(ValidationError) as refused:
        make_rule(cast.office_a, **values).full_clean()
    assert field in refused.value.message_dict


@pytest.mark.django_db
def test_an_unknown_household_field_is_refused_and_named(cast):
    with pytest.raises(ValidationError) as refused:
        make_rule(cast.office_a, applies_when=["under_assistance", "owns_a_yacht"]).full_clean()
    assert "owns_a_yacht" in refused.value.message_dict["applies_when"][0]


@pytest.mark.django_db
def test_an_unknown_date_field_is_refused_and_named(cast):
    with pytest.raises(ValidationError) as refused:
        make_rule(cast.office_a, schedule="before_date", date_field="passport_until").full_clean()
    assert "passport_until" in refused.value.message_dict["date_field"][0]


@pytest.mark.django_db
def test_the_admin_form_refuses_an_impossible_rule_and_saves_nothing(cast):
    admin_user = cast.users["admin"]
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    model_admin = site._registry[FollowupRule]
    request = RequestFactory().post("/admin/")
    request.user = admin_user
    form_class = model_admin.get_form(request)
    form = form_class(
        data={
            "office": cast.office_a.pk,
            "code": "bad",
            "title": "変な周期",
            "schedule": "yearly_on",
            "month": 2,
            "day": 31,
            "warn_days": 10,
            "basis": "なし",
            "applies_when": "[]",
            "grade_months": "{}",
            "effective_from": "2026-01-01",
            "active": "on",
        }
    )
    assert not form.is_valid()
    assert "2月31日は毎年ある日ではありません" in str(form.errors["day"])
    assert not FollowupRule.objects.filter(code="bad").exists()
