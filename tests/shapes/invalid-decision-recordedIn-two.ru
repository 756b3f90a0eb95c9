# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the decision is recorded in two documents.
# shape: <https://w3id.org/acuerdos/shapes/Decision-recordedIn>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/DecisionInSection-same-document>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

INSERT DATA {
    <decision/2017-06-08-mexico/agreement-1> acu:recordedIn <document/new-york-declaration> .
}
