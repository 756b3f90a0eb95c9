# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a number is said to be both printed and inferred.
# shape: <https://w3id.org/acuerdos/shapes/Decision-number-inferred-not-printed>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:numberInferred "The list lost this number in extraction."@en .
}
