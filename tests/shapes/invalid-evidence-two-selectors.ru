# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: one quote has two selectors.
# shape: <https://w3id.org/acuerdos/shapes/Evidence-hasSelector>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>

INSERT {
    ?b1 oa:hasSelector _:b2 .
    _:b2 a oa:TextQuoteSelector .
    _:b2 oa:exact "a) Invitar a la OIM." .
}
WHERE {
    ?b3 a oa:TextQuoteSelector .
    ?b3 oa:exact "Invitar a la OIM." .
    ?b1 a oa:SpecificResource .
    ?b1 oa:hasSelector ?b3 .
    ?b1 oa:hasSource <document/2017-06-08-final-act> .
    <decision/2017-06-08-mexico/agreement-2-a> acu:evidence ?b1 .
}
