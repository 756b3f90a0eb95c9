# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the source document does not say which meeting it records.
# shape: <https://w3id.org/acuerdos/shapes/SourceDocument-records>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/Meeting-date-sourced>
# also: <https://w3id.org/acuerdos/shapes/Meeting-source>
# also: <https://w3id.org/acuerdos/shapes/RecordedMeetingParticipants>
# also: <https://w3id.org/acuerdos/shapes/RecordedMeetingPlace>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <document/2017-06-08-final-act> acu:records <meeting/2017-06-08-mexico> .
}
