"""Per-role access to what leaves a case conference — the minutes PDF, the anonymised case example,
a consent's withdrawal — and to the partner-agency members' pages. Staff roles of office A, a
partner-agency member of no conference, office B's caseworker, and a member of the conference
("member"), against the CW's household and its conference. Every refusal of a record of the
household is a 404 that is audited as denied."""

import json

import pytest
from django.urls import reverse

from hogo.collaboration import services
from hogo.collaboration.models import ConsentWithdrawal
from tests.roles import ROLES, assert_refused_with_message, assert_sent_to_login, denied_entries, said

ROLE_TESTED_URLS = {"consent_withdraw", "minutes_pdf", "example_export", "agency_home", "agency_conference"}

ALL = [*ROLES, "member"]
# reading the household's records: its team, the chief and the clerk of its office
READ = {role: 404 for role in ALL} | {r: 200 for r in ("cw", "cw_mate", "sv", "chief", "clerk")}
# changing them: its caseworker and the team's supervisor; the others who may read it get 403
WORK = READ | {r: 403 for r in ("cw_mate", "chief", "clerk")}
WITHDRAWN = "同意の撤回を記録しました。これから共有する資料には同意がないことを明示します。"


@pytest.fixture
def users(everyone, members):
    return {**everyone, "member": members["community"].user}


@pytest.fixture
def held(cast, conference, today):
    """The conference after its meeting, so it can become a case example."""
    return services.record_meeting(
        cast.users["cw"],
        conference,
        held_on=today,
        attended=[],
        minutes="山田 太郎さんの受診について協議した。",
        conclusions="山田さんの受診を優先する。",
    )


@pytest.fixture
def consent(cast, case_one, agencies, today):
    return services.record_consent(
        cast.users["cw"],
        case_one,
        member=case_one.members.get(relation="head"),
        agencies=[agencies["community_care_centre"]],
        all_conference_members=False,
        information="健康状態と介護の必要性",
        given_on=today,
        how="written",
    )


@pytest.mark.parametrize("role", ALL)
def test_the_minutes_pdf_answers_by_role(users, held, login, role):
    response = login(users[role]).get(reverse("minutes_pdf", args=[held.public_id]))
    assert response.status_code == READ[role]
    if response.status_code == 200:
        assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    else:
        assert denied_entries(users[role], held.public_id).count() == 1


@pytest.mark.parametrize("role", ALL)
def test_the_anonymised_example_is_given_only_to_those_who_work_the_case(users, held, login, role):
    response = login(users[role]).post(reverse("example_export", args=[held.public_id]))
    assert response.status_code == WORK[role]
    if response.status_code == 200:
        example = json.loads(response.content)
        assert "Aさん" in example["minutes"] and "山田" not in response.content.decode()
    elif response.status_code == 404:
        assert denied_entries(users[role], held.public_id).count() == 1


def test_the_anonymised_example_of_a_conference_not_yet_held_is_refused_with_a_message(cast, conference, login):
    response = login(cast.users["cw"]).post(reverse("example_export", args=[conference.public_id]))
    assert response.status_code == 302
    assert response.url == reverse("conference_detail", args=[conference.public_id])
    page = login(cast.users["cw"]).get(response.url).content.decode()
    assert "開催済みの会議だけを事例にできます。" in page


@pytest.mark.parametrize("role", ALL)
def test_withdrawing_a_consent_answers_by_role(users, consent, login, role):
    """A button: those who may read the household but not change it are sent back with the refusal."""
    response = login(users[role]).post(reverse("consent_withdraw", args=[consent.pk]))
    household_page = reverse("household_detail", args=[consent.household.public_id])
    if WORK[role] == 200:
        assert response.status_code == 302 and response.url == household_page
        assert said(response) == [("success", WITHDRAWN)]
    elif WORK[role] == 403:
        assert_refused_with_message(response, household_page, services.NOT_YOURS)
    else:
        assert response.status_code == 404
        assert denied_entries(users[role], consent.household.public_id).count() == 1
    assert ConsentWithdrawal.objects.filter(consent=consent).exists() == (WORK[role] == 200)


@pytest.mark.parametrize("role", ALL)
def test_the_agency_home_is_for_partner_agency_members_with_their_own_conferences(users, conference, login, role):
    response = login(users[role]).get(reverse("agency_home"))
    assert response.status_code == (200 if role in ("agency", "member") else 403)
    if response.status_code == 200:
        assert (conference.purpose in response.content.decode()) == (role == "member")


@pytest.mark.parametrize("role", ALL)
def test_the_agency_conference_page_opens_only_for_its_members(users, conference, login, role):
    response = login(users[role]).get(reverse("agency_conference", args=[conference.public_id]))
    assert response.status_code == (200 if role == "member" else 404)
    if role == "member":
        assert "誓約に署名する" in response.content.decode()
    else:
        assert denied_entries(users[role], conference.public_id).get().detail["why"] == "not_member"


@pytest.mark.parametrize(
    "name, method, target",
    [
        ("minutes_pdf", "get", "conference"),
        ("example_export", "post", "conference"),
        ("consent_withdraw", "post", "consent"),
        ("agency_home", "get", None),
        ("agency_conference", "get", "conference"),
    ],
)
def test_anonymous_is_sent_to_login(client, conference, consent, name, method, target):
    args = {"conference": [conference.public_id], "consent": [consent.pk], None: []}[target]
    assert_sent_to_login(getattr(client, method)(reverse(name, args=args)))
