# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a theme does not say which scheme it belongs to.
# shape: <https://w3id.org/acuerdos/shapes/Concept-inScheme>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

INSERT DATA {
    <theme/regional/test-theme> a skos:Concept .
    <theme/regional/test-theme> skos:definition "A theme used by a test fixture."@en .
    <theme/regional/test-theme> skos:prefLabel "Tema de prueba"@es .
    <theme/regional/test-theme> skos:prefLabel "Test theme"@en .
}
