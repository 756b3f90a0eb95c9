# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the scheduled start is a plain string.
# shape: <https://w3id.org/acuerdos/shapes/Decision-scheduledStart>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/Decision-scheduled-in-order>
# also: <https://w3id.org/acuerdos/shapes/Decision-scheduledStart-not-before-meeting>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:scheduledStart "2017-09-01"^^xsd:date .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:scheduledStart "septiembre" .
}
