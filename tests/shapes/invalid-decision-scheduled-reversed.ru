# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: what the decision schedules ends before it starts.
# shape: <https://w3id.org/acuerdos/shapes/Decision-scheduled-in-order>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:scheduledEnd "2017-09-30"^^xsd:date .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:scheduledEnd "2017-08-30"^^xsd:date .
}
