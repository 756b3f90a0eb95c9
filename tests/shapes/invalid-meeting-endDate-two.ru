# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the meeting has two end dates.
# shape: <https://w3id.org/acuerdos/shapes/Meeting-endDate>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX schema: <https://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

INSERT DATA {
    <meeting/2017-06-08-mexico> schema:endDate "2017-06-10"^^xsd:date .
}
