"""Junk in the query string of any page of the core site — a month that is not one, a negative or
enormous page, a stop that is no id, a very long search, a NUL — is answered by the page (or its
refusal: 403, 404, 405, a 400 with the message), never by a server error.

Every named URL of the core site is asked: URLs without an argument as they are, URLs with a
household id with the caseworker's household — every page that reads its query string is one of
those (`grep request.GET hogo`) — and pages of other objects with an unknown id (their 404 with
junk). Each is asked as the caseworker who owns the household or, where the caseworker is refused,
as the first role that may open it (SV, chief, clerk, collector, admin), so junk reaches the form."""

import uuid

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.common.test_every_view_has_a_per_role_test import EXEMPT_NAMESPACES

JUNK = {
    "words": {
        "month": "abc",
        "page": "abc",
        "stop": "xyz",
        "q": "保護" * 2_000,
        "kind": "x",
        "kinds": "zz",
        "sort": "-password",
        "scope": "everything",
        "cw": "x",
        "household": "abc",
        "date_from": "2026-02-30",
        "date_to": "yesterday",
        "assessment": "abc",
        "feedback": "maybe",
        "area": "nowhere",
        "trait": "nothing",
        "min_days": "abc",
        "min_amount": "abc",
    },
    "extremes": {
        "month": "9999-12",
        "page": "-1",
        "stop": [str(uuid.uuid4()) for _ in range(40)],
        "q": "%_\\" * 300,
        "cw": str(10**30),
        "household": str(uuid.uuid4()),
        "date_from": "0001-01-01",
        "date_to": "9999-12-31",
        "min_days": str(10**30),
        "min_amount": "-1",
        "kinds": ["63", "78"],
        "kind": "",
    },
    "odd characters": {
        "month": "0001-01",
        "page": str(10**30),
        "q": "\x00<script>'\"",
        "kind": ["a", "b"],
        "sort": "\x00",
        "area": "\x00",
        "assessment": str(10**30),
    },
}


# Whom each page is asked as: the first of these it does not refuse.
ROLES_TRIED = ["cw", "sv", "chief", "clerk", "collector", "admin"]


def named_urls() -> list[tuple[str, str]]:
    """(name, route) of every named URL of the core site outside the exempt namespaces."""
    found = []

    def walk(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace not in EXEMPT_NAMESPACES:
                    walk(pattern, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern) and pattern.name:
                found.append((pattern.name, prefix + str(pattern.pattern)))

    walk(get_resolver("hogo.urls_core"))
    return sorted(found)


def address(name: str, route: str, household) -> str:
    if "<" not in route:
        return reverse(name)
    if route.startswith("households/<uuid:public_id>/") and route.count("<") == 1:
        return reverse(name, args=[household.public_id])
    args = [uuid.uuid4() if "<uuid:" in part else 999_999 for part in route.split("/") if part.startswith("<")]
    return reverse(name, args=args)


def test_the_sweep_asks_the_pages_that_read_their_query_string():
    names = {name for name, _ in named_urls()}
    assert {"visit_list", "visit_calendar", "visit_route", "household_search", "record_search", "dunning"} <= names
    assert {"record_new", "conference_new", "decision_new", "declaration_new", "approval_inbox"} <= names


@pytest.mark.parametrize("name, route", [pytest.param(name, route, id=name) for name, route in named_urls()])
def test_junk_in_the_query_string_is_not_a_server_error(everyone, cast, name, route):
    url = address(name, route, cast.households["own"])
    client = Client(raise_request_exception=False)
    for role in ROLES_TRIED:
        client.force_login(everyone[role])
        if client.get(url).status_code != 403:
            break
    answers = {junk: client.get(url, params).status_code for junk, params in JUNK.items()}
    assert all(status < 500 for status in answers.values()), f"{url} answered {answers}"
