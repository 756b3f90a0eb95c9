# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the start date is not a real date (30 February).
# shape: <https://w3id.org/acuerdos/shapes/Meeting-startDate>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/Meeting-endDate-not-before-start>
# also: <https://w3id.org/acuerdos/shapes/Decision-deadline-not-before-meeting>
# also: <https://w3id.org/acuerdos/shapes/Decision-scheduledStart-not-before-meeting>

BASE <https://w3id.org/acuerdos/>
PREFIX schema: <https://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <meeting/2017-06-08-mexico> schema:startDate "2017-06-08"^^xsd:date .
} ;
INSERT DATA {
    <meeting/2017-06-08-mexico> schema:startDate "2017-02-30"^^xsd:date .
}
