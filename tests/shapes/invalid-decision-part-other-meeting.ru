# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the sub-item is adopted at another meeting than its parent.
# shape: <https://w3id.org/acuerdos/shapes/DecisionPart-same-meeting>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2-a> acu:adoptedAt <meeting/2017-06-08-mexico> .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2-a> acu:adoptedAt <meeting/2017-09-brussels> .
}
