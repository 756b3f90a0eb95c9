# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the sub-item is recorded in another document than its parent.
# shape: <https://w3id.org/acuerdos/shapes/DecisionPart-same-document>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2-a> acu:recordedIn <document/2017-06-08-final-act> .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2-a> acu:recordedIn <document/new-york-declaration> .
}
