"""Linked data: every IRI of the graph dereferences on the service, as HTML or RDF."""

from __future__ import annotations

import hashlib
import html
import re
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from rdflib import RDF, Graph, URIRef

from acuerdos.namespaces import Base
from acuerdos.project import Project
from acuerdos.text import normalise, normalise_with_map
from acuerdos.web.i18n import lang_from_header
from acuerdos.web.rendering import Links
from acuerdos.web.source_text import locate_quotes, numbered_lines

PROJECT = Project(Path(__file__).resolve().parents[2])  # the checkout (tests/ holds data/ of its own)

BASE = "https://w3id.org/acuerdos/"
ACU = BASE + "ontology#"
OA = "http://www.w3.org/ns/oa#"
DECISION = "decision/2017-06-08-panama/agreement-13"
QUOTE_13 = (
    "La CRM invitará a la CSM a participar en su próxima reunión del Grupo Ad Hoc sobre migrantes extra-regionales"
)


def parse(text: str, fmt: str) -> Graph:
    graph = Graph()
    graph.parse(data=text, format=fmt)
    return graph


# --- HTML ------------------------------------------------------------------------------------


def test_decision_page_shows_labels_text_quote_and_links(http):
    response = http.get("/" + DECISION, headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "Accept" in response.headers["vary"]
    html = response.text
    assert "Agreement 13 of the CRM-CSM working meeting of 8 June 2017" in html  # English label
    assert "Acuerdo 13 de la reunión de trabajo CRM-CSM del 8 de junio de 2017" in html  # Spanish label
    assert 'href="/ontology#Agreement"' in html  # its type, linked
    assert QUOTE_13 in html  # the quote, inline
    qid = hashlib.sha1(_exact_13().encode()).hexdigest()[:10]
    assert f"/document/2017-06-08-final-act/text?q={qid}#q-{qid}" in html  # read in context
    assert 'href="/meeting/2017-06-08-panama"' in html  # a property value, linked
    assert 'href="/theme/regional/extra-regional-migration"' in html  # theme assignment, inline
    assert "Referenced by" in html  # incoming links
    assert "<script" not in html  # no JavaScript needed


def test_decision_and_meeting_pages_show_the_action_category(http, union_graph):
    """A decision's page names its category, basis and reason and links the citable assignment; a
    meeting's page groups its decisions by category, counted here from the dump."""
    skos = "http://www.w3.org/2004/02/skos/core#"
    assignment = URIRef(BASE + DECISION + "/action-category")
    category = union_graph.value(assignment, URIRef(ACU + "actionCategory"))
    label = next(str(o) for o in union_graph.objects(category, URIRef(skos + "prefLabel")) if o.language == "en")
    reason = str(union_graph.value(assignment, URIRef(ACU + "reason")))
    html = http.get("/" + DECISION, headers={"Accept": "text/html"}).text
    section = html[html.index('id="h-action-category"') :]
    assert label in section[: section.index("</section>")]
    assert f'href="/{DECISION}/action-category"' in html
    assert reason.replace('"', "&#34;") in html or reason.replace('"', "&quot;") in html
    assert http.get(f"/{DECISION}/action-category", headers={"Accept": "text/html"}).status_code == 200

    meeting = URIRef(BASE + "meeting/2017-06-20-san-salvador")
    counts: dict[str, int] = {}
    for decision in union_graph.subjects(URIRef(ACU + "adoptedAt"), meeting):
        for a in union_graph.objects(decision, URIRef(ACU + "actionCategoryAssignment")):
            c = union_graph.value(a, URIRef(ACU + "actionCategory"))
            en = next(str(o) for o in union_graph.objects(c, URIRef(skos + "prefLabel")) if o.language == "en")
            counts[en] = counts.get(en, 0) + 1
    page = http.get("/meeting/2017-06-20-san-salvador", headers={"Accept": "text/html"}).text
    groups = page[page.index('id="h-decisions-by-category"') :]
    groups = groups[: groups.index("</section>")]
    shown = dict(re.findall(r'>([^<>]+)</a>\s*<span class="curie">\((\d+)\)</span>', groups))
    assert {k: int(v) for k, v in shown.items()} == counts
    assert "Acknowledgement or thanks" in counts  # the GRCM thanks, and the page says how often


THEME_13 = DECISION + "/theme/regional-extra-regional-migration"
FOLLOW_UP_13 = DECISION + "/follow-up/decision/2017-06-20-san-salvador/conclusion-7"
EVIDENCE_13 = DECISION + "/evidence/2017-06-08-final-act-1"


def test_the_decision_page_links_its_quote_theme_and_follow_up_to_cite(http):
    html = http.get("/" + DECISION, headers={"Accept": "text/html"}).text
    for owned in (THEME_13, FOLLOW_UP_13, EVIDENCE_13):
        assert f'href="/{owned}"' in html, owned


@pytest.mark.parametrize("owned", [THEME_13, FOLLOW_UP_13, EVIDENCE_13])
def test_a_quote_theme_assignment_or_follow_up_dereferences(http, owned):
    html = http.get("/" + owned, headers={"Accept": "text/html"})
    assert html.status_code == 200
    assert f'href="/{DECISION}"' in html.text  # who owns it, among the incoming links
    graph = parse(http.get("/" + owned, headers={"Accept": "text/turtle"}).text, "turtle")
    assert (URIRef(BASE + DECISION), None, URIRef(BASE + owned)) in graph
    assert len(list(graph.predicate_objects(URIRef(BASE + owned)))) >= 3


def test_the_follow_up_page_shows_its_reason_and_quote(http):
    html = http.get("/" + FOLLOW_UP_13, headers={"Accept": "text/html"}).text
    assert "ad hoc group meeting that agreement 13 promised" in html  # its reason
    assert "la ST enviará una invitación a la CSM" in html  # its quote
    assert 'href="/decision/2017-06-20-san-salvador/conclusion-7"' in html
    assert "Assigned by judgement" in html  # its basis


def test_a_decision_page_shows_the_basis_of_each_follow_up(http):
    html = http.get("/decision/2017-03-30-washington/agreement-10", headers={"Accept": "text/html"}).text
    assert "Named in the text" in html  # the 11 May minutes refer back to the Berlin meeting
    html = http.get("/decision/2017-03-30-washington/agreement-9", headers={"Accept": "text/html"}).text
    assert "Related" in html and "Assigned by judgement" in html  # no longer "holds"


def _exact_13() -> str:
    text = (PROJECT.data / "documents" / "2017-06-08-panama.ttl").read_text(encoding="utf-8")
    graph = Graph()
    graph.parse(data=text, format="turtle")
    subject = URIRef(BASE + DECISION)
    for evidence in graph.objects(subject, URIRef(ACU + "evidence")):
        for selector in graph.objects(evidence, URIRef(OA + "hasSelector")):
            for exact in graph.objects(selector, URIRef(OA + "exact")):
                return str(exact)
    raise AssertionError("agreement 13 has no quote")


def test_page_language_follows_lang_then_accept_language(http):
    spanish = http.get("/" + DECISION, headers={"Accept": "text/html", "Accept-Language": "es-MX,es;q=0.9,en;q=0.5"})
    assert '<html lang="es">' in spanish.text
    assert re.search(r"<h1[^>]*>Acuerdo 13 de la reunión", spanish.text)
    english = http.get("/" + DECISION + "?lang=en", headers={"Accept": "text/html", "Accept-Language": "es"})
    assert '<html lang="en">' in english.text
    assert re.search(r"<h1[^>]*>Agreement 13 of", english.text)
    assert spanish.headers["etag"] != english.headers["etag"]


def test_source_document_page_links_its_text(http):
    html = http.get("/document/2017-06-08-final-act", headers={"Accept": "text/html"}).text
    assert 'href="/document/2017-06-08-final-act/text"' in html


def test_source_text_highlights_the_quote_followed(http):
    qid = hashlib.sha1(_exact_13().encode()).hexdigest()[:10]
    response = http.get(f"/document/2017-06-08-final-act/text?q={qid}")
    assert response.status_code == 200
    html = response.text
    assert f'id="q-{qid}"' in html
    selected = re.findall(r'<mark class="q selected"[^>]*>(.*?)</mark>', html, re.S)
    assert selected, "the quote followed is highlighted"
    shown = normalise(re.sub(r"<[^>]+>", "", "".join(selected)))
    assert "La CRM invitará a la CSM" in shown
    assert 'href="/decision/2017-06-08-panama/agreement-13"' in html  # who cites it
    plain = http.get("/document/2017-06-08-final-act/text?format=txt")
    assert plain.headers["content-type"].startswith("text/plain")
    assert plain.text == (PROJECT.sources / "001_eee5ef25a9d85a71.txt").read_text(encoding="utf-8")


def test_unknown_iri_gets_a_helpful_404(http):
    response = http.get("/decision/2017-06-08-panama/agreement-99", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert 'action="/search"' in html and 'href="/?lang=' in html
    assert BASE + "decision/2017-06-08-panama/agreement-99" in html
    rdf = http.get("/decision/2017-06-08-panama/agreement-99", headers={"Accept": "text/turtle"})
    assert rdf.status_code == 404


def test_search_ignores_accents_and_case(http):
    html = http.get("/search", params={"q": "reunion de trabajo panama", "lang": "es"}).text
    assert 'href="/meeting/2017-06-08-panama"' in html
    html = http.get("/search", params={"q": "EXTRARREGIONAL"}).text
    assert "/decision/" in html


# --- RDF -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "accept, fmt",
    [
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_rdf_by_accept(http, accept, fmt):
    response = http.get("/" + DECISION, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(accept)
    assert "Accept" in response.headers["vary"]
    graph = parse(response.text, fmt)
    subject = URIRef(BASE + DECISION)
    assert (subject, RDF.type, URIRef(ACU + "Agreement")) in graph
    assert (subject, URIRef(ACU + "adoptedAt"), URIRef(BASE + "meeting/2017-06-08-panama")) in graph
    # the quote (a node the decision owns, with its own IRI) comes with it
    exacts = [str(o) for o in graph.objects(None, URIRef(OA + "exact"))]
    assert _exact_13() in exacts


def test_rdf_includes_the_statements_pointing_to_the_resource(http):
    meeting = URIRef(BASE + "meeting/2017-06-08-panama")
    graph = parse(http.get("/meeting/2017-06-08-panama", headers={"Accept": "text/turtle"}).text, "turtle")
    assert (URIRef(BASE + DECISION), URIRef(ACU + "adoptedAt"), meeting) in graph


@pytest.mark.parametrize(
    "ext, media, fmt",
    [
        ("ttl", "text/turtle", "turtle"),
        ("jsonld", "application/ld+json", "json-ld"),
        ("nt", "application/n-triples", "nt"),
        ("rdf", "application/rdf+xml", "xml"),
    ],
)
def test_rdf_by_extension(http, ext, media, fmt):
    response = http.get(f"/{DECISION}.{ext}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert (URIRef(BASE + DECISION), RDF.type, URIRef(ACU + "Agreement")) in parse(response.text, fmt)


def test_html_by_extension_and_browser_accept(http):
    assert http.get(f"/{DECISION}.html").headers["content-type"].startswith("text/html")
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert http.get(f"/{DECISION}", headers={"Accept": browser}).headers["content-type"].startswith("text/html")


def test_not_acceptable(http):
    response = http.get("/" + DECISION, headers={"Accept": "image/png"})
    assert response.status_code == 406


def test_etag_is_the_data_version_and_304(http, data_version):
    first = http.get("/" + DECISION, headers={"Accept": "text/turtle"})
    etag = first.headers["etag"]
    assert data_version in etag
    assert first.headers["cache-control"] == "no-cache"
    again = http.get("/" + DECISION, headers={"Accept": "text/turtle", "If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    other = http.get("/" + DECISION, headers={"Accept": "application/ld+json"})
    assert other.headers["etag"] != etag
    stale = http.get("/" + DECISION, headers={"Accept": "text/turtle", "If-None-Match": '"0000000000000000-x"'})
    assert stale.status_code == 200


def test_head(http):
    response = http.head("/" + DECISION, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")


def test_named_graph_dereferences(http):
    html = http.get("/graph/data/documents/2017-06-08-panama", headers={"Accept": "text/html"})
    assert html.status_code == 200
    turtle = http.get("/graph/data/documents/2017-06-08-panama", headers={"Accept": "text/turtle"})
    graph = parse(turtle.text, "turtle")
    assert (URIRef(BASE + DECISION), RDF.type, URIRef(ACU + "Agreement")) in graph


def test_every_iri_of_the_graph_dereferences(http, union_graph):
    iris = sorted(
        {
            str(s)
            for s in union_graph.subjects()
            if isinstance(s, URIRef) and str(s).startswith(BASE) and "#" not in str(s)
        }
    )
    assert len(iris) > 300

    def fetch(iri: str) -> tuple[str, int, int]:
        path = "/" + iri[len(BASE) :]
        page = http.get(path, headers={"Accept": "text/html"})
        turtle = http.get(path, headers={"Accept": "text/turtle"})
        return iri, page.status_code, turtle.status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        failures = [r for r in pool.map(fetch, iris) if r[1:] != (200, 200)]
    assert not failures, failures[:10]


# --- pure functions ----------------------------------------------------------------------------


def test_normalise_with_map_matches_normalise():
    for path in sorted(PROJECT.sources.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        normalised, spans = normalise_with_map(text)
        assert normalised == normalise(text), path.name
        assert len(spans) == len(normalised)


def test_every_quote_is_located_in_its_source(union_graph):
    by_file: dict[str, dict[str, list]] = {}
    files = {str(doc): str(name) for doc, name in union_graph.subject_objects(URIRef(ACU + "sourceFile"))}
    parts = {str(s): str(o) for s, o in union_graph.subject_objects(URIRef("http://purl.org/dc/terms/isPartOf"))}
    for evidence, source in union_graph.subject_objects(URIRef(OA + "hasSource")):
        doc = str(source)
        while doc not in files and doc in parts:
            doc = parts[doc]
        if doc not in files:
            continue  # a quote of a document the sources only mention
        for selector in union_graph.objects(evidence, URIRef(OA + "hasSelector")):
            for exact in union_graph.objects(selector, URIRef(OA + "exact")):
                by_file.setdefault(files[doc], {})[str(exact)] = []
    assert by_file
    for name, quotes in by_file.items():
        text = (PROJECT.sources / name).read_text(encoding="utf-8")
        located, missing = locate_quotes(text, quotes)
        assert not missing, (name, missing[:3])
        for quote in located:
            assert normalise(text[quote.start : quote.end]) == quote.exact
        lines = numbered_lines(text, located, located[0].qid)
        assert sum(line.html.count('class="q selected"') for line in lines) >= 1
        for line in lines:  # each line shown is the file's line of that number, its quotes marked
            shown = re.sub(r"<[^>]+>", "", line.html)
            assert shown.rstrip("\n") == html.escape(text.split("\n")[line.number - 1]), (name, line.number)
        for quote in located:  # the anchor of every quote is where it starts
            assert sum(line.html.count(f'id="q-{quote.qid}"') for line in lines) == 1


def test_the_lines_shown_are_those_that_are_not_blank_with_their_numbers_in_the_file():
    text = "Acta\n\nLa CRM invitará\n \n\n\na la CSM.\nFin"
    located, _ = locate_quotes(text, {"La CRM invitará a la CSM.": []})
    lines = numbered_lines(text, located, None)
    assert [(line.number, line.after_gap) for line in lines] == [(1, False), (3, False), (7, True), (8, False)]
    marked = "".join(re.findall(r"<mark[^>]*>(.*?)</mark>", "".join(line.html for line in lines), re.S))
    assert " ".join(marked.split()) == "La CRM invitará a la CSM.", "a quote across blank lines is marked whole"
    assert lines[1].html.startswith('<span class="anchor"') and lines[3].html == "Fin"


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        (None, "text/html"),
        ("*/*", "text/html"),
        ("text/turtle", "text/turtle"),
        ("text/turtle;q=0.5, application/ld+json", "application/ld+json"),
        ("text/*", "text/html"),
        ("application/json", None),
        ("image/png", None),
    ],
)
def test_negotiation_rules(http, accept, media):
    headers = {"Accept": accept} if accept else {}
    response = http.get("/" + DECISION, headers=headers)
    if media is None:
        assert response.status_code == 406
    else:
        assert response.status_code == 200
        assert response.headers["content-type"].split(";")[0] == media


def test_language_from_accept_language():
    assert lang_from_header("es-ES,es;q=0.9") == "es"
    assert lang_from_header("fr, en;q=0.3, es;q=0.2") == "en"
    assert lang_from_header(None) == "en"


def test_links_on_a_mirror_keep_our_iris_and_the_ontology_on_the_host():
    links = Links(Base("https://mirror.example/acuerdos/"), "/app")
    assert links.href("https://mirror.example/acuerdos/decision/x") == "/app/decision/x"
    assert links.href(ACU + "Agreement") == "/app/ontology#Agreement"  # the namespace never moves
    assert links.href(BASE + "ontology") == "/app/ontology"
    assert links.href(BASE + "decision/x") == BASE + "decision/x"  # the canonical IRI of an instance is elsewhere
    assert links.href("http://www.w3.org/2004/02/skos/core#Concept") == "http://www.w3.org/2004/02/skos/core#Concept"


# --- requests that must not lead elsewhere or leak the service's own queries -----------------------


@pytest.mark.parametrize("path", ["//evil.example/", "/%2f%2fevil.example/", "///evil.example//"])
def test_the_trailing_slash_redirect_stays_on_this_host(service_url, path):
    """The request target exactly as sent (an HTTP client would resolve `//host` to another host)."""
    parts = urlsplit(service_url)
    connection = HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        location = response.getheader("location") or ""
    finally:
        connection.close()
    assert response.status == 301
    assert location.startswith("/") and not location.startswith("//"), location
    assert urlsplit(location).netloc == ""


def test_a_path_that_is_no_iri_is_not_found_and_shows_no_query(http):
    for accept in ("text/html", "text/turtle"):
        response = http.get("/decision/%FF", headers={"Accept": accept})
        assert response.status_code == 404, accept
        assert "CONSTRUCT" not in response.text and "SELECT" not in response.text
