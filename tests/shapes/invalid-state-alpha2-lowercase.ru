# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the ISO alpha-2 code is in lower case.
# shape: <https://w3id.org/acuerdos/shapes/State-alpha2>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/State-code-matches-iri>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <state/SV> acu:iso3166Alpha2 "SV" .
} ;
INSERT DATA {
    <state/SV> acu:iso3166Alpha2 "sv" .
}
