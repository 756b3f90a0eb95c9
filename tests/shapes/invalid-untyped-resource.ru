# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a statement is made about a misspelt IRI, which has no type.
# shape: <https://w3id.org/acuerdos/shapes/Typed>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

INSERT DATA {
    <decision/2017-06-08-mexico/agreement-11> acu:mustAct <state/MX> .
}
