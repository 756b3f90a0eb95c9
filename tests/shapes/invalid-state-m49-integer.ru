# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the M49 code is written as a number.
# shape: <https://w3id.org/acuerdos/shapes/State-m49>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <state/MX> acu:m49 "484" .
} ;
INSERT DATA {
    <state/MX> acu:m49 "484"^^xsd:integer .
}
