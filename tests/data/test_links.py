"""Links out (data/links/): every State to its EU country authority IRI, made from its own ISO 3166-1
alpha-3 code; organisations to Wikidata only with a comment naming where the identifier was verified.
Read with rdflib from the files, apart from the loader and the shapes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, Graph, Namespace, URIRef

ROOT = Path(__file__).resolve().parents[2]
LINKS = ROOT / "data" / "links"
ACU = Namespace("https://w3id.org/acuerdos/ontology#")
EU_COUNTRY = "http://publications.europa.eu/resource/authority/country/"
WIKIDATA = "http://www.wikidata.org/entity/"
# The form of a link, by the dataset it points into.
FORMS = {
    "eu-countries.ttl": re.compile(r"^http://publications\.europa\.eu/resource/authority/country/[A-Z]{3}$"),
    "wikidata.ttl": re.compile(r"^http://www\.wikidata\.org/entity/Q[1-9][0-9]*$"),
}


def _graph(*paths: Path) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


def test_every_links_file_has_a_known_form() -> None:
    assert sorted(p.name for p in LINKS.glob("*.ttl")) == sorted(FORMS)


@pytest.mark.parametrize("name", sorted(FORMS))
def test_every_link_has_the_form_of_its_dataset(name: str) -> None:
    graph = _graph(LINKS / name)
    assert len(graph), f"{name} holds no link"
    reference = _graph(*sorted((ROOT / "data" / "reference").glob("*.ttl")))
    for s, p, o in graph:
        assert p == OWL.sameAs, f"{name}: {s} links with {p}, not owl:sameAs"
        assert FORMS[name].match(str(o)), f"{name}: {s} links to {o}, not of the form {FORMS[name].pattern}"
        assert (s, RDF.type, None) in reference, f"{name}: {s} is declared in no data/reference/ file"
    targets = [o for _, _, o in graph]
    assert len(targets) == len(set(targets)), f"{name}: two resources link to the same outside IRI"


def test_every_state_links_to_its_country_by_its_alpha3_code() -> None:
    states = _graph(ROOT / "data" / "reference" / "states.ttl")
    links = _graph(LINKS / "eu-countries.ttl")
    declared = set(states.subjects(RDF.type, ACU.State))
    assert declared, "no State in data/reference/states.ttl"
    for state in declared:
        code = states.value(state, ACU.iso3166Alpha3)
        assert code is not None, f"{state} has no alpha-3 code to link by"
        assert set(links.objects(state, OWL.sameAs)) == {URIRef(EU_COUNTRY + str(code))}, state
    assert set(links.subjects()) == declared


def test_every_wikidata_link_names_where_it_was_verified() -> None:
    """Each link's block opens with a comment "# <name>: Q…, verified in <where>." giving the same Q."""
    text = (LINKS / "wikidata.ttl").read_text(encoding="utf-8")
    blocks = re.findall(
        r"^# [^\n]*: (Q\d+), verified in ([^\n]+)\n<[^>]+> owl:sameAs <" + WIKIDATA + r"(Q\d+)> \.$", text, re.M
    )
    links = _graph(LINKS / "wikidata.ttl")
    assert len(blocks) == len(links), "every link needs its own '# …: Q…, verified in …' comment just above it"
    for said, where, linked in blocks:
        assert said == linked, f"the comment says {said}, the link {linked}"
        assert "/" in where and len(where) > 20, f"{linked}: name the repository and file where it was verified"
