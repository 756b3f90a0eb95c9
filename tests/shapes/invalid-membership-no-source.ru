# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the membership has neither a quote nor a reference.
# shape: <https://w3id.org/acuerdos/shapes/Membership-source>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>

DELETE {
    <membership/crm/ppt/2017-06-08/SV> acu:evidence ?e .
    ?e a oa:SpecificResource ; oa:hasSource ?source ; oa:hasSelector ?selector .
    ?selector ?p ?o .
}
WHERE {
    <membership/crm/ppt/2017-06-08/SV> acu:evidence ?e .
    ?e oa:hasSource ?source ; oa:hasSelector ?selector .
    ?selector ?p ?o .
}
