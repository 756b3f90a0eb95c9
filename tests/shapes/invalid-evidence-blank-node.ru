# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a quote is a blank node, which nobody can cite.
# shape: <https://w3id.org/acuerdos/shapes/Evidence-iri>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>

DELETE {
    <decision/2017-06-08-mexico/agreement-2-a> acu:evidence ?e .
    ?e a oa:SpecificResource ; oa:hasSource ?source ; oa:hasSelector ?selector .
}
INSERT {
    <decision/2017-06-08-mexico/agreement-2-a> acu:evidence _:b1 .
    _:b1 a oa:SpecificResource ; oa:hasSource ?source ; oa:hasSelector ?selector .
}
WHERE {
    BIND (<decision/2017-06-08-mexico/agreement-2-a/evidence/2017-06-08-final-act-1> AS ?e)
    ?e oa:hasSource ?source ; oa:hasSelector ?selector .
}
