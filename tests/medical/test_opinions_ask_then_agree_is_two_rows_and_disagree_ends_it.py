"""The 嘱託医's review is insert-only: asking the doctor and then agreeing are two rows, in that order; a
disagreement ends the 意見書 (no further review, no period); asking or disagreeing needs a reason."""

import pytest
from django.core.exceptions import ValidationError

from hogo.medical import services
from hogo.medical.models import MedicalPeriod, Verdict

from .medical_helpers import RECEIVED, advisor, assisted, institutions, replied_opinion


@pytest.fixture
def opinion(cast):
    return replied_opinion(cast.users["cw"], assisted(cast), institutions(cast.office_a).hospital)


def test_asking_and_then_agreeing_are_two_rows_and_the_period_can_then_be_decided(cast, opinion):
    doctor = advisor(cast)
    services.review(doctor, opinion, verdict=Verdict.ASK, remarks="服薬内容を主治医に確認してください。")
    services.review(doctor, opinion, verdict=Verdict.AGREE)

    assert list(opinion.reviews.values_list("verdict", flat=True)) == [Verdict.ASK, Verdict.AGREE]
    assert opinion.latest_review().verdict == Verdict.AGREE
    services.decide_period(cast.users["cw"], opinion, starts_on=RECEIVED)
    assert MedicalPeriod.objects.filter(opinion=opinion).count() == 1


def test_a_disagreement_ends_the_opinion_no_review_and_no_period_follow(cast, opinion):
    doctor = advisor(cast)
    services.review(doctor, opinion, verdict=Verdict.DISAGREE, remarks="通院の必要は認められない。")

    with pytest.raises(ValidationError) as again:
        services.review(doctor, opinion, verdict=Verdict.AGREE)
    assert "既に「否（医療扶助は不要）」と検討済み" in str(again.value)
    with pytest.raises(ValidationError):
        services.decide_period(cast.users["cw"], opinion, starts_on=RECEIVED)
    assert opinion.reviews.count() == 1
    assert not MedicalPeriod.objects.exists()


def test_an_agreed_opinion_is_not_reviewed_again(cast, opinion):
    doctor = advisor(cast)
    services.review(doctor, opinion, verdict=Verdict.AGREE)
    with pytest.raises(ValidationError):
        services.review(doctor, opinion, verdict=Verdict.DISAGREE, remarks="やはり不要")
    assert opinion.reviews.count() == 1


@pytest.mark.parametrize("verdict", [Verdict.ASK, Verdict.DISAGREE])
def test_asking_or_disagreeing_without_a_reason_is_refused(cast, opinion, verdict):
    with pytest.raises(ValidationError) as refused:
        services.review(advisor(cast), opinion, verdict=verdict, remarks="  ")
    assert "remarks" in refused.value.message_dict
    assert not opinion.reviews.exists()
