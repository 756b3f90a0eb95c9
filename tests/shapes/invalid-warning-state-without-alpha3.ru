# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a state has no ISO alpha-3 code.
# shape: <https://w3id.org/acuerdos/shapes/StateCodes-alpha3>
# severity: Warning

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <state/SV> acu:iso3166Alpha3 "SLV" .
}
