"""The vocabulary is complete and publishable, and the data uses no term it does not declare."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib import namespace as ns

from helpers import dataset, rows, union

ACU = "https://w3id.org/acuerdos/ontology#"
OA_TERMS = {"Annotation", "SpecificResource", "TextQuoteSelector", "TextPositionSelector", "hasSource",
            "hasSelector", "hasBody", "hasTarget", "exact", "prefix", "suffix", "start", "end"}
_VOCABS = (ns.ORG, ns.SKOS, ns.PROV, ns.DCTERMS, ns.TIME, ns.SDO, ns.FOAF, ns.RDF, ns.RDFS, ns.OWL, ns.XSD)
# Held as strings and sets, not as namespace classes: pytest probes module attributes.
REUSED: dict[str, frozenset[str]] = {str(v): frozenset(str(t)[len(str(v)):] for t in dir(v)) for v in _VOCABS} | {
    "http://www.w3.org/ns/oa#": frozenset(OA_TERMS),
    "http://purl.org/vocab/vann/": frozenset({"preferredNamespacePrefix", "preferredNamespaceUri"}),
}
del _VOCABS


def _declared_here() -> set[str]:
    return {str(s) for (s,) in rows(f"SELECT ?s WHERE {{ ?s rdfs:isDefinedBy <{ACU[:-1]}> }}")}


def _is_known(term: str, declared: set[str]) -> bool:
    if term.startswith(ACU):
        return term in declared
    for space, vocab in REUSED.items():
        if term.startswith(space):
            local = term[len(space):]
            return local in vocab
    return False


def test_every_term_used_is_declared() -> None:
    declared = _declared_here()
    used: dict[str, str] = {}
    for s, p, o, g in dataset().quads((None, None, None, None)):
        used.setdefault(str(p), str(g))
        if p == ns.RDF.type and isinstance(o, URIRef):
            used.setdefault(str(o), str(g))
    unknown = sorted(f"{t}  (first used in {g})" for t, g in used.items()
                     if (t.startswith(ACU) or any(t.startswith(space) for space in REUSED)) and not _is_known(t, declared))
    assert not unknown, "terms used but declared nowhere:\n" + "\n".join(unknown)


def test_only_known_namespaces_are_used_as_predicates() -> None:
    odd = sorted({str(p) for p in union().predicates() if not any(str(p).startswith(space) for space in [ACU, *REUSED])})
    assert not odd, f"predicates outside the ontology and the reused vocabularies: {odd}"


def test_ontology_header_carries_what_a_publisher_expects() -> None:
    ontology = URIRef(ACU[:-1])
    g = union()
    assert (ontology, ns.RDF.type, ns.OWL.Ontology) in g
    for prop in (ns.OWL.versionIRI, ns.OWL.versionInfo, ns.DCTERMS.title, ns.DCTERMS.license, ns.DCTERMS.created):
        assert g.value(ontology, prop) is not None, f"the ontology header lacks {prop}"


@pytest.mark.parametrize("prop", [ns.RDFS.label, ns.SKOS.definition])
def test_every_term_has_english_and_spanish(prop: URIRef) -> None:
    g = union()
    missing = []
    for term in sorted(_declared_here()):
        langs = {o.language for o in g.objects(URIRef(term), prop) if isinstance(o, Literal)}
        if not {"en", "es"} <= langs:
            missing.append(f"{term}: {prop} in {sorted(l or '-' for l in langs)}")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize(("scheme", "count"), [("gcm-objectives", 23), ("gcm-principles", 10),
                                               ("gcm-thematic-sessions", 6)])
def test_gcm_schemes_are_complete_in_both_languages(scheme: str, count: int) -> None:
    found = rows(f"""
        SELECT ?c (SAMPLE(?es) AS ?es1) (SAMPLE(?en) AS ?en1) WHERE {{
          ?c skos:inScheme <https://w3id.org/acuerdos/scheme/{scheme}> .
          OPTIONAL {{ ?c skos:prefLabel ?es FILTER(LANG(?es) = "es") }}
          OPTIONAL {{ ?c skos:prefLabel ?en FILTER(LANG(?en) = "en") }}
        }} GROUP BY ?c""")
    assert len(found) == count
    assert all(es is not None and en is not None for _, es, en in found), "a concept lacks an es or en label"
