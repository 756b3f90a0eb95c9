# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a membership from outside the sources states the year it began without saying where that comes from.
# shape: <https://w3id.org/acuerdos/shapes/Membership-span-sourced>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX dcterms: <http://purl.org/dc/terms/>

DELETE {
    <membership/crm/ppt/2017-06-08/SV> acu:evidence ?e .
    ?e a oa:SpecificResource ; oa:hasSource ?source ; oa:hasSelector ?selector .
    ?selector ?sp ?so .
}
INSERT {
    <membership/crm/ppt/2017-06-08/SV> dcterms:source <https://crmsv.org/en/about-us> ;
        org:memberDuring [ a time:Interval ; time:hasBeginning [ a time:Instant ; time:inXSDgYear "2017"^^xsd:gYear ] ] .
}
WHERE {
    <membership/crm/ppt/2017-06-08/SV> acu:evidence ?e .
    ?e oa:hasSource ?source ; oa:hasSelector ?selector .
    ?selector ?sp ?so .
}
