# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a mentioned document's date names no source.
# shape: <https://w3id.org/acuerdos/shapes/Document-date-sourced>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX dcterms: <http://purl.org/dc/terms/>

DELETE DATA {
    <document/new-york-declaration> dcterms:source <https://undocs.org/A/RES/71/1> .
}
