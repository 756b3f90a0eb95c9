# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the number as printed is an integer, not text.
# shape: <https://w3id.org/acuerdos/shapes/Decision-number>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/Decision-number-printed>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-1> acu:number "1" .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-1> acu:number "1"^^xsd:integer .
}
