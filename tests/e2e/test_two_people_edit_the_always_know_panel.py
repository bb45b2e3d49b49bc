"""The caseworker and the supervisor open the always-know form in two browsers. The caseworker saves
first; the supervisor's save is refused with the caseworker's 援助方針 shown, what the supervisor
typed is still in the form, and a second save overwrites deliberately."""

import pytest
from playwright.sync_api import expect

from ..factories import PASSWORD
from .shots import shoot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def opened(browser, live_server, username, household):
    context = browser.new_context(viewport={"width": 768, "height": 1024}, locale="ja-JP", base_url=live_server.url)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("ユーザー名").fill(username)
    page.get_by_label("パスワード").fill(PASSWORD)
    page.get_by_role("button", name="ログイン").click()
    page.wait_for_url("**/")
    page.goto(f"/households/{household.public_id}/always-know/")
    return context, page


def test_the_second_save_is_refused_with_the_first_ones_policy(cast, browser, live_server):
    household = cast.households["own"]
    (cw_context, cw), (sv_context, sv) = (
        opened(browser, live_server, "cw", household),
        opened(browser, live_server, "sv", household),
    )
    cw.get_by_label("援助方針").fill("就労支援を優先する。")
    cw.get_by_role("button", name="保存する").click()
    expect(cw.get_by_text("援助方針・留意事項を更新しました。")).to_be_visible()

    sv.get_by_label("援助方針").fill("病状の安定を優先する。")
    sv.get_by_role("button", name="保存する").click()
    alert = sv.locator("#form-errors")
    expect(alert).to_contain_text("保存していません")
    expect(alert).to_contain_text("援助方針「就労支援を優先する。」")
    expect(sv.get_by_label("援助方針")).to_have_value("病状の安定を優先する。")
    shoot(sv, "always-know-stale-refused")

    sv.get_by_role("button", name="保存する").click()
    expect(sv.get_by_text("援助方針・留意事項を更新しました。")).to_be_visible()
    household.refresh_from_db()
    assert household.assistance_policy == "病状の安定を優先する。"
    cw_context.close()
    sv_context.close()
