# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: <state/SV> says its alpha-2 code is "SL".
# shape: <https://w3id.org/acuerdos/shapes/State-code-matches-iri>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <state/SV> acu:iso3166Alpha2 "SV" .
} ;
INSERT DATA {
    <state/SV> acu:iso3166Alpha2 "SL" .
}
