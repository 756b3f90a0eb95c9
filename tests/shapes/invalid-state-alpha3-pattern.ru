# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the ISO alpha-3 code has two letters.
# shape: <https://w3id.org/acuerdos/shapes/State-alpha3>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <state/MX> acu:iso3166Alpha3 "MEX" .
} ;
INSERT DATA {
    <state/MX> acu:iso3166Alpha3 "MX" .
}
