# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: two agreements of the same act have the same position.
# shape: <https://w3id.org/acuerdos/shapes/Decision-position-unique>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:position "2"^^xsd:integer .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:position "1"^^xsd:integer .
}
