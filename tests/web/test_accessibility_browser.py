"""axe-core (the npm devDependency, injected by playwright: no page refers to it) on the pages a
researcher starts from: no violation of serious or critical impact, in either language."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from axe_check import AXE, serious

PAGES = [
    "/",
    "/explore/decisions",
    "/explore/decisions?conference=conference/csm&year=2017&actor=state/MX",
    "/explore/meetings?participant=state/MX",
    "/explore/decisions?conference=conference/csm&page=2",  # a page past the first, with its pager
    "/document/2017-06-08-final-act/text",  # a source text's numbered lines
    "/meeting/2017-06-08-panama",
    "/decision/2017-06-08-panama/agreement-13",
    "/sparql",
    "/sparql#query="
    + quote("PREFIX acu: <https://w3id.org/acuerdos/ontology#>\nSELECT ?d ?k WHERE { ?d a ?k } LIMIT 20"),
    "/sparql#query=" + quote("SELECT ?x WHERE { ?x a }"),  # a failing query and its error
    "/charts/coverage/gcm-objectives",
    "/charts/timeline",
    "/charts/co-occurrence/regional-themes",
    "/decision/2017-03-30-washington/agreement-1",  # its follow-up graph, wider than a phone
    "/theme/gcm-objective/10",
    "/tracker",
    "/tracker/state/MX",
    "/queries/actor-obligations?actor=state/MX&include_bodies=true",
    "/queries/actor-obligations?actor=Mexco",  # a wrong value: the error, the value kept, what was meant
]

pytestmark = pytest.mark.skipif(not AXE.is_file(), reason="axe-core is not installed (make install runs npm ci)")


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_violation(page, service_url, path, lang):
    address, _, fragment = path.partition("#")
    joiner = "&" if "?" in address else "?"
    page.goto(f"{service_url}{address}{joiner}lang={lang}" + (f"#{fragment}" if fragment else ""))
    if address == "/sparql":
        page.wait_for_selector(".yasgui .tabsList .tab")
    if fragment:
        page.wait_for_selector(".yasr table tbody tr, .yasr .errorResult")
    problems = serious(page)
    described = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:5]]}" for v in problems]
    assert not problems, "\n".join(described)
