# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a quote has no type oa:SpecificResource.
# shape: <https://w3id.org/acuerdos/shapes/Evidence>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/Typed>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>

DELETE {
    ?b1 a oa:SpecificResource .
    ?b1 oa:hasSelector ?b2 .
    ?b1 oa:hasSource <document/2017-06-08-final-act> .
    <decision/2017-06-08-mexico/agreement-2-a> acu:evidence ?b1 .
}
INSERT {
    ?b1 oa:hasSelector ?b2 .
    ?b1 oa:hasSource <document/2017-06-08-final-act> .
    <decision/2017-06-08-mexico/agreement-2-a> acu:evidence ?b1 .
}
WHERE {
    ?b2 a oa:TextQuoteSelector .
    ?b2 oa:exact "Invitar a la OIM." .
    ?b1 a oa:SpecificResource .
    ?b1 oa:hasSelector ?b2 .
    ?b1 oa:hasSource <document/2017-06-08-final-act> .
    <decision/2017-06-08-mexico/agreement-2-a> acu:evidence ?b1 .
}
