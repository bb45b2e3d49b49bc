"""A sent inquiry still waiting for its reply near its application's 14-day deadline is an alert: amber in the
caseworker's 「今日の仕事」, counted per caseworker and listed on the supervisor's 「係の状況」; red once the
reply or the decision is overdue. Only the household's caseworker and the supervisor of that caseworker's team
see it — not another team, not office B, not the chief, the clerk or the collection team."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hogo.audit.models import AuditEntry
from hogo.decisions.models import Application
from hogo.inquiries import services
from hogo.inquiries.alerts import alerts_for, team_alerts_for
from hogo.inquiries.models import Inquiry, InquiryKind
from tests.roles import collector_of


@pytest.fixture
def today():
    return timezone.localdate()


def waiting_letter(cast, key: str, cw: str, today, *, applied_days_ago: int | None, sent_days_ago: int = 3):
    """A 扶養照会 letter of household `key`, made by `cw` and sent `sent_days_ago` days ago (due 14 days
    after), serving an application received `applied_days_ago` days ago (None: no application)."""
    household = cast.households[key]
    if applied_days_ago is not None:
        Application.objects.create(
            household=household,
            received_on=today - timedelta(days=applied_days_ago),
            applicant_name="申請 者",
            reason="テスト",
            recorded_by=cast.users[cw],
        )
    inquiry = services.ask_by_letter(
        cast.users[cw],
        household,
        services.Person(name="扶養 義務者", kana="フヨウ ギムシャ"),
        kind=InquiryKind.SUPPORT,
        institution_name="扶養 義務者",
        institution_address="東京都みなと市二丁目2番2号",
        asked="扶養の可否",
    )
    services.mark_letters_sent(cast.users[cw], [inquiry], day=today - timedelta(days=sent_days_ago))
    return Inquiry.objects.get(pk=inquiry.pk)


@pytest.fixture
def waiting(cast, today):
    """own (cw, team 1): decision due in 2 days -> amber; mate (cw_mate, team 1): 2 days past -> red;
    other_team (cw_other, team 2) and b_household (office B): amber in their own team and office."""
    return {
        "own": waiting_letter(cast, "own", "cw", today, applied_days_ago=12),
        "mate": waiting_letter(cast, "mate", "cw_mate", today, applied_days_ago=16),
        "other_team": waiting_letter(cast, "other_team", "cw_other", today, applied_days_ago=12),
        "b_household": waiting_letter(cast, "b_household", "b_cw", today, applied_days_ago=12),
    }


def levels(alerts) -> dict:
    return {a.household.case_number: a.level for a in alerts}


def case(cast, key):
    return cast.households[key].case_number


def test_the_caseworker_sees_her_households_inquiry_near_the_deadline_in_amber(cast, waiting, today):
    alerts = alerts_for(cast.users["cw"], today)

    assert levels(alerts) == {case(cast, "own"): "amber"}
    assert waiting["own"].reference in alerts[0].title
    assert alerts[0].when == "保護の決定期限まであと2日"
    assert (alerts[0].due_on, alerts[0].due_label) == (today + timedelta(days=2), "保護の決定期限")
    assert alerts[0].link == reverse("inquiry_detail", args=[waiting["own"].public_id])


def test_the_team_mate_sees_only_her_own_which_is_red_past_the_deadline(cast, waiting, today):
    assert levels(alerts_for(cast.users["cw_mate"], today)) == {case(cast, "mate"): "red"}


def test_the_supervisor_sees_his_teams_alerts_each_with_its_caseworker(cast, waiting, today):
    alerts = team_alerts_for(cast.users["sv"], today, cast.office_a)

    assert levels(alerts) == {case(cast, "own"): "amber", case(cast, "mate"): "red"}
    assert {a.household.case_number: a.caseworker_id for a in alerts} == {
        case(cast, "own"): cast.staff["cw"].pk,
        case(cast, "mate"): cast.staff["cw_mate"].pk,
    }


def test_another_team_and_another_office_see_only_their_own(cast, waiting, today):
    assert levels(alerts_for(cast.users["cw_other"], today)) == {case(cast, "other_team"): "amber"}
    assert levels(team_alerts_for(cast.users["sv_other"], today, cast.office_a)) == {case(cast, "other_team"): "amber"}
    assert levels(alerts_for(cast.users["b_cw"], today)) == {case(cast, "b_household"): "amber"}
    assert levels(team_alerts_for(cast.users["b_sv"], today, cast.office_b)) == {case(cast, "b_household"): "amber"}
    assert team_alerts_for(cast.users["b_sv"], today, cast.office_a) == []
    assert team_alerts_for(cast.users["sv"], today, cast.office_b) == []


@pytest.mark.parametrize("role", ["chief", "clerk", "collector", "admin"])
def test_those_who_do_not_chase_replies_get_no_alerts(cast, waiting, today, role):
    user = collector_of(cast.office_a) if role == "collector" else cast.users[role]

    assert alerts_for(user, today) == []
    assert team_alerts_for(user, today, cast.office_a) == []


def test_an_answered_inquiry_is_no_longer_an_alert(cast, waiting, today):
    services.enter_reply(
        cast.users["cw"], waiting["own"], answered_on=today, found=False, amount=None, detail="扶養できない"
    )

    assert alerts_for(cast.users["cw"], today) == []


def test_an_inquiry_far_from_the_deadline_or_of_a_decided_application_is_no_alert(cast, today):
    far = waiting_letter(cast, "own", "cw", today, applied_days_ago=2)
    decided = waiting_letter(cast, "mate", "cw_mate", today, applied_days_ago=16)
    Application.objects.filter(pk=decided.application_id).update(decided_on=today - timedelta(days=1))

    assert far.application is not None
    assert alerts_for(cast.users["cw"], today) == []
    assert alerts_for(cast.users["cw_mate"], today) == []


def test_an_overdue_reply_is_red_without_an_application(cast, today):
    waiting_letter(cast, "own", "cw", today, applied_days_ago=None, sent_days_ago=20)

    alerts = alerts_for(cast.users["cw"], today)

    assert levels(alerts) == {case(cast, "own"): "red"}
    assert alerts[0].when == "回答期限を6日過ぎています"
    assert (alerts[0].due_on, alerts[0].due_label) == (today - timedelta(days=6), "回答期限")


def test_the_caseworkers_work_list_shows_it_amber(cast, waiting, login):
    page = login(cast.users["cw"]).get(reverse("home")).content.decode()
    work = page.split('id="work-title"')[1].split("</section>")[0]

    assert "照会の回答待ち（1件）" in work
    assert 'class="urgency--due" data-level="amber"' in work
    assert waiting["own"].reference in work and waiting["mate"].reference not in work


def test_the_team_dashboard_counts_them_per_caseworker_and_lists_them(cast, waiting, login):
    response = login(cast.users["sv"]).get(reverse("team"))
    page = response.content.decode()

    assert response.status_code == 200
    listed = page.split('id="alerts-inquiries"')[1]
    assert 'data-level="amber"' in listed and 'data-level="red"' in listed
    assert waiting["own"].reference in listed and waiting["mate"].reference in listed
    assert waiting["other_team"].reference not in page
    assert '<td class="num" data-label="照会の回答待ち">1</td>' in page  # cw: one amber
    assert '<td class="num over" data-label="照会の回答待ち">1<span class="sub">うち期限切れ 1</span></td>' in page
    entry = AuditEntry.objects.filter(actor_id=cast.users["sv"].pk, detail__view="team").latest("pk")
    assert set(entry.detail["inquiries_shown"]) == {str(waiting["own"].public_id), str(waiting["mate"].public_id)}
