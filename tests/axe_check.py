"""axe-core, the npm devDependency, run in a page by playwright (no page refers to it): the
violations of serious or critical impact it finds."""

from __future__ import annotations

from pathlib import Path

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"


def serious(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [v for v in found if v["impact"] in ("serious", "critical")]
