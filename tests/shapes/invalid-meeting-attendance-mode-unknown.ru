# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the attendance mode is not one of schema.org's.
# shape: <https://w3id.org/acuerdos/shapes/Meeting-attendanceMode>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX schema: <https://schema.org/>

DELETE DATA {
    <meeting/2017-06-08-mexico> schema:eventAttendanceMode schema:OfflineEventAttendanceMode .
} ;
INSERT DATA {
    <meeting/2017-06-08-mexico> schema:eventAttendanceMode schema:InPersonAttendanceMode .
}
