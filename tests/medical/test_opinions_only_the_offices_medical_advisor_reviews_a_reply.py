"""Only the office's 嘱託医 reviews a doctor's reply: not the caseworker, not the supervisor, not the 嘱託医 of
another office; a refused review writes nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hogo.medical import services
from hogo.medical.models import Review, Verdict

from .medical_helpers import RECEIVED, advisor, assisted, institutions, replied_opinion


@pytest.fixture
def opinion(cast):
    household = assisted(cast)
    return replied_opinion(cast.users["cw"], household, institutions(cast.office_a).hospital)


@pytest.mark.parametrize("who", ["cw", "sv", "chief", "clerk"])
def test_staff_who_are_not_the_advisor_cannot_review_a_reply(cast, opinion, who):
    with pytest.raises(PermissionDenied):
        services.review(cast.users[who], opinion, verdict=Verdict.AGREE)
    assert not Review.objects.exists()


def test_the_advisor_of_another_office_cannot_review_a_reply(cast, opinion):
    other = advisor(cast, cast.office_b, username="b_advisor")
    with pytest.raises(PermissionDenied):
        services.review(other, opinion, verdict=Verdict.AGREE)
    assert not Review.objects.exists()


def test_the_offices_advisor_reviews_a_reply(cast, opinion):
    made = services.review(advisor(cast), opinion, verdict=Verdict.AGREE)
    assert list(opinion.reviews.values_list("verdict", flat=True)) == [Verdict.AGREE]
    assert made.reviewer.username == "advisor"


def test_the_advisor_cannot_review_before_the_reply_is_entered(cast):
    household = assisted(cast)
    hospital = institutions(cast.office_a).hospital
    request = services.record_request(
        cast.users["cw"],
        household,
        member=household.members.get(relation="head"),
        received_on=RECEIVED,
        complaint="咳が続く",
        institution=hospital,
    )
    opinion = services.issue_opinion(cast.users["cw"], request, issued_on=request.received_on)
    with pytest.raises(ValidationError) as refused:
        services.review(advisor(cast), opinion, verdict=Verdict.AGREE)
    assert "主治医の回答" in str(refused.value)
