"""The approval inbox: oldest first, grouped by kind, paged by 50; an approved draft moves from the
supervisor's inbox to the chief's; a returned draft shows for its drafter with the reason until the
household is drafted anew or 30 days pass; the database filter agrees with `services.refusal`; the
page and the header counts take a bounded number of queries however many drafts wait."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hogo.approvals import inbox
from hogo.approvals import services as approvals
from hogo.approvals.models import ApprovalRoute
from hogo.audit.models import Action, AuditEntry
from hogo.casework.services import sign_record
from hogo.decisions import recalc
from hogo.decisions.models import ApprovalAction, Decision
from hogo.offices.models import Role
from hogo.receivables.models import Determination

from .inbox_work import RETURN_REASON, decision_draft, determination_draft, item_links, make_work


@pytest.fixture
def work(cast):
    return make_work(cast)


def decision_link(decision):
    return reverse("decision_detail", kwargs={"public_id": decision.public_id})


def rows_of(source_key, user):
    source = next(s for s in inbox.waiting_sources() if s.key == source_key)
    return list(source.rows(user)[:1000])


def test_drafts_are_listed_oldest_first(cast, work):
    newer = decision_draft(cast.households["mate"], cast.users["cw_mate"], days_ago=1)
    oldest = decision_draft(cast.households["mate"], cast.users["cw_mate"], days_ago=9)
    urls = [row.url for row in rows_of("decisions", cast.users["sv"])]
    assert urls == [decision_link(oldest), decision_link(work.sv_decision), decision_link(newer)]


def test_the_page_groups_by_kind_with_a_count_each(cast, work, login):
    page = login(cast.users["sv"]).get(reverse("approval_inbox")).content.decode()
    for label in (
        "決定の起案",
        "返還金・徴収金の決定（法第63条・第78条）",
        "署名待ちのケース記録",
        "一斉更正（一括承認）",
    ):
        assert f'{label} <span class="sub-link">1件</span>' in page
    assert '決裁待ち <span class="sub-link">4件</span>' in page
    assert "一括承認できる起案 1件" in page and "令和" in page


def test_an_approved_draft_leaves_the_supervisors_inbox_and_reaches_the_chiefs(cast, work, login):
    sv, chief = cast.users["sv"], cast.users["chief"]
    assert decision_link(work.sv_decision) in item_links(login(sv).get(reverse("approval_inbox")))
    assert decision_link(work.sv_decision) not in item_links(login(chief).get(reverse("approval_inbox")))
    approvals.approve(sv, work.sv_decision)
    assert decision_link(work.sv_decision) not in item_links(login(sv).get(reverse("approval_inbox")))
    assert decision_link(work.sv_decision) in item_links(login(chief).get(reverse("approval_inbox")))


def test_a_determination_leaves_every_inbox_once_the_last_step_approves_it(cast, work, login):
    link = reverse("determination_detail", kwargs={"public_id": work.determination.public_id})
    approvals.approve(cast.users["sv"], work.determination)
    assert link in item_links(login(cast.users["chief"]).get(reverse("approval_inbox")))
    approvals.approve(cast.users["chief"], work.determination)
    for role in ("sv", "chief"):
        assert link not in item_links(login(cast.users[role]).get(reverse("approval_inbox")))


def test_a_signed_record_leaves_the_inbox(cast, work):
    assert len(rows_of("case_records", cast.users["sv"])) == 1
    sign_record(cast.users["sv"], work.record)
    assert rows_of("case_records", cast.users["sv"]) == []


def test_a_run_leaves_the_inbox_once_its_drafts_are_approved_in_bulk(cast, work):
    assert [row.title for row in rows_of("recalc_runs", cast.users["sv"])] == ["一斉更正（令和9年1月1日適用）基準改定"]
    assert rows_of("recalc_runs", cast.users["chief"]) == []
    assert decision_link(work.run_draft) not in {r.url for r in rows_of("decisions", cast.users["sv"])}
    assert recalc.approve_run(cast.users["sv"], work.run) == {"approved": 1, "refused": 0}
    assert rows_of("recalc_runs", cast.users["sv"]) == []
    assert len(rows_of("recalc_runs", cast.users["chief"])) == 1  # the chief's step now waits


def test_a_returned_draft_shows_for_its_caseworker_with_the_reason_and_who_returned_it(cast, work, login):
    response = login(cast.users["cw"]).get(reverse("returned_drafts"))
    page = response.content.decode()
    assert decision_link(work.returned) in item_links(response)
    assert RETURN_REASON in page and "高橋 誠" in page
    assert "保護変更の決定（令和8年9月1日から）" in page


def returned_rows(user):
    return [row for source in inbox.returned_sources() for row in source.rows(user)[:100]]


def test_a_returned_draft_leaves_the_list_when_the_household_is_drafted_anew(cast, work):
    assert [row.url for row in returned_rows(cast.users["cw"])] == [decision_link(work.returned)]
    decision_draft(cast.households["own"], cast.users["cw"])
    assert returned_rows(cast.users["cw"]) == []


def test_a_returned_draft_leaves_the_list_after_thirty_days(cast, work):
    ApprovalAction.objects.filter(decision=work.returned).update(at=timezone.now() - timedelta(days=31))
    assert returned_rows(cast.users["cw"]) == []


def test_newest_return_first(cast, work):
    second = decision_draft(cast.households["own"], cast.users["cw"], days_ago=6)
    approvals.return_for_redrafting(cast.users["sv"], second, "金額を確認")
    ApprovalAction.objects.filter(decision=work.returned).update(at=timezone.now() - timedelta(days=2))
    assert [row.reason for row in returned_rows(cast.users["cw"])] == ["金額を確認", RETURN_REASON]


def test_the_database_filter_agrees_with_the_refusal_rule_for_every_user_and_draft(cast, work):
    ApprovalRoute.objects.create(office=cast.office_a, steps=[Role.SUPERVISOR, Role.CLERK, Role.CHIEF])
    approvals.approve(cast.users["sv_other"], work.other_team_decision)  # now at the clerk's step
    for user in cast.users.values():
        for model in (Decision, Determination):
            listed = set(inbox.waiting_for(user, model.objects.all()).values_list("pk", flat=True))
            may_act = {d.pk for d in model.objects.all() if approvals.refusal(user, d) is None}
            assert listed == may_act, (user.username, model.__name__)


def test_the_inbox_audits_the_households_it_showed(cast, work, login):
    login(cast.users["sv"]).get(reverse("approval_inbox"))
    entry = AuditEntry.objects.filter(action=Action.LIST, actor_id=cast.users["sv"].pk).latest("seq")
    assert entry.detail["view"] == "approval_inbox"
    assert set(entry.detail["households"]) == {str(cast.households[k].public_id) for k in ("own",)}
    assert entry.detail["counts"] == {
        "decisions": 1,
        "determinations": 1,
        "case_records": 1,
        "recalc_runs": 1,
        "transports": 0,
    }


def test_a_long_group_is_paged_by_fifty(cast, work, login):
    for _ in range(60):
        decision_draft(cast.households["mate"], cast.users["cw_mate"], days_ago=20)
    client = login(cast.users["sv"])
    first = client.get(reverse("approval_inbox")).content.decode()
    assert "決定の起案をすべて見る（61件）" in first
    second = client.get(reverse("approval_inbox"), {"kind": "decisions", "page": 2})
    assert len([u for u in item_links(second) if u.startswith("/decisions/")]) == 11
    assert "2 / 2 ページ" in second.content.decode()


def test_a_bad_page_parameter_is_a_message_not_an_error(cast, work, login):
    response = login(cast.users["sv"]).get(reverse("approval_inbox"), {"kind": "nothing", "page": "x"})
    assert response.status_code == 200
    assert "種類は一覧から選んでください。" in response.content.decode()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_page_takes_the_same_number_of_queries_for_five_drafts_or_sixty(cast, work, login):
    client = login(cast.users["sv"])
    few = count_queries(client, reverse("approval_inbox"))
    for i in range(60):
        decision_draft(cast.households["mate"], cast.users["cw_mate"], days_ago=i % 7)
    assert count_queries(client, reverse("approval_inbox")) == few


def test_the_inbox_page_and_the_header_counts_stay_within_a_bounded_number_of_queries(
    cast, work, login, django_assert_max_num_queries
):
    for i in range(60):
        decision_draft(cast.households["mate"], cast.users["cw_mate"], days_ago=i % 7)
    client = login(cast.users["sv"])
    with django_assert_max_num_queries(30):
        client.get(reverse("approval_inbox"))
    fresh = type(cast.users["sv"]).objects.get
    sv, cw = fresh(pk=cast.users["sv"].pk), fresh(pk=cast.users["cw"].pk)
    for user in (sv, cw):  # the standing, routes and team members, read once per request by the menu
        inbox.steps_of(user), inbox.visible_households(user)
    with django_assert_max_num_queries(1):
        assert inbox.waiting_count(sv) == 64
    with django_assert_max_num_queries(1):
        assert inbox.returned_count(cw) == 1


def test_a_chief_sees_no_group_for_work_that_never_falls_to_a_chief(cast, work, login):
    page = login(cast.users["chief"]).get(reverse("approval_inbox")).content.decode()
    assert "決定の起案" in page and "一斉更正（一括承認）" in page
    assert "署名待ちのケース記録" not in page


def test_a_returned_determination_shows_until_the_household_gets_a_new_determination(cast, work, determination):
    approvals.return_for_redrafting(cast.users["sv"], determination, "控除の根拠を記録してください。")
    reasons = [row.reason for row in returned_rows(cast.users["cw"])]  # by group: decisions, then determinations
    assert reasons == [RETURN_REASON, "控除の根拠を記録してください。"]
    decision_draft(cast.households["mate"], cast.users["cw"])  # another household: the returns stay
    assert len(returned_rows(cast.users["cw"])) == 2
    determination_draft(cast.households["own"], cast.users["cw"], amount=30_000)
    assert [row.reason for row in returned_rows(cast.users["cw"])] == [RETURN_REASON]
