# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the meeting has no status.
# shape: <https://w3id.org/acuerdos/shapes/Meeting-status>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <meeting/2017-09-brussels> acu:status <kind/status/planned> .
}
