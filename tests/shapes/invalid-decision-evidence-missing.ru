# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the decision has no quote.
# shape: <https://w3id.org/acuerdos/shapes/Decision-evidence>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/Decision-number-printed>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>

DELETE {
    <decision/2017-06-08-mexico/agreement-2-a> acu:evidence ?e ; acu:numberEvidence ?n .
    ?e a oa:SpecificResource ; oa:hasSource ?source ; oa:hasSelector ?selector .
    ?selector ?sp ?so .
}
WHERE {
    <decision/2017-06-08-mexico/agreement-2-a> acu:evidence ?e ; acu:numberEvidence ?n .
    ?e oa:hasSource ?source ; oa:hasSelector ?selector .
    ?selector ?sp ?so .
}
