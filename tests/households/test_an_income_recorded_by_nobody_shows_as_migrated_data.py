"""An income with no recorder (the demo's and migrated incomes) is shown as 移行データ on the income
list and its page; it used to be a server error (issue 17, found by the crawl)."""

from datetime import date

from django.urls import reverse

from hogo.households.models import Income


def test_the_income_list_and_page_show_an_income_without_a_recorder(cast, login):
    household = cast.households["own"]
    income = Income.objects.create(
        member=household.members.get(), kind="pension", monthly_amount=60_200, since=date(2024, 4, 1)
    )
    client = login(cast.users["cw"])
    for url in (reverse("income_list", args=[household.public_id]), reverse("income_detail", args=[income.public_id])):
        response = client.get(url)
        assert response.status_code == 200
        assert "（移行データ）" in response.content.decode()
