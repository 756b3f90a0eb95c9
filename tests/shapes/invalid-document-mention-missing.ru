# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a mentioned document does not say where it is mentioned.
# shape: <https://w3id.org/acuerdos/shapes/Document-mention>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <document/new-york-declaration> acu:mentionedIn <document/2017-06-08-final-act> .
}
