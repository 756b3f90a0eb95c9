# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the decision does not say which meeting adopted it.
# shape: <https://w3id.org/acuerdos/shapes/Decision-adoptedAt>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-1> acu:adoptedAt <meeting/2017-06-08-mexico> .
}
