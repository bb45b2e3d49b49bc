"""The caseworker decides a medical period only on a 意見書 the 嘱託医 agreed with: not on an unreviewed or
asked-about reply, and once per 意見書. The period runs for the months the doctor expects, to the end of
the last month, and carries the pharmacy when there is one."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from hogo.medical import services
from hogo.medical.models import MedicalPeriod, Verdict

from .medical_helpers import RECEIVED, advisor, assisted, decided_period, institutions, replied_opinion


@pytest.fixture
def places(cast):
    return institutions(cast.office_a)


def test_an_unreviewed_reply_cannot_be_decided(cast, places):
    opinion = replied_opinion(cast.users["cw"], assisted(cast), places.hospital)
    with pytest.raises(ValidationError) as refused:
        services.decide_period(cast.users["cw"], opinion, starts_on=RECEIVED)
    assert "嘱託医が「要」と検討した意見書だけ" in str(refused.value)
    assert not MedicalPeriod.objects.exists()


def test_a_reply_the_advisor_asked_about_cannot_be_decided_yet(cast, places):
    opinion = replied_opinion(cast.users["cw"], assisted(cast), places.hospital)
    services.review(advisor(cast), opinion, verdict=Verdict.ASK, remarks="検査結果を確認")
    with pytest.raises(ValidationError):
        services.decide_period(cast.users["cw"], opinion, starts_on=RECEIVED)
    assert not MedicalPeriod.objects.exists()


def test_an_agreed_reply_opens_a_period_to_the_end_of_the_last_expected_month(cast, places):
    period = decided_period(
        cast.users["cw"], advisor(cast), assisted(cast), places.hospital, pharmacy=places.pharmacy, months=3
    )
    assert (period.starts_on, period.ends_on) == (RECEIVED, date(2026, 12, 31))
    assert period.institution == places.hospital
    assert (period.with_dispensing, period.pharmacy) == (True, places.pharmacy)
    period.member.refresh_from_db()
    assert period.member.medical_care == "outpatient"


def test_an_opinion_is_decided_once(cast, places):
    period = decided_period(cast.users["cw"], advisor(cast), assisted(cast), places.hospital)
    with pytest.raises(ValidationError) as refused:
        services.decide_period(cast.users["cw"], period.opinion, starts_on=RECEIVED)
    assert "starts_on" in refused.value.message_dict
    assert MedicalPeriod.objects.count() == 1


def test_a_care_provider_is_not_accepted_as_the_pharmacy(cast, places):
    opinion = replied_opinion(cast.users["cw"], assisted(cast), places.hospital)
    services.review(advisor(cast), opinion, verdict=Verdict.AGREE)
    with pytest.raises(ValidationError) as refused:
        services.decide_period(cast.users["cw"], opinion, starts_on=RECEIVED, pharmacy=places.care)
    assert "pharmacy" in refused.value.message_dict
