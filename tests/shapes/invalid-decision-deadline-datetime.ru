# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the deadline is an xsd:dateTime.
# shape: <https://w3id.org/acuerdos/shapes/Decision-deadline>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/Decision-deadline-not-before-meeting>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-1> acu:deadline "2017-06-12"^^xsd:date .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-1> acu:deadline "2017-06-12T23:59:00"^^xsd:dateTime .
}
