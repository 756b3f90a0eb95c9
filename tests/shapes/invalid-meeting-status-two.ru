# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the meeting is both held and planned.
# shape: <https://w3id.org/acuerdos/shapes/Meeting-status>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

INSERT DATA {
    <meeting/2017-06-08-mexico> acu:status <kind/status/planned> .
}
