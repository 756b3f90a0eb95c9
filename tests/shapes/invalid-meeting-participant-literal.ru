# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a participant is written as text.
# shape: <https://w3id.org/acuerdos/shapes/Meeting-participant>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <meeting/2017-06-08-mexico> acu:participant <organisation/iom> .
} ;
INSERT DATA {
    <meeting/2017-06-08-mexico> acu:participant "OIM" .
}
