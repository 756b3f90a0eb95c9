# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the document is part of a document that is not described.
# shape: <https://w3id.org/acuerdos/shapes/Document-isPartOf>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX dcterms: <http://purl.org/dc/terms/>

INSERT DATA {
    <document/new-york-declaration> dcterms:isPartOf <document/a-71-1> .
}
