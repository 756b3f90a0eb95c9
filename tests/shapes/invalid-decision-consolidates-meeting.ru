# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the decision consolidates a meeting.
# shape: <https://w3id.org/acuerdos/shapes/Decision-consolidates>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2-a> acu:consolidates <decision/2017-06-08-mexico/agreement-1> .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2-a> acu:consolidates <meeting/2017-06-08-mexico> .
}
