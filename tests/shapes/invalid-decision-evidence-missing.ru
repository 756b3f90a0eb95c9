# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the decision has no quote.
# shape: <https://w3id.org/acuerdos/shapes/Decision-evidence>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>

DELETE {
    ?b1 a oa:TextQuoteSelector .
    ?b1 oa:exact "Invitar a la OIM." .
    ?b2 a oa:SpecificResource .
    ?b2 oa:hasSelector ?b1 .
    ?b2 oa:hasSource <document/2017-06-08-final-act> .
    <decision/2017-06-08-mexico/agreement-2-a> acu:evidence ?b2 .
}
WHERE {
    ?b1 a oa:TextQuoteSelector .
    ?b1 oa:exact "Invitar a la OIM." .
    ?b2 a oa:SpecificResource .
    ?b2 oa:hasSelector ?b1 .
    ?b2 oa:hasSource <document/2017-06-08-final-act> .
    <decision/2017-06-08-mexico/agreement-2-a> acu:evidence ?b2 .
}
