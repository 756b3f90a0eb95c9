"""Screenshots written by the page tests (never committed), for a person to look at.

They go to $ACUERDOS_SCREENSHOTS, else to `test-results/screenshots/` in the checkout (ignored by
git; the one thing a test run writes there, so that the pictures outlive pytest's temporary folders).
`shoot` takes a full page at desktop width, then at phone width."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def screenshots() -> Path:
    folder = Path(os.environ.get("ACUERDOS_SCREENSHOTS") or ROOT / "test-results" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    print(f"screenshots in {folder}")
    return folder


def shoot(page, folder: Path, name: str) -> None:
    """`name`-desktop.png and `name`-phone.png, each the whole page."""
    for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        page.screenshot(path=str(folder / f"{name}-{size}.png"), full_page=True)
    page.set_viewport_size(DESKTOP)
