"""Per-role access to the determination pages (draft, read, approve, return), the receivables list,
a receivable's page and slips, and dunning (the list and a new batch, a batch's page, its letters
and its SMS export). Caseworkers work determinations of their own caseload; the approval route
(SV, then chief) approves or returns them; the collection team (債権管理, 事務) and the chief work
the office's receivables; nobody reaches another office's. (The actions on a receivable — payment,
plan, offset, contact, write-off — are in test_receivable_actions_per_role.py.)"""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hogo.receivables import services
from hogo.receivables.models import Delivery, Determination, DunningBatch, Receivable
from tests.roles import ROLES, assert_sent_to_login, denied_entries, said
from tests.transfer.service_bundles import attached, opened

ROLE_TESTED_URLS = {
    "determination_new",
    "determination_detail",
    "determination_approve",
    "determination_return",
    "receivable_list",
    "receivable_detail",
    "payment_slips",
    "dunning",
    "dunning_batch",
    "dunning_letters",
    "dunning_export",
}

ALL = [*ROLES, "b_clerk"]
# the household's records: its team, the chief and the clerk read; its CW and the team's SV work on them
READ = {role: 404 for role in ALL} | {r: 200 for r in ("cw", "cw_mate", "sv", "chief", "clerk")}
WORK = READ | {r: 403 for r in ("cw_mate", "chief", "clerk")}
# a receivable: the household's readers and the office's collection team and chief
RECEIVABLE = READ | {"collector": 200}
# the office-wide receivable pages: the collection team, the clerk and the chief of the acting office
COLLECTION = {role: 403 for role in ALL} | {r: 200 for r in ("chief", "clerk", "collector", "b_clerk")}
# a dunning batch of office A: the same people of office A; office B's clerk does not find it
BATCH = COLLECTION | {"b_clerk": 404}

NOT_YET = "この段階（1/2）の承認は査察指導員が行います。"
# what a role that may read a draft determination is told when it tries to approve or return it
APPROVE = {
    "cw": ("error", "起案者は自分の起案を承認できません。"),
    "cw_mate": ("error", NOT_YET),
    "sv": ("success", "承認しました。次の決裁者に回りました。"),
    "chief": ("error", NOT_YET),
    "clerk": ("error", NOT_YET),
}
RETURN = APPROVE | {"sv": ("success", "差し戻しました。起案者に戻りました。")}


@pytest.fixture
def draft(cast, back_payment_lines, today):
    return services.draft_determination(
        cast.users["cw"],
        cast.households["own"],
        lines=back_payment_lines,
        cause="recipient",
        due_on=today + timedelta(days=30),
        means_existed="年金の遡及支給（4〜6月分）",
    )


@pytest.fixture
def overdue(receivable, today):
    Receivable.objects.filter(pk=receivable.pk).update(due_on=today - timedelta(days=45), debtor_phone="090-1111-2222")
    return Receivable.objects.get(pk=receivable.pk)


@pytest.fixture
def batch(cast, everyone, overdue):
    return services.create_batch(
        everyone["collector"], cast.office_a.pk, criteria={"min_days": 30}, receivables=[overdue]
    )


def refused_audited(user, target_id):
    return denied_entries(user, target_id).count() == 1


# --- determinations -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ALL)
def test_drafting_a_determination_answers_by_role(everyone, cast, login, role):
    household = cast.households["own"]
    response = login(everyone[role]).get(reverse("determination_new", args=[household.public_id]))
    assert response.status_code == WORK[role]
    if WORK[role] == 404:
        assert refused_audited(everyone[role], household.public_id)


@pytest.mark.parametrize("role", ALL)
def test_a_determination_is_read_by_the_households_readers(everyone, approved, login, role):
    response = login(everyone[role]).get(reverse("determination_detail", args=[approved.public_id]))
    assert response.status_code == READ[role]
    if READ[role] == 200:
        assert "105,000" in response.content.decode()
    else:
        assert refused_audited(everyone[role], approved.public_id)


@pytest.mark.parametrize("role", ALL)
def test_approving_a_determination_answers_by_role(everyone, draft, login, role):
    response = login(everyone[role]).post(reverse("determination_approve", args=[draft.public_id]), {"comment": ""})
    approved_by = list(Determination.objects.get(pk=draft.pk).actions.values_list("actor__username", flat=True))
    if role in APPROVE:
        assert response.status_code == 302
        assert response.url == reverse("determination_detail", args=[draft.public_id])
        assert said(response) == [APPROVE[role]]
        assert approved_by == (["sv"] if role == "sv" else [])
        assert refused_audited(everyone[role], draft.public_id) == (role != "sv")
    else:
        assert response.status_code == 404 and approved_by == []
        assert refused_audited(everyone[role], draft.public_id)


@pytest.mark.parametrize("role", ALL)
def test_returning_a_determination_answers_by_role(everyone, draft, login, role):
    response = login(everyone[role]).post(
        reverse("determination_return", args=[draft.public_id]), {"comment": "月額を確認してください"}
    )
    status = Determination.objects.get(pk=draft.pk).status
    if role in RETURN:
        assert response.status_code == 302
        assert said(response) == [RETURN[role]]
        assert status == ("returned" if role == "sv" else "draft")
    else:
        assert response.status_code == 404 and status == "draft"
        assert refused_audited(everyone[role], draft.public_id)


# --- receivables --------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ALL)
def test_the_receivables_list_shows_the_collection_team_its_own_offices_debts(everyone, receivable, login, role):
    response = login(everyone[role]).get(reverse("receivable_list"))
    assert response.status_code == COLLECTION[role]
    if response.status_code == 200:
        assert (receivable.reference in response.content.decode()) == (role != "b_clerk")


@pytest.mark.parametrize("role", ALL)
def test_a_receivable_is_read_by_the_households_readers_and_the_collection_team(everyone, receivable, login, role):
    response = login(everyone[role]).get(reverse("receivable_detail", args=[receivable.public_id]))
    assert response.status_code == RECEIVABLE[role]
    if response.status_code == 200:
        assert receivable.reference in response.content.decode()
    else:
        assert refused_audited(everyone[role], receivable.public_id)


@pytest.mark.parametrize("role", ALL)
def test_payment_slips_are_printed_for_those_who_may_read_the_receivable(everyone, receivable, login, role):
    response = login(everyone[role]).get(reverse("payment_slips", args=[receivable.public_id]))
    assert response.status_code == RECEIVABLE[role]
    if response.status_code == 200:
        assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    else:
        assert refused_audited(everyone[role], receivable.public_id)


# --- dunning ------------------------------------------------------------------------------------

CRITERIA = "min_days=30&min_amount=1000&kinds=63&kinds=78"


@pytest.mark.parametrize("role", ALL)
def test_the_dunning_list_shows_the_collection_team_its_own_offices_overdue_debts(everyone, overdue, login, role):
    response = login(everyone[role]).get(f"{reverse('dunning')}?{CRITERIA}")
    assert response.status_code == COLLECTION[role]
    if response.status_code == 200:
        assert (overdue.reference in response.content.decode()) == (role != "b_clerk")


@pytest.mark.parametrize("role", ALL)
def test_making_a_dunning_batch_answers_by_role(everyone, overdue, login, role):
    response = login(everyone[role]).post(f"{reverse('dunning')}?{CRITERIA}")
    made = DunningBatch.objects.all()
    if role in ("clerk", "collector"):
        batch = made.get()
        assert response.status_code == 302 and response.url == reverse("dunning_batch", args=[batch.public_id])
        assert list(batch.receivables.all()) == [overdue]
    elif role == "chief":  # reads the list, may not send: the page again, with the refusal
        assert response.status_code == 200 and not made.exists()
        assert said(response) == [("error", "督促を作れるのは債権管理の担当と事務です。")]
    elif role == "b_clerk":  # nothing of office A is overdue in office B
        assert response.status_code == 200 and not made.exists()
        assert said(response) == [("error", "督促の対象がありません。")]
    else:
        assert response.status_code == 403 and not made.exists()


@pytest.mark.parametrize("role", ALL)
def test_a_dunning_batch_is_shown_to_its_offices_collection_team(everyone, batch, overdue, login, role):
    response = login(everyone[role]).get(reverse("dunning_batch", args=[batch.public_id]))
    assert response.status_code == BATCH[role]
    if response.status_code == 200:
        assert overdue.reference in response.content.decode()


@pytest.mark.parametrize("role", ALL)
def test_delivery_results_are_taken_only_from_the_collection_team(everyone, batch, overdue, login, role):
    results = SimpleUploadedFile("results.csv", f"reference,status\n{overdue.reference},failed\n".encode(), "text/csv")
    response = login(everyone[role]).post(reverse("dunning_batch", args=[batch.public_id]), {"results": results})
    taken = Delivery.objects.filter(batch=batch).exists()
    if role in ("clerk", "collector"):
        assert response.status_code == 302 and taken
        assert said(response) == [("success", "配信結果を1件取り込みました。")]
    elif role == "chief":
        assert response.status_code == 302 and not taken
        assert said(response) == [("error", "「配信結果」: 配信結果を取り込めるのは債権管理の担当と事務です。")]
    else:
        assert response.status_code == BATCH[role] and not taken


@pytest.mark.parametrize("role", ALL)
def test_dunning_letters_are_printed_for_the_batchs_office(everyone, batch, login, role):
    response = login(everyone[role]).get(reverse("dunning_letters", args=[batch.public_id]))
    assert response.status_code == BATCH[role]
    if response.status_code == 200:
        assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


@pytest.mark.parametrize("role", ALL)
def test_the_sms_export_is_given_to_the_batchs_office(cast, everyone, batch, overdue, login, role):
    response = login(everyone[role]).get(reverse("dunning_export", args=[batch.public_id]))
    assert response.status_code == BATCH[role]
    if response.status_code == 200:
        assert response["Content-Type"] == "application/zip"
        assert response["Content-Disposition"] == f'attachment; filename="sms-{batch.public_id}.zip"'
        bundle = opened(response.content, cast.office_a.municipality_code, "sms")
        assert [m["reference"] for m in bundle.records["sms_message"]] == [overdue.reference]
        assert overdue.reference in attached(bundle, "messages.csv").decode()


@pytest.mark.parametrize(
    "name, method, target",
    [
        ("determination_new", "get", "household"),
        ("determination_detail", "get", "determination"),
        ("determination_approve", "post", "determination"),
        ("determination_return", "post", "determination"),
        ("receivable_list", "get", None),
        ("receivable_detail", "get", "receivable"),
        ("payment_slips", "get", "receivable"),
        ("dunning", "get", None),
        ("dunning_batch", "get", "batch"),
        ("dunning_letters", "get", "batch"),
        ("dunning_export", "get", "batch"),
    ],
)
def test_anonymous_is_sent_to_login(client, cast, draft, batch, name, method, target):
    ids = {
        "household": cast.households["own"].public_id,
        "determination": draft.public_id,
        "receivable": batch.receivables.get().public_id,
        "batch": batch.public_id,
    }
    assert_sent_to_login(getattr(client, method)(reverse(name, args=[ids[target]] if target else [])))
