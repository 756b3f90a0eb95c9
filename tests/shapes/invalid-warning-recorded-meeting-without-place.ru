# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the recorded meeting says neither where nor how it was held.
# shape: <https://w3id.org/acuerdos/shapes/RecordedMeetingPlace>
# severity: Warning

BASE <https://w3id.org/acuerdos/>
PREFIX schema: <https://schema.org/>

DELETE DATA {
    <meeting/2017-06-08-mexico> schema:eventAttendanceMode schema:OfflineEventAttendanceMode .
    <meeting/2017-06-08-mexico> schema:location <place/mexico-city> .
}
