# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the meeting ends the day before it starts.
# shape: <https://w3id.org/acuerdos/shapes/Meeting-endDate-not-before-start>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX schema: <https://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <meeting/2017-06-08-mexico> schema:endDate "2017-06-09"^^xsd:date .
} ;
INSERT DATA {
    <meeting/2017-06-08-mexico> schema:endDate "2017-06-07"^^xsd:date .
}
