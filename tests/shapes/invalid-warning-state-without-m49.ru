# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a state has no M49 code.
# shape: <https://w3id.org/acuerdos/shapes/StateCodes-m49>
# severity: Warning

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <state/MX> acu:m49 "484" .
}
