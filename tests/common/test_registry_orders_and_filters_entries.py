"""The registries the apps contribute to: entries come out in their order, a panel whose context is
None and a menu entry whose predicate is false are left out, and registering a key again replaces
the entry (so an AppConfig.ready() that runs twice adds nothing twice)."""

import pytest
from django.test import RequestFactory

from hogo.common import registry
from hogo.common.registry import HouseholdPanel, MenuEntry


@pytest.fixture
def empty_registries(monkeypatch):
    monkeypatch.setattr(registry, "_panels", {})
    monkeypatch.setattr(registry, "_menu", {})


@pytest.fixture
def request_on_home():
    request = RequestFactory().get("/")
    request.resolver_match = type("Match", (), {"view_name": "home"})()
    return request


def test_panels_come_in_their_order_and_a_none_context_hides_one(empty_registries, request_on_home):
    registry.register_household_panel(HouseholdPanel("late", 20, "late.html", lambda request, household: {"n": 2}))
    registry.register_household_panel(HouseholdPanel("hidden", 15, "hidden.html", lambda request, household: None))
    registry.register_household_panel(HouseholdPanel("early", 10, "early.html", lambda request, household: {"n": 1}))
    assert registry.panels_for(request_on_home, household=None) == [("early.html", {"n": 1}), ("late.html", {"n": 2})]


def test_registering_a_panel_key_again_replaces_it(empty_registries):
    registry.register_household_panel(HouseholdPanel("p", 10, "old.html", lambda request, household: {}))
    registry.register_household_panel(HouseholdPanel("p", 10, "new.html", lambda request, household: {}))
    assert [panel.template for panel in registry.household_panels()] == ["new.html"]


def test_the_menu_keeps_its_order_leaves_out_hidden_entries_and_marks_the_current_page(
    empty_registries, request_on_home
):
    registry.register_menu_entry(MenuEntry("household_search", "世帯検索", 30, lambda request: True))
    registry.register_menu_entry(MenuEntry("team", "係の状況", 40, lambda request: False))
    registry.register_menu_entry(MenuEntry("home", "ホーム", 20, lambda request: True, badge=lambda request: 3))
    registry.register_menu_entry(MenuEntry("agency_home", "参加している会議", 10, lambda request: True, current_on=()))
    links = registry.menu_for(request_on_home)
    assert [(link.label, link.current, link.badge) for link in links] == [
        ("参加している会議", False, 0),
        ("ホーム", True, 3),
        ("世帯検索", False, 0),
    ]
    assert [link.url for link in links] == ["/agency/", "/", "/households/"]
