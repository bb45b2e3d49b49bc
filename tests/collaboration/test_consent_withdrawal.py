"""Consent per member: scope, date and how obtained; withdrawal takes effect at once; without
consent the conference proceeds on the confidentiality basis, and the basis is recorded."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hogo.collaboration import services
from hogo.collaboration.models import Consent


@pytest.fixture
def consent(cast, case_one, agencies, today):
    head = case_one.members.get(relation="head")
    return services.record_consent(
        cast.users["cw"],
        case_one,
        member=head,
        agencies=[agencies["community_care_centre"]],
        all_conference_members=False,
        information="健康状態と介護の必要性",
        given_on=today,
        how="written",
    )


def test_materials_record_the_consent_they_rely_on(cast, conference, consent):
    material = services.share_materials(cast.users["cw"], conference, facts=["health"])
    assert material.consent_basis.startswith("同意あり: 山田 太郎")


def test_withdrawal_takes_effect_at_once(cast, conference, consent):
    services.withdraw_consent(cast.users["cw"], consent)
    assert list(services.active_consents(conference.household)) == []
    material = services.share_materials(cast.users["cw"], conference, facts=["health"])
    assert material.consent_basis == "本人の同意なし。構成員の守秘義務（生活保護法第27条の3第6項）に基づき共有する。"


def test_the_conference_page_shows_consent_status_prominently(cast, conference, consent, login):
    services.withdraw_consent(cast.users["cw"], consent)
    page = login(cast.users["cw"]).get(reverse("conference_detail", args=[conference.public_id])).content.decode()
    assert 'class="consent-box"' in page and "同意なし" in page


def test_a_consent_cannot_be_withdrawn_twice_or_edited(cast, consent):
    services.withdraw_consent(cast.users["cw"], consent)
    with pytest.raises(ValidationError):
        services.withdraw_consent(cast.users["cw"], consent)
    consent.information = "変更"
    with pytest.raises(ValidationError):
        consent.save()
    assert Consent.objects.get(pk=consent.pk).information == "健康状態と介護の必要性"


def test_a_consent_needs_a_scope_and_the_information(cast, case_one, today):
    head = case_one.members.get(relation="head")
    with pytest.raises(ValidationError) as refused:
        services.record_consent(
            cast.users["cw"],
            case_one,
            member=head,
            agencies=[],
            all_conference_members=False,
            information="",
            given_on=today,
            how="oral",
        )
    assert {"agencies", "information"} <= set(refused.value.message_dict)


def test_the_withdraw_button_records_it(cast, consent, login):
    login(cast.users["cw"]).post(reverse("consent_withdraw", args=[consent.pk]))
    assert hasattr(Consent.objects.get(pk=consent.pk), "withdrawal")
