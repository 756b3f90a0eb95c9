# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the language code is a tagged string.
# shape: <https://w3id.org/acuerdos/shapes/SourceDocument-language>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX dcterms: <http://purl.org/dc/terms/>

DELETE DATA {
    <document/2017-06-08-final-act> dcterms:language "es" .
} ;
INSERT DATA {
    <document/2017-06-08-final-act> dcterms:language "es"@es .
}
