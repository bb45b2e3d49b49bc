from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from hogo.collaboration import matching, services
from hogo.collaboration.models import Agency, AgencyMember

CASE_1_ISSUES = ["care", "money", "refusal", "withdrawal", "disability", "多頭飼育"]


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def agencies(cast):
    """Office A's directory: one agency per kind of 表24, plus the two the office registered for
    多頭飼育 (as in 表26); office B has its own 地域包括支援センター."""
    found = {
        kind: Agency.objects.create(office=cast.office_a, name=f"みなと市{label}", kind=kind)
        for kind, label in matching.kinds()
    }
    found["animal_section"] = Agency.objects.create(
        office=cast.office_a, name="みなと市 動物愛護担当", kind="other", extra_issues=["多頭飼育"]
    )
    found["animal_npo"] = Agency.objects.create(
        office=cast.office_a, name="NPO法人 ねこの手", kind="other", extra_issues=["多頭飼育"]
    )
    found["b_community"] = Agency.objects.create(
        office=cast.office_b, name="かわせ市地域包括支援センター", kind="community_care_centre"
    )
    return found


def make_member(agency, username, name):
    user = get_user_model().objects.create_user(username=username, password="correct-horse-battery")
    return AgencyMember.objects.create(user=user, agency=agency, name=name, valid_from=date(2024, 4, 1))


@pytest.fixture
def members(agencies):
    return {
        "community": make_member(agencies["community_care_centre"], "houkatsu", "包括 太郎"),
        "health": make_member(agencies["public_health_centre"], "hokenjo", "保健 花子"),
        "b_community": make_member(agencies["b_community"], "b_houkatsu", "川瀬 次郎"),
    }


@pytest.fixture
def case_one(cast, agencies):
    """事例その1: the CW's household with the issues of the case, and a conference."""
    household = cast.households["own"]
    for code in CASE_1_ISSUES:
        services.note_issue(cast.users["cw"], household, code=code)
    return household


@pytest.fixture
def conference(cast, case_one, agencies, members):
    conference = services.open_conference(
        cast.users["cw"],
        case_one,
        purpose="A さんの受診と B さんへの支援方針を協議する",
        invitations=[
            (agencies["community_care_centre"], "認知症の疑い・受診拒否への対応"),
            (agencies["public_health_centre"], "B さんの受診・多頭飼育"),
        ],
    )
    services.add_member(cast.users["cw"], conference, members["community"])
    services.add_member(cast.users["cw"], conference, members["health"])
    return conference
