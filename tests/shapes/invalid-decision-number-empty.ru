# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the number as printed is empty.
# shape: <https://w3id.org/acuerdos/shapes/Decision-number>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-1> acu:number "1" .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-1> acu:number "" .
}
