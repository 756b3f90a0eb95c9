# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the role as printed has no language tag.
# shape: <https://w3id.org/acuerdos/shapes/Person-roleText>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <person/ana-ejemplo> acu:roleText "Viceministra"@es .
} ;
INSERT DATA {
    <person/ana-ejemplo> acu:roleText "Viceministra" .
}
