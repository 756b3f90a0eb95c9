# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the founding year is a plain integer, not an xsd:gYear.
# shape: <https://w3id.org/acuerdos/shapes/Conference-foundingYear>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <conference/crm> acu:foundingYear "1996"^^xsd:gYear .
} ;
INSERT DATA {
    <conference/crm> acu:foundingYear "1996"^^xsd:integer .
}
