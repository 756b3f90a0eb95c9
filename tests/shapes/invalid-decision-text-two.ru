# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the decision has two texts.
# shape: <https://w3id.org/acuerdos/shapes/Decision-text>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2-a> acu:text "a) Invitar a la OIM."@es .
}
