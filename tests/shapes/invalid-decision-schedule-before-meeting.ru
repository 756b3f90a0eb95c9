# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the decision schedules something before the meeting that adopted it.
# shape: <https://w3id.org/acuerdos/shapes/Decision-scheduledStart-not-before-meeting>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:scheduledStart "2017-09-01"^^xsd:date .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:scheduledStart "2017-05-01"^^xsd:date .
}
