# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the source document has no printed title.
# shape: <https://w3id.org/acuerdos/shapes/SourceDocumentTitle-title>
# severity: Warning

BASE <https://w3id.org/acuerdos/>
PREFIX dcterms: <http://purl.org/dc/terms/>

DELETE DATA {
    <document/2017-06-08-final-act> dcterms:title "ACTA FINAL"@es .
}
