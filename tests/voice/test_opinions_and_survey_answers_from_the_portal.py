"""Opinions arrive from the portal's opinion box: a named one with its household, an anonymous one with none
(a row that claims anonymity but names a household refuses the bundle). A survey is answered once per
household; an answer to a question or choice the survey does not have refuses the bundle. The office sees
only counts and the free texts, never who answered."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hogo.transfer.services import ImportRefused
from hogo.voice import services
from hogo.voice.models import Opinion, SurveyAnswer

from .voice_helpers import deliver, open_to_portal, to_portal

pytestmark = pytest.mark.django_db


def opinion_row(office, **fields):
    row = {
        "office": office.municipality_code,
        "key": f"op-{uuid.uuid4()}",
        "anonymous": True,
        "category": "service",
        "text": "窓口の待ち時間が長いです。",
        "submitted_at": timezone.now().isoformat(),
    }
    row.update(fields)
    return row


@pytest.fixture
def survey(cast):
    today = timezone.localdate()
    return services.save_survey(
        cast.users["chief"],
        cast.office_a,
        None,
        title="窓口についてのアンケート",
        intro="",
        questions="窓口の対応はどうでしたか | よい / ふつう / よくない\nご自由にお書きください",
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=30),
    )


def answer_row(office, survey, household, account, answers, **fields):
    row = {
        "office": office.municipality_code,
        "key": f"sa-{uuid.uuid4()}",
        "survey": survey.key,
        "household": str(household.public_id),
        "account": account.key,
        "answers": answers,
        "answered_at": timezone.now().isoformat(),
    }
    row.update(fields)
    return row


def test_an_anonymous_opinion_has_no_household_and_a_named_one_has_its_own(cast):
    household = cast.households["own"]
    account = open_to_portal(household)
    named = opinion_row(
        cast.office_a, anonymous=False, household=str(household.public_id), account=account.key, name="山田 太郎"
    )
    deliver(cast.office_a.municipality_code, {"opinion": [opinion_row(cast.office_a), named]})
    assert Opinion.objects.get(key=named["key"]).household == household
    assert Opinion.objects.exclude(key=named["key"]).get().household is None
    deliver(cast.office_a.municipality_code, {"opinion": [named]})
    assert Opinion.objects.count() == 2


@pytest.mark.parametrize(
    "bad", [{"household": "x"}, {"name": "山田"}, {"category": "spam"}, {"text": ""}, {"anonymous": "yes"}]
)
def test_a_bad_opinion_refuses_the_whole_bundle(cast, bad):
    with pytest.raises(ImportRefused):
        deliver(
            cast.office_a.municipality_code,
            {"opinion": [opinion_row(cast.office_a), opinion_row(cast.office_a, **bad)]},
        )
    assert not Opinion.objects.exists()


def test_a_survey_is_answered_once_per_household_and_shown_as_counts(cast, survey, login):
    household = cast.households["own"]
    account = open_to_portal(household)
    first = answer_row(cast.office_a, survey, household, account, {"q1": "よい", "q2": "親切でした"})
    second = answer_row(cast.office_a, survey, household, account, {"q1": "よくない"})
    deliver(cast.office_a.municipality_code, {"survey_answer": [first]})
    deliver(cast.office_a.municipality_code, {"survey_answer": [first, second]})
    assert SurveyAnswer.objects.get().key == first["key"]
    q1, q2 = services.survey_results(survey)
    assert q1["counts"] == [("よい", 1), ("ふつう", 0), ("よくない", 0)] and q2["texts"] == ["親切でした"]
    html = login(cast.users["chief"]).get(reverse("voice_survey", args=[survey.public_id])).content.decode()
    assert "親切でした" in html and "山田" not in html and household.case_number not in html


@pytest.mark.parametrize("answers", [{"q1": "最高"}, {"q9": "よい"}, {"q1": 3}])
def test_an_answer_the_survey_does_not_have_refuses_the_bundle(cast, survey, answers):
    household = cast.households["own"]
    account = open_to_portal(household)
    with pytest.raises(ImportRefused):
        deliver(
            cast.office_a.municipality_code,
            {"survey_answer": [answer_row(cast.office_a, survey, household, account, answers)]},
        )
    assert not SurveyAnswer.objects.exists()


def test_published_guides_and_open_surveys_go_to_the_portal(cast, survey):
    services.save_guide(
        cast.users["chief"], cast.office_a, None, title="保護のしおり", body="本文", order=1, published=True
    )
    services.save_guide(cast.users["chief"], cast.office_a, None, title="下書き", body="本文", order=2, published=False)
    records, _ = to_portal(cast.office_a)
    content = {row["title"]: row for row in records["portal_content"]}
    assert set(content) == {"保護のしおり", "窓口についてのアンケート"}
    assert content["窓口についてのアンケート"]["questions"][0] == {
        "key": "q1",
        "text": "窓口の対応はどうでしたか",
        "choices": ["よい", "ふつう", "よくない"],
    }
