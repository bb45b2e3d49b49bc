"""WCAG 2.2 A/AA in the browser tests (issue 23 item 8): axe-core (node_modules/axe-core, npm) run in a
Playwright page. `assert_no_serious_violations(page)` fails listing every violation of impact serious or
critical, with the rule, its help text and the elements; moderate and minor ones are returned, not failed.

axe is put into the page through the DevTools protocol (`page.evaluate`), not a <script> element: the
portal's Content-Security-Policy allows only its own scripts, and the test must not loosen it."""

from pathlib import Path

from django.conf import settings

AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FAILING_IMPACTS = {"serious", "critical"}

RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    targets: v.nodes.map(n => n.target.join(" ")),
    summary: v.nodes.map(n => n.failureSummary || "").slice(0, 3),
  }));
}"""


def inject(page) -> None:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        if not AXE_JS.exists():
            raise AssertionError(f"axe-core not found at {AXE_JS}: run `npm ci`")
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
        assert page.evaluate("typeof window.axe.run === 'function'"), "axe-core did not load into the page"


def violations(page, tags=TAGS) -> list[dict]:
    """Every violation axe finds on the page as it is now, for the given tags (WCAG 2.2 A/AA by default)."""
    inject(page)
    return page.evaluate(RUN, list(tags))


def describe(found: list[dict]) -> str:
    lines = []
    for v in found:
        lines.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        lines.extend(f"    at {target}" for target in v["targets"][:10])
        if len(v["targets"]) > 10:
            lines.append(f"    … and {len(v['targets']) - 10} more")
    return "\n".join(lines)


def assert_no_serious_violations(page, tags=TAGS) -> list[dict]:
    """Fail naming every serious or critical violation on the page; return the lesser ones."""
    found = violations(page, tags)
    serious = [v for v in found if v["impact"] in FAILING_IMPACTS]
    assert not serious, f"axe-core: {len(serious)} serious/critical violation(s) on {page.url}\n" + describe(serious)
    return found
