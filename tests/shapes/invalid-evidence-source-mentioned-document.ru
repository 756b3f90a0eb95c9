# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a quote's source is a mentioned document, not a source document.
# shape: <https://w3id.org/acuerdos/shapes/Evidence-hasSource>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>

DELETE {
    ?b1 a oa:SpecificResource .
    ?b1 oa:hasSelector ?b2 .
    ?b1 oa:hasSource <document/2017-06-08-final-act> .
    <document/new-york-declaration> acu:evidence ?b1 .
}
INSERT {
    <document/new-york-declaration/evidence/new-york-declaration-1> a oa:SpecificResource .
    <document/new-york-declaration/evidence/new-york-declaration-1> oa:hasSelector ?b2 .
    <document/new-york-declaration/evidence/new-york-declaration-1> oa:hasSource <document/new-york-declaration> .
    <document/new-york-declaration> acu:evidence <document/new-york-declaration/evidence/new-york-declaration-1> .
}
WHERE {
    ?b1 a oa:SpecificResource .
    ?b1 oa:hasSelector ?b2 .
    ?b1 oa:hasSource <document/2017-06-08-final-act> .
    ?b2 a oa:TextQuoteSelector .
    ?b2 oa:exact "la Declaración de Nueva York" .
    <document/new-york-declaration> acu:evidence ?b1 .
}
