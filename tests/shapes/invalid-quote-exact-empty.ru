# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the quote is empty.
# shape: <https://w3id.org/acuerdos/shapes/TextQuoteSelector-exact>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/TextQuoteSelector-exact-normalised>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>

DELETE {
    ?b1 a oa:TextQuoteSelector .
    ?b1 oa:exact "Invitar a la OIM." .
    ?b2 oa:hasSelector ?b1 .
}
INSERT {
    _:b3 a oa:TextQuoteSelector .
    _:b3 oa:exact "" .
    ?b2 oa:hasSelector _:b3 .
}
WHERE {
    ?b1 a oa:TextQuoteSelector .
    ?b1 oa:exact "Invitar a la OIM." .
    ?b2 a oa:SpecificResource .
    ?b2 oa:hasSelector ?b1 .
    ?b2 oa:hasSource <document/2017-06-08-final-act> .
    <decision/2017-06-08-mexico/agreement-2-a> acu:evidence ?b2 .
}
