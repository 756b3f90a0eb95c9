# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the sub-item is part of two decisions.
# shape: <https://w3id.org/acuerdos/shapes/Decision-partOf>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2-a> acu:partOf <decision/2017-06-08-mexico/agreement-1> .
}
