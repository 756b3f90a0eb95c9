# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the document has two kinds.
# shape: <https://w3id.org/acuerdos/shapes/Document-documentKind>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

INSERT DATA {
    <document/new-york-declaration> acu:documentKind <kind/document/resolution> .
}
