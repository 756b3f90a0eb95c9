"""A question's parameter with more choices than anyone scrolls (at a million triples, 2,574
meetings and 20,071 decisions) is no list: the value is typed, its field says how many there are
to choose from, and a typed name gets the choices whose names contain it, in both languages.
The real record has 53 meetings, so the tests lower the threshold (``query_pages.LISTED``)."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient
from rdflib import RDF, RDFS, Graph, URIRef

from acuerdos.settings import Settings
from acuerdos.site import Site
from acuerdos.web import query_pages
from acuerdos.web.app import create_app

MEETING = URIRef("https://w3id.org/acuerdos/ontology#Meeting")
PAGE = "/queries/meeting-follow-up-status"
HTML = {"Accept": "text/html"}


@pytest.fixture(scope="module")
def client(built_dist):
    with TestClient(create_app(Site.open(Settings(dist=built_dist, workers=1)))) as client:
        yield client


@pytest.fixture(scope="module")
def union(built_dist) -> Graph:
    return Graph().parse(built_dist / "acuerdos.nt", format="nt")


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def _select_options(html: str) -> int:
    select = re.search(r'<select id="p-meeting".*?</select>', html, re.S)
    assert select is not None
    return len(re.findall(r"<option value=\"https://", select.group(0)))


def test_a_long_list_is_a_typed_field_that_says_how_many_there_are(client, monkeypatch):
    listed = _select_options(client.get(PAGE, headers=HTML).text)  # the list, as it is shown when short
    assert listed > 5
    monkeypatch.setattr(query_pages, "LISTED", 5)
    for lang, words in (("en", f"{listed} to choose from"), ("es", f"hay {listed} para elegir")):
        page = client.get(PAGE, params={"lang": lang}, headers=HTML)
        assert page.status_code == 200
        assert 'id="p-meeting"' in page.text and '<select id="p-meeting"' not in page.text
        assert re.search(r'<input id="p-meeting" name="meeting" value="https://w3id\.org/acuerdos/meeting/', page.text)
        assert words in page.text


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_typed_name_gets_the_choices_whose_names_contain_it(client, union, monkeypatch, lang):
    monkeypatch.setattr(query_pages, "LISTED", 5)
    typed = "Panamá"
    expected = {
        str(m)
        for m in union.subjects(RDF.type, MEETING)
        if any(_fold(typed) in _fold(str(label)) for label in union.objects(m, RDFS.label) if label.language == lang)
    }
    assert 1 <= len(expected) <= query_pages.SUGGESTED
    page = client.get(PAGE, params={"meeting": typed, "lang": lang}, headers=HTML)
    assert page.status_code == 400  # not a meeting's address: the form comes back with what it may have meant
    offered = re.search(r'<p class="did-you-mean">(.*?)</p>', page.text, re.S)
    assert offered is not None
    links = re.findall(r'href="([^"]+)"', offered.group(1))
    found = {parse_qs(urlsplit(link.replace("&amp;", "&")).query)["meeting"][0] for link in links}
    assert found == expected
