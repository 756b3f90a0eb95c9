# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the meeting's place is not described.
# shape: <https://w3id.org/acuerdos/shapes/Meeting-location>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX schema: <https://schema.org/>

DELETE DATA {
    <meeting/2017-06-08-mexico> schema:location <place/mexico-city> .
} ;
INSERT DATA {
    <meeting/2017-06-08-mexico> schema:location <place/ciudad-de-mexico> .
}
