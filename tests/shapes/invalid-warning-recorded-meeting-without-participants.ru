# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the recorded meeting lists no participants.
# shape: <https://w3id.org/acuerdos/shapes/RecordedMeetingParticipants>
# severity: Warning

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <meeting/2017-06-08-mexico> acu:participant <organisation/iom> .
    <meeting/2017-06-08-mexico> acu:participant <state/MX> .
    <meeting/2017-06-08-mexico> acu:participant <state/SV> .
}
