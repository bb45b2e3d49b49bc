"""Where apps contribute to pages the core owns, so the core never imports them.

Each app registers, from its own `AppConfig.ready()`, the panels it adds to the household page,
the sections it adds to the home page, the start page of users who work only in that app, and the
links it adds to the header menu. The core pages only read these registries. Registering the same
key again replaces the entry, so `ready()` may run twice.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse


@dataclass(frozen=True)
class HouseholdPanel:
    """A section of the household page. `context(request, household)` gives the template's values,
    or None when this user should not see the panel."""

    key: str
    order: int
    template: str
    context: Callable[[HttpRequest, Any], dict | None]


@dataclass(frozen=True)
class HomeSection:
    """A section of the staff home page. `context(request)` gives the template's values, or None
    when this user should not see it."""

    key: str
    order: int
    template: str
    context: Callable[[HttpRequest], dict | None]


@dataclass(frozen=True)
class StartPage:
    """Where a user whose work is only this app's starts instead of the household list (a partner
    agency member, the collection team): `applies(request)` says whether this user is one."""

    key: str
    url_name: str
    applies: Callable[[HttpRequest], bool]


@dataclass(frozen=True)
class MenuEntry:
    """A link of the header menu, shown when `shows(request)` is true.

    `badge(request)` gives a count shown beside the label (nothing when 0), read by screen readers
    with `badge_hint` after it. The link is marked as the current page on the URL names in
    `current_on`; None means on its own URL name only.
    """

    url_name: str
    label: str
    order: int
    shows: Callable[[HttpRequest], bool]
    badge: Callable[[HttpRequest], int] | None = None
    badge_hint: str = ""
    current_on: tuple[str, ...] | None = None

    def is_current(self, request: HttpRequest) -> bool:
        match = getattr(request, "resolver_match", None)
        if match is None:
            return False
        names = (self.url_name,) if self.current_on is None else self.current_on
        return match.view_name in names


@dataclass(frozen=True)
class MenuLink:
    """One menu entry as this request shows it."""

    url: str
    label: str
    current: bool
    badge: int
    badge_hint: str


_panels: dict[str, HouseholdPanel] = {}
_home_sections: dict[str, HomeSection] = {}
_start_pages: dict[str, StartPage] = {}
_menu: dict[str, MenuEntry] = {}


def register_household_panel(panel: HouseholdPanel) -> None:
    _panels[panel.key] = panel


def register_home_section(section: HomeSection) -> None:
    _home_sections[section.key] = section


def register_start_page(page: StartPage) -> None:
    _start_pages[page.key] = page


def register_menu_entry(entry: MenuEntry) -> None:
    _menu[entry.url_name] = entry


def household_panels() -> list[HouseholdPanel]:
    return sorted(_panels.values(), key=lambda panel: (panel.order, panel.key))


def menu_entries() -> list[MenuEntry]:
    return sorted(_menu.values(), key=lambda entry: (entry.order, entry.url_name))


def panels_for(request: HttpRequest, household) -> list[tuple[str, dict]]:
    """(template name, its values) of each panel this user sees on this household's page, in order."""
    shown = []
    for panel in household_panels():
        values = panel.context(request, household)
        if values is not None:
            shown.append((panel.template, values))
    return shown


def home_sections_for(request: HttpRequest) -> list[tuple[str, dict]]:
    """(template name, its values) of each home-page section this user sees, in order."""
    shown = []
    for section in sorted(_home_sections.values(), key=lambda s: (s.order, s.key)):
        values = section.context(request)
        if values is not None:
            shown.append((section.template, values))
    return shown


def start_page_for(request: HttpRequest) -> str | None:
    """The URL name where this user starts, when an app claims them (None: the household list)."""
    for page in sorted(_start_pages.values(), key=lambda p: p.key):
        if page.applies(request):
            return page.url_name
    return None


def menu_for(request: HttpRequest) -> list[MenuLink]:
    """The header menu's links for this request, in order."""
    return [
        MenuLink(
            url=reverse(entry.url_name),
            label=entry.label,
            current=entry.is_current(request),
            badge=entry.badge(request) if entry.badge else 0,
            badge_hint=entry.badge_hint,
        )
        for entry in menu_entries()
        if entry.shows(request)
    ]
