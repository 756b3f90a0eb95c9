# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the document is mentioned in an IRI that is not described.
# shape: <https://w3id.org/acuerdos/shapes/Document-mentionedIn>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <document/new-york-declaration> acu:mentionedIn <document/2017-06-08-final-act> .
} ;
INSERT DATA {
    <document/new-york-declaration> acu:mentionedIn <document/2017-06-08-act> .
}
