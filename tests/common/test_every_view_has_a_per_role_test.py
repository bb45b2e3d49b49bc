"""Every view of the core site has a per-role access test.

The per-role test modules (tests/**/test_*per_role*.py) each declare the URL names they cover in a
module-level `ROLE_TESTED_URLS`; this test walks the core URLconf and lists every named URL that no
module declares. A declared name must be a URL of the site and must be used by a test of its module
(named somewhere in the module outside the declaration), so the registry cannot drift from the tests.

How to cover a new view: add it to the per-role module of its area (or write one), with one user per
role (tests/roles.py) and the exact status each gets, and name it in that module's ROLE_TESTED_URLS."""

import ast
import importlib
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

import tests

TESTS = Path(tests.__file__).parent

# URLs with no per-role test, each with the reason. Nothing else may be left out.
EXEMPT_NAMESPACES = {
    "admin": "Django's admin site: staff-only by Django's own is_staff check, not by Hogo's roles",
}
EXEMPT_NAMES = {
    "login": "the login page is for everyone who is not logged in yet (tests/security covers it)",
    "logout": "logging out is the same for every role (tests/security covers it)",
    "health": "the health check answers the load balancer without a login and shows no data",
}


def core_url_names() -> tuple[set[str], list[str]]:
    """The names of the core site's URLs outside the exempt namespaces, and the patterns without a name."""
    names, unnamed = set(), []

    def walk(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace in EXEMPT_NAMESPACES:
                    continue
                walk(pattern, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                if pattern.name:
                    names.add(pattern.name)
                else:
                    unnamed.append(prefix + str(pattern.pattern))

    walk(get_resolver("hogo.urls_core"))
    return names, unnamed


def per_role_modules() -> list[Path]:
    here = Path(__file__).resolve()
    return sorted(p for p in TESTS.rglob("test_*per_role*.py") if "e2e" not in p.parts and p.resolve() != here)


def module_name(path: Path) -> str:
    return ".".join(("tests", *path.relative_to(TESTS).with_suffix("").parts))


def declared(path: Path) -> set[str] | None:
    """The URL names the module declares it covers (None when it declares none)."""
    names = getattr(importlib.import_module(module_name(path)), "ROLE_TESTED_URLS", None)
    return None if names is None else set(names)


def used_outside_the_declaration(path: Path) -> set[str]:
    """The string constants of a module, leaving out those of its ROLE_TESTED_URLS assignment."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        if any(isinstance(t, ast.Name) and t.id == "ROLE_TESTED_URLS" for t in targets):
            skipped |= {id(n) for n in ast.walk(node)}
    return {
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skipped
    }


def test_there_are_per_role_modules():
    assert len(per_role_modules()) >= 8


@pytest.mark.parametrize("path", per_role_modules(), ids=lambda p: str(p.relative_to(TESTS)))
def test_a_per_role_module_declares_only_urls_of_the_site_that_its_tests_use(path):
    names, _ = core_url_names()
    covered = declared(path)
    assert covered is not None, f"{module_name(path)} declares no ROLE_TESTED_URLS"
    assert covered, f"{module_name(path)}: ROLE_TESTED_URLS is empty"
    assert not covered - names, f"not URLs of the core site: {sorted(covered - names)}"
    unused = covered - used_outside_the_declaration(path)
    assert not unused, f"declared but not named by any test of the module: {sorted(unused)}"


def test_the_exemptions_name_urls_that_exist():
    names, _ = core_url_names()
    assert not set(EXEMPT_NAMES) - names, f"stale exemptions: {sorted(set(EXEMPT_NAMES) - names)}"


def test_every_url_of_the_core_site_has_a_name():
    _, unnamed = core_url_names()
    assert not unnamed, f"URLs without a name cannot be registered as tested: {unnamed}"


def test_every_view_has_a_per_role_test():
    names, _ = core_url_names()
    covered = set().union(*(declared(p) or set() for p in per_role_modules()))
    missing = sorted(names - set(EXEMPT_NAMES) - covered)
    assert not missing, (
        f"{len(missing)} view(s) without a per-role test (add one and name it in ROLE_TESTED_URLS): "
        + ", ".join(missing)
    )
