# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the state has no ISO alpha-2 code.
# shape: <https://w3id.org/acuerdos/shapes/State-alpha2>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <state/MX> acu:iso3166Alpha2 "MX" .
}
