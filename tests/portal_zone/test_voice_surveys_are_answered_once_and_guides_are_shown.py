"""The office's guides and open surveys arrive as portal_content: a guide page shows its furigana as <ruby>
and anything typed as text; a survey is answered once per household and its answer goes to the core once;
a guide or survey no longer sent is no longer listed; a bad content row refuses the whole bundle."""

import pytest
from django.urls import reverse

from hogo.portal_voice.models import Content, SurveyAnswer
from hogo.transfer.services import ImportRefused

from .voice_helpers import deliver, guide, recipient, survey, to_core

pytestmark = pytest.mark.django_db


def test_a_guide_shows_furigana_and_escapes_markup(client):
    deliver(content=[guide(body="## 生活保護《せいかつほご》とは\n\n<script>x</script>\n\n- ｜申告《しんこく》する")])
    client.force_login(recipient())
    listing = client.get(reverse("my_voice")).content.decode()
    assert "保護のしおり" in listing
    html = client.get(reverse("my_guide", args=[Content.objects.get().pk])).content.decode()
    assert "<h2><ruby>生活保護<rt>せいかつほご</rt></ruby>とは</h2>" in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>x" not in html
    assert "<li><ruby>申告<rt>しんこく</rt></ruby>する</li>" in html


def test_a_survey_is_answered_once_and_sent_once(client):
    deliver(content=[survey()])
    user = recipient()
    client.force_login(user)
    page = reverse("my_survey", args=[Content.objects.get().pk])
    assert client.post(page, {"q1": "よい", "q2": "親切でした"}).status_code == 302
    again = client.post(page, {"q1": "よくない", "q2": ""})
    assert "もう回答しています" in again.content.decode()
    assert SurveyAnswer.objects.get().answers == {"q1": "よい", "q2": "親切でした"}
    (row,) = to_core()["survey_answer"]
    assert (row["survey"], row["household"], row["answers"]) == (
        "sv-1",
        user.recipient_account.household.key,
        {"q1": "よい", "q2": "親切でした"},
    )
    assert to_core()["survey_answer"] == []


def test_an_answer_outside_the_choices_is_a_message_naming_the_question(client):
    deliver(content=[survey()])
    client.force_login(recipient())
    response = client.post(reverse("my_survey", args=[Content.objects.get().pk]), {"q1": "最高"})
    assert "「窓口の対応はどうでしたか」は、ならんでいる中から選んでください。" in response.content.decode()
    assert not SurveyAnswer.objects.exists()


def test_content_no_longer_sent_is_not_listed(client):
    deliver(content=[guide(), survey()])
    deliver(content=[guide("gd-2", title="収入の申告のしかた")])
    client.force_login(recipient())
    html = client.get(reverse("my_voice")).content.decode()
    assert "収入の申告のしかた" in html and "保護のしおり" not in html and "窓口についてのアンケート" not in html
    assert client.get(reverse("my_survey", args=[Content.objects.get(key="sv-1").pk])).status_code == 404


@pytest.mark.parametrize("bad", [{"kind": "advert"}, {"order": "first"}, {"title": ""}])
def test_a_bad_content_row_refuses_the_whole_bundle(bad):
    with pytest.raises(ImportRefused):
        deliver(content=[survey(), {**guide(), **bad}])
    assert not Content.objects.exists()


def test_a_survey_with_bad_questions_refuses_the_whole_bundle():
    with pytest.raises(ImportRefused):
        deliver(content=[{**survey(), "questions": [{"key": "q1", "text": "?", "choices": "よい"}]}])
    assert not Content.objects.exists()
