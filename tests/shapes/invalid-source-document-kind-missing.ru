# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the source document has no kind.
# shape: <https://w3id.org/acuerdos/shapes/SourceDocument-documentKind>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <document/2017-06-08-final-act> acu:documentKind <kind/document/final-act> .
}
