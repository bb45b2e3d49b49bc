"""Tried as the office would (issue 18): the supervisor uploads the demo's pension revision file and sees
how many rows matched, how many households got a draft and which rows are exceptions; the caseworker
settles the ambiguous match (two members with the same kana name and birth date) from their list; a
large change is looked at; the supervisor and the chief approve the rest in bulk; the notices print as
one PDF per caseworker. Screenshots: var/shots/linkage-*.png."""

import subprocess

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hogo.decisions.models import Decision, DecisionStatus
from hogo.households.demo import OFFICES
from hogo.linkage import demo as linkage_demo
from hogo.linkage.matching import AMBIGUOUS
from hogo.linkage.models import LinkageRow, LinkageRun, Outcome
from hogo.offices.models import Office

from ..factories import PASSWORD
from .shots import shoot
from .test_login_search_open_household import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_pension_file_becomes_drafts_approved_in_bulk_and_printed_notices(page, tmp_path):
    from hogo.demo.load import load_demo

    today = timezone.localdate()
    load_demo(households=160, seed=1, password=PASSWORD, today=today)  # office A: one CW, one SV
    office = Office.objects.get(municipality_code=OFFICES[0].municipality_code)
    sample = tmp_path / "a-pension.csv"
    sample.write_bytes(linkage_demo.pension_sample(office, today))

    log_in(page, "a-sv01")
    page.get_by_role("link", name="連携データ", exact=True).click()
    page.get_by_label("データの種類").select_option(label="年金（情報連携）")
    page.get_by_label("ファイル（CSV・UTF-8 又は Shift_JIS）").set_input_files(str(sample))
    shoot(page, "linkage-upload", guide=True)
    page.get_by_role("button", name="取り込む").click()

    run = LinkageRun.objects.get()
    expect(page).to_have_url(f"/linkage/{run.public_id}/")
    figures = page.locator("#figures")
    expect(figures).to_contain_text(f"突合できた行{run.matched}")
    expect(figures).to_contain_text(f"変更決定を起案した世帯{run.drafted}")
    assert run.drafted > 10 and run.exceptions >= 2
    ambiguous = LinkageRow.objects.get(run=run, reason=AMBIGUOUS)
    expect(page.get_by_role("row", name=f"{ambiguous.line}行目")).to_contain_text(AMBIGUOUS)
    shoot(page, "linkage-run", guide=True)
    page.get_by_role("button", name="ログアウト").click()

    # the caseworker: the ambiguous row and the large changes wait in 「今日の仕事」
    log_in(page, "a-cw001")
    page.goto("/")
    waiting = page.locator("ul[aria-labelledby='alerts-linkage']")
    shoot(page, "linkage-waiting")
    waiting.get_by_role("link", name=f"年金（情報連携） {ambiguous.line}行目 ").click()
    mine = [m for m in ambiguous.candidates]
    page.get_by_label("該当する世帯員").select_option(index=0)
    shoot(page, "linkage-row")
    page.get_by_role("button", name="この世帯員に反映する").click()
    expect(page.locator("#state")).not_to_contain_text("候補の世帯員が複数")
    ambiguous.refresh_from_db()
    assert ambiguous.member_id in mine and ambiguous.outcome in (Outcome.DRAFTED, Outcome.APPLIED, Outcome.UNCHANGED)
    held = LinkageRow.objects.filter(run=run, outcome=Outcome.DRAFTED).exclude(review="").first()
    if held is not None:  # one large change looked at from the list; the others stay held
        page.goto("/")
        waiting.get_by_role("link", name=f"年金（情報連携） {held.line}行目 ").click()
        page.get_by_role("button", name="確認済みにする").click()
        expect(page.locator("#state")).to_contain_text("が確認済み")
    page.get_by_role("button", name="ログアウト").click()

    # the supervisor, then the chief, approve in bulk what nobody holds
    approvable = (
        Decision.objects.filter(
            pk__in=LinkageRow.objects.filter(run=run, outcome=Outcome.DRAFTED).values("decision")
        ).count()
        - LinkageRow.objects.filter(run=run, outcome=Outcome.DRAFTED, handled_at__isnull=True)
        .exclude(review="")
        .values("decision")
        .distinct()
        .count()
    )
    for username in ("a-sv01", "a-chief"):
        log_in(page, username)
        page.goto(f"/linkage/{run.public_id}/")
        page.get_by_role("button", name="一括承認する").click()
        expect(page.locator(".messages")).to_contain_text(f"{approvable}件を承認しました")
        page.get_by_role("button", name="ログアウト").click()
    approved = Decision.objects.filter(kind="change", status=DecisionStatus.APPROVED)
    assert approved.count() == approvable

    log_in(page, "a-clerk")
    page.goto(f"/linkage/{run.public_id}/")
    link = page.locator("#notices a").first
    expect(link).to_contain_text(f"（{approvable}件）")
    shoot(page, "linkage-notices")
    response = page.request.get(link.get_attribute("href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    pdf = tmp_path / "notices.pdf"
    pdf.write_bytes(response.body())
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert text.count("保護変更決定通知書") == approvable  # one notice a decision, in one PDF
    first = approved.order_by("household__case_number").first()
    assert text.index(first.household.case_number) < text.index("保護変更決定通知書", 10)
