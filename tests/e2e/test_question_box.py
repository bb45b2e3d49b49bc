"""Tried as a new user would: a caseworker asks 「申請から何日以内に決定しないといけない？」 and sees
生活保護法第24条第5項 first, quoted and cited, with the reference-only notice; the feedback is kept."""

import pytest
from playwright.sync_api import expect

from hogo.knowledge.models import Question

from .shots import shoot
from .test_login_search_open_household import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_fourteen_day_question_in_the_browser(cast, page):
    log_in(page, "cw")
    page.get_by_role("link", name="法令", exact=True).click()
    page.get_by_label("質問").fill("申請から何日以内に決定しないといけない？")
    page.get_by_role("button", name="調べる").click()
    first = page.locator("article.passage").first
    expect(first.get_by_role("heading")).to_contain_text("生活保護法第24条第5項")
    expect(first.locator("blockquote")).to_contain_text("申請のあつた日から十四日以内にしなければならない")
    expect(first.locator("mark").first).to_be_visible()
    expect(page.get_by_role("note")).to_contain_text("参考情報です")
    shoot(page, "guide-question", guide=True)
    page.get_by_role("button", name="役に立った").click()
    expect(page.get_by_text("評価を記録しました。")).to_be_visible()
    assert Question.objects.get().feedback == "useful"
