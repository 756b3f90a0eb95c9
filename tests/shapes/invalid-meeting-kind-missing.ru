# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the meeting has no kind.
# shape: <https://w3id.org/acuerdos/shapes/Meeting-meetingKind>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <meeting/2017-06-08-mexico> acu:meetingKind <kind/meeting/working-meeting> .
}
