# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the section's position is a string.
# shape: <https://w3id.org/acuerdos/shapes/DocumentSection-position>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <document/2017-06-08-final-act/section-1> acu:position "1"^^xsd:integer .
} ;
INSERT DATA {
    <document/2017-06-08-final-act/section-1> acu:position "1" .
}
