"""The vocabulary is complete and publishable; the data uses no term a reused vocabulary lacks."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib import namespace as ns

from helpers import dataset, rows, union

ACU = "https://w3id.org/acuerdos/ontology#"
OA_TERMS = {
    "Annotation",
    "SpecificResource",
    "TextQuoteSelector",
    "TextPositionSelector",
    "hasSource",
    "hasSelector",
    "hasBody",
    "hasTarget",
    "exact",
    "prefix",
    "suffix",
    "start",
    "end",
}
_VOCABS = (ns.ORG, ns.SKOS, ns.PROV, ns.DCTERMS, ns.TIME, ns.SDO, ns.FOAF, ns.RDF, ns.RDFS, ns.OWL, ns.XSD)
# Held as strings and sets, not as namespace classes: pytest probes module attributes.
REUSED: dict[str, frozenset[str]] = {str(v): frozenset(str(t)[len(str(v)) :] for t in dir(v)) for v in _VOCABS} | {
    "http://www.w3.org/ns/oa#": frozenset(OA_TERMS),
    "http://purl.org/vocab/vann/": frozenset({"preferredNamespacePrefix", "preferredNamespaceUri"}),
}
del _VOCABS


def _declared_here() -> set[str]:
    return {str(s) for (s,) in rows(f"SELECT ?s WHERE {{ ?s rdfs:isDefinedBy <{ACU[:-1]}> }}")}


def test_every_reused_term_exists_in_its_vocabulary() -> None:
    """A misspelt term of a reused vocabulary (skos:prefLable) is declared nowhere. The acu: terms are
    checked by the shape <shapes/DeclaredTerms> (shapes/provenance.ttl)."""
    used: dict[str, str] = {}
    for _, p, o, g in dataset().quads((None, None, None, None)):
        used.setdefault(str(p), str(g))
        if p == ns.RDF.type and isinstance(o, URIRef):
            used.setdefault(str(o), str(g))
    unknown = sorted(
        f"{term}  (first used in {g})"
        for term, g in used.items()
        for space, vocab in REUSED.items()
        if term.startswith(space) and term[len(space) :] not in vocab
    )
    assert not unknown, "terms of reused vocabularies that those vocabularies do not define:\n" + "\n".join(unknown)


def test_only_known_namespaces_are_used_as_predicates() -> None:
    odd = sorted(
        {str(p) for p in union().predicates() if not any(str(p).startswith(space) for space in [ACU, *REUSED])}
    )
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
            missing.append(f"{term}: {prop} in {sorted(lang or '-' for lang in langs)}")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize(
    ("scheme", "count"), [("gcm-objectives", 23), ("gcm-principles", 10), ("gcm-thematic-sessions", 6)]
)
def test_gcm_schemes_are_complete(scheme: str, count: int) -> None:
    """The GCM has 23 objectives and 10 guiding principles; 2017 had 6 thematic sessions. Their labels
    in both languages are the shape <shapes/Concept>'s to check (shapes/themes.ttl)."""
    found = rows(f"SELECT DISTINCT ?c WHERE {{ ?c skos:inScheme <https://w3id.org/acuerdos/scheme/{scheme}> }}")
    assert len(found) == count
