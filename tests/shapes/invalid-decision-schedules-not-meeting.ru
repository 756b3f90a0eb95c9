# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the decision schedules a document.
# shape: <https://w3id.org/acuerdos/shapes/Decision-schedules>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:schedules <meeting/2017-09-brussels> .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:schedules <document/new-york-declaration> .
}
