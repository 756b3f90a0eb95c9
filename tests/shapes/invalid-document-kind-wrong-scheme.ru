# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the document's kind is a meeting kind.
# shape: <https://w3id.org/acuerdos/shapes/Document-documentKind>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <document/new-york-declaration> acu:documentKind <kind/document/declaration> .
} ;
INSERT DATA {
    <document/new-york-declaration> acu:documentKind <kind/meeting/forum> .
}
