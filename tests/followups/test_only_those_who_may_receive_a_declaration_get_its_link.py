"""A follow-up closed by a declaration (収入申告 every 12 months …) links to 「申告を受け付ける」 only for
those who may change the household; the chief and the clerk, who read only, get the follow-up's own
page instead of a link that answers 403."""

import pytest
from django.urls import reverse

from hogo.followups import queries
from hogo.followups.models import FollowUp


@pytest.fixture
def item(cast, rules, regenerate):
    regenerate(cast.households["own"])
    found = (
        FollowUp.objects.filter(household=cast.households["own"])
        .exclude(rule__closed_by="")
        .exclude(rule=None)
        .select_related("household", "rule")
        .first()
    )
    assert found is not None, "the household must have a follow-up closed by a declaration"
    return found


def declaration_link(item):
    return reverse("declaration_new", args=[item.household.public_id]) + f"?kind={item.rule.closed_by}"


@pytest.mark.parametrize("role", ["cw", "sv"])
def test_those_who_may_edit_get_the_link_to_receive_the_declaration(cast, item, today, role):
    [row] = queries.rows_of([item], today, viewer=cast.users[role])
    assert row.link == declaration_link(item)


@pytest.mark.parametrize("role", ["chief", "clerk"])
def test_the_chief_and_the_clerk_get_the_follow_up_page_instead(cast, item, today, role):
    [row] = queries.rows_of([item], today, viewer=cast.users[role])
    assert row.link == reverse("followup_detail", args=[item.public_id])


@pytest.mark.parametrize("role", ["chief", "clerk"])
def test_no_page_offers_the_chief_or_the_clerk_a_link_they_would_be_refused(cast, item, login, role):
    client = login(cast.users[role])
    for url in (
        reverse("household_detail", args=[item.household.public_id]),
        reverse("followup_detail", args=[item.public_id]),
    ):
        page = client.get(url)
        assert page.status_code == 200
        assert declaration_link(item).replace("&", "&amp;") not in page.content.decode()
        assert reverse("declaration_new", args=[item.household.public_id]) not in page.content.decode()
    assert client.get(declaration_link(item)).status_code == 403


def test_the_caseworker_sees_the_link_on_the_household_page(cast, item, login):
    page = login(cast.users["cw"]).get(reverse("household_detail", args=[item.household.public_id]))
    assert declaration_link(item) in page.content.decode()
