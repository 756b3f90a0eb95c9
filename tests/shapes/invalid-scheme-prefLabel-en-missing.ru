# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a scheme has no English name.
# shape: <https://w3id.org/acuerdos/shapes/ConceptScheme-prefLabel-en>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

INSERT DATA {
    <scheme/test-scheme> a skos:ConceptScheme .
    <scheme/test-scheme> skos:prefLabel "Esquema de prueba"@es .
}
