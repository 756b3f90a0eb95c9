# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a resource without a number (a meeting) is said to have an inferred one.
# shape: <https://w3id.org/acuerdos/shapes/Decision-number-inferred-number>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

INSERT DATA {
    <meeting/2017-06-08-mexico> acu:numberInferred "A number the list lost."@en .
}
