# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: two agreements of the same act print the same number.
# shape: <https://w3id.org/acuerdos/shapes/Decision-number-unique>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/Decision-number-printed>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:number "2" .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:number "1" .
}
