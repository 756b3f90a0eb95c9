"""The review page of a draft (`acuerdos serve --drafts DIR`) in a real headless chromium: every drafted
decision is shown with its quote marked in the source text, unticking one decision and one theme
gives the `acuerdos accept` command that rejects exactly those; the page reads without JavaScript
and in Spanish. The draft is of the virtual meeting's minutes, written into a temporary folder."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
import rdflib

from acuerdos.draft import Drafter, write_draft
from conftest import ROOT, _stop, start_service
from screens import shoot

ACU = rdflib.Namespace("https://w3id.org/acuerdos/ontology#")
SOURCE = "000_549d0ada5a26f028.txt"
NAME = "minuta"


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("drafts")
    draft = Drafter.for_project(ROOT).draft(ROOT / "data" / "sources" / SOURCE)
    write_draft(draft, folder / NAME, ROOT / "data", "test")
    return folder


@pytest.fixture(scope="module")
def review_url(built_dist: Path, drafts: Path, tmp_path_factory: pytest.TempPathFactory):
    service = start_service(built_dist, tmp_path_factory.mktemp("logs") / "drafts.log", "--drafts", str(drafts))
    yield service.url
    _stop(service.process)


def _draft_graph(drafts: Path, what: str) -> rdflib.Graph:
    return rdflib.Graph().parse(next((drafts / NAME / what).glob("*.ttl")))


def _decision_ids(drafts: Path) -> list[str]:
    """The drafted decisions' ids (the end of their IRIs), read from the draft's file."""
    g = _draft_graph(drafts, "documents")
    return sorted(str(d).rsplit("/", 1)[-1] for d in g.subjects(ACU.adoptedAt, None))


def test_rejecting_one_decision_and_one_theme_gives_the_accept_command(
    browser_context, review_url: str, drafts: Path, screenshots: Path
) -> None:
    page = browser_context.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(review_url + "/drafts?lang=en")
    page.locator(f'main a:text-is("{NAME}")').click()
    page.wait_for_load_state()
    ids = _decision_ids(drafts)
    items = page.locator("li.draft-item")
    assert sorted(items.evaluate_all("els => els.map(e => e.id.slice(5))")) == ids
    for link in page.locator('li.draft-item a[href^="#q-"]').all():  # each decision's quote is marked in the text
        anchor = link.get_attribute("href")[1:]
        assert page.locator(f'.source-text span.anchor[id="{anchor}"]').count() == 1, anchor

    themes = _draft_graph(drafts, "curation/themes")
    first = ids[0]
    theme = next(
        str(themes.value(a, ACU.theme)).removeprefix("https://w3id.org/acuerdos/")
        for d, a in themes.subject_objects(ACU.themeAssignment)
        if str(d).endswith("/" + first)
    )
    rejected_decision = ids[1]
    page.locator("#curator").fill("Ana Curadora")
    page.locator(f'input[name="accept"][value="{rejected_decision}"]').uncheck()
    page.locator(f'input[name="accept"][value="{first}:{theme}"]').uncheck()
    page.locator("form.review button[type=submit]").click()
    page.wait_for_load_state()
    words = shlex.split(page.locator("#command").inner_text())
    assert words[:5] == ["acuerdos", "accept", str(drafts / NAME), "--curator", "Ana Curadora"]
    assert words[5] == "--reject" and set(words[6].split(",")) == {rejected_decision, f"{first}:{theme}"}
    assert not page.locator(f'input[name="accept"][value="{rejected_decision}"]').is_checked()
    assert page.locator(f'input[name="accept"][value="{first}"]').is_checked()
    outside = [u for u in asked if not u.startswith((review_url, "data:", "about:"))]
    assert not outside, outside
    shoot(page, screenshots, "draft-review")
    page.close()


def test_the_review_reads_without_javascript_and_in_spanish(review_url: str, drafts: Path) -> None:
    import httpx

    page = httpx.get(f"{review_url}/drafts/{NAME}?lang=es", timeout=30).text
    assert "Revisión del borrador" in page and 'lang="es"' in page
    g = _draft_graph(drafts, "documents")
    for text in g.objects(None, ACU.text):  # every decision's text is in the HTML itself
        first_words = " ".join(str(text).split()[:4])
        assert rdflib.Literal(first_words) and first_words.split()[0] in page
    assert httpx.get(f"{review_url}/drafts/no-such-draft", timeout=30).status_code == 404
