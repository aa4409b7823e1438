"""axe-core on a page: the serious and critical violations it finds, by rule and element.

The vendored axe.min.js (tests/e2e/vendor/axe-core, MPL-2.0) is injected into the page as it is;
axe runs only the WCAG 2.0/2.1 A and AA rules plus best practices such as heading order.
"""

from __future__ import annotations

from pathlib import Path

AXE_JS = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
SEVERE = ("serious", "critical")

# A violation found in Streamlit's own markup that the app cannot change: (rule, CSS selector of
# the element as axe names it) -> why. Only that rule on that element is let through.
STREAMLIT_OWN: dict[tuple[str, str], str] = {}

RUN_JS = """async () => {
  const r = await axe.run(document, {
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
    resultTypes: ['violations'],
  });
  return r.violations.map(v => ({
    id: v.id, impact: v.impact,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), impact: n.impact,
                              summary: (n.failureSummary || '').slice(0, 300),
                              html: n.html.slice(0, 200)})),
  }));
}"""


def run(page) -> list[dict]:
    """All violations axe finds on the page as it is now (axe injected once per document)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(RUN_JS)


def severe(violations: list[dict]) -> list[tuple[str, str, str]]:
    """(rule, element, what is wrong) of every serious or critical violation not let through."""
    return [
        (v["id"], n["target"], n["summary"] or n["html"])
        for v in violations
        for n in v["nodes"]
        if (n["impact"] or v["impact"]) in SEVERE and (v["id"], n["target"]) not in STREAMLIT_OWN
    ]


def counts(violations: list[dict]) -> dict[str, int]:
    """Serious and critical violations per rule (for the report)."""
    out: dict[str, int] = {}
    for rule, _, _ in severe(violations):
        out[rule] = out.get(rule, 0) + 1
    return out
