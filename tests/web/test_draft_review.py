"""The review page of a draft (`acuerdos serve --drafts DIR`) in a real headless chromium: every drafted
decision is shown with its quote marked in the source text, unticking one decision and one theme
gives the `acuerdos accept` command that rejects exactly those; the page reads without JavaScript
and in Spanish. The draft is of the virtual meeting's minutes, written into a temporary folder.

End to end: the San Salvador conclusions drafted into a copy of the project that lacks them
(tests/draft_project.py), reviewed on the page (one decision rejected, a theme of another kept),
the command the page gives run as it is, and the accepted decision found by question 1
(decisions-by-theme) over the copy's data, the rejected one nowhere."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
import rdflib

from acuerdos.draft import Drafter, write_draft
from axe_check import AXE, serious
from checkouts import acuerdos
from conftest import ROOT, _stop, start_service
from draft_project import draft_with_edits, project_with
from screens import DESKTOP, PHONE, shoot

ACU = rdflib.Namespace("https://w3id.org/acuerdos/ontology#")
BASE = "https://w3id.org/acuerdos/"
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


def test_the_source_text_is_shown_without_its_blank_lines_numbered_as_in_the_file(
    browser_context, review_url: str, drafts: Path, screenshots: Path
) -> None:
    """The source (a PDF's text: a blank line after nearly every line) was shown as it is, 11,700 px
    of mostly blank page at desktop width. Now each line that is not blank is shown once, with its
    number in the file (which quotes and the proposals' reasons cite), a gap where two or more blank
    lines were; each proposal names the lines its text is on; the text scrolls beside the proposals
    on a wide screen, so the page is as long as the proposals, and follows them on a phone."""
    file = (ROOT / "data" / "sources" / SOURCE).read_text(encoding="utf-8-sig").split("\n")
    kept = [n for n, line in enumerate(file, 1) if line.strip()]
    gaps = [n for n in kept if n > 2 and not file[n - 2].strip() and not file[n - 3].strip() and n != kept[0]]
    page = browser_context.new_page()
    page.goto(f"{review_url}/drafts/{NAME}?lang=en")
    lines = page.locator("ol.source-text > li")
    numbers = lines.evaluate_all("els => els.map(li => li.value)")
    assert numbers == kept and len(kept) < len(file) / 2, "the blank lines, half the file, are not shown"
    texts = lines.evaluate_all("els => els.map(li => li.textContent)")
    assert [" ".join(t.split()) for t in texts] == [" ".join(file[n - 1].split()) for n in kept]
    assert lines.evaluate_all("els => els.filter(li => li.classList.contains('gap')).map(li => li.value)") == gaps
    documents = _draft_graph(drafts, "documents")
    texts_of = {
        str(d).rsplit("/", 1)[-1]: str(documents.value(d, ACU.text)) for d in documents.subjects(ACU.adoptedAt, None)
    }
    for item in page.locator("li.draft-item").all():
        words = item.locator('a[href^="#q-"]').inner_text().rsplit(" ", 1)[-1]  # "lines 252–256", "line 40"
        first, _, last = words.partition("–")
        passage = " ".join(" ".join(file[int(first) - 1 : int(last or first)]).split())
        decision = item.get_attribute("id").removeprefix("item-")
        assert " ".join(texts_of[decision].split())[:40] in passage, (decision, words)
    height = page.evaluate("document.documentElement.scrollHeight")
    form = page.locator("form.review").bounding_box()
    assert form and height < form["y"] + form["height"] + 400, f"{height} px: the text makes the page longer"
    if AXE.is_file():  # the text's own scrolled pane is reached by the keyboard too
        assert not serious(page), [v["id"] for v in serious(page)]
    link = page.locator('li.draft-item a[href^="#q-"]').last
    link.click()
    target = page.locator(f'.source-text span.anchor[id="{link.get_attribute("href")[1:]}"] + mark')
    box = target.bounding_box()
    assert box and 0 <= box["y"] < DESKTOP["height"], "the quote followed is scrolled into view beside the proposals"
    page.set_viewport_size(PHONE)
    page.goto(f"{review_url}/drafts/{NAME}?lang=es")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "no sideways scrolling"
    text = page.locator("ol.source-text").bounding_box()
    assert form and text and text["y"] > page.locator("form.review").bounding_box()["y"], "the proposals first"
    shoot(page, screenshots, "draft-review-lines")
    page.close()
    browser_context.clear_cookies()  # lang=es set the cookie for 127.0.0.1, every port: the next tests ask English


def test_the_review_reads_without_javascript_and_in_spanish(review_url: str, drafts: Path) -> None:
    import httpx

    page = httpx.get(f"{review_url}/drafts/{NAME}?lang=es", timeout=30).text
    assert "Revisión del borrador" in page and 'lang="es"' in page
    g = _draft_graph(drafts, "documents")
    categories = _draft_graph(drafts, "curation/action-category")
    decisions = set(g.subjects(ACU.adoptedAt, None))
    assert set(categories.subjects(ACU.actionCategoryAssignment, None)) == decisions
    assert page.count('<dd class="action-category">') == len(decisions)  # each proposal shown, with its reason
    for text in g.objects(None, ACU.text):  # every decision's text is in the HTML itself
        first_words = " ".join(str(text).split()[:4])
        assert rdflib.Literal(first_words) and first_words.split()[0] in page
    assert httpx.get(f"{review_url}/drafts/no-such-draft", timeout=30).status_code == 404


@pytest.mark.slow
def test_a_reviewed_draft_is_accepted_and_answers_question_1(
    browser_context, built_dist: Path, tmp_path: Path, screenshots: Path
) -> None:
    project, draft_dir = project_with(tmp_path, draft_with_edits(tmp_path / "drafted"))
    themes = rdflib.Graph().parse(next((draft_dir / "curation/themes").glob("*.ttl")))
    documents = rdflib.Graph().parse(next((draft_dir / "documents").glob("*.ttl")))
    proposed = sorted((str(d), str(themes.value(a, ACU.theme))) for d, a in themes.subject_objects(ACU.themeAssignment))
    kept, theme = proposed[0]  # a decision and one of its proposed themes, both accepted
    parents = {str(p) for p in documents.objects(None, ACU.partOf)}
    rejected = next(  # a decision with no sub-items, other than the kept one and its parent
        str(d)
        for d in sorted(documents.subjects(ACU.adoptedAt, None))
        if str(d) not in parents and str(d) != kept and (rdflib.URIRef(kept), ACU.partOf, d) not in documents
    )
    service = start_service(built_dist, tmp_path / "drafts.log", "--drafts", str(draft_dir.parent))
    try:
        page = browser_context.new_page()
        page.goto(f"{service.url}/drafts/{draft_dir.name}?lang=en")
        short = kept.rsplit("/", 1)[-1]
        theme_box = page.locator(f'input[name="accept"][value="{short}:{theme.removeprefix(BASE)}"]')
        assert theme_box.is_checked()
        page.locator(f'input[name="accept"][value="{rejected.rsplit("/", 1)[-1]}"]').uncheck()
        page.locator("#curator").fill("Ana Curadora")
        page.locator("form.review button[type=submit]").click()
        page.wait_for_load_state()
        words = shlex.split(page.locator("#command").inner_text())
        shoot(page, screenshots, "draft-review-accept")
        page.close()
    finally:
        _stop(service.process)
    assert words[:2] == ["acuerdos", "accept"] and words[-1] == rejected.rsplit("/", 1)[-1]
    done = acuerdos(*words[1:], cwd=project)
    assert done.returncode == 0, done.stderr  # accept validates the whole copy with the shapes first
    found = acuerdos("query", "decisions-by-theme", "-p", f"theme={theme}", "-f", "csv", cwd=project)
    assert found.returncode == 0, found.stderr
    assert kept in found.stdout and rejected not in found.stdout
    accepted = (project / "data/documents" / next((draft_dir / "documents").glob("*.ttl")).name).read_text("utf-8")
    assert f"<{kept.removeprefix(BASE)}>" in accepted and f"<{rejected.removeprefix(BASE)}>" not in accepted
