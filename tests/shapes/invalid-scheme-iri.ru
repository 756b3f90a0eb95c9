# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a scheme's IRI is under kind/ instead of scheme/.
# shape: <https://w3id.org/acuerdos/shapes/ConceptScheme>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

INSERT DATA {
    <kind/test-scheme> a skos:ConceptScheme .
    <kind/test-scheme> skos:prefLabel "Esquema de prueba"@es .
    <kind/test-scheme> skos:prefLabel "Test scheme"@en .
}
