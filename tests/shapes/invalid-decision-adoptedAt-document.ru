# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the decision is adopted at a document, not a meeting.
# shape: <https://w3id.org/acuerdos/shapes/Decision-adoptedAt>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/DecisionPart-same-meeting>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:adoptedAt <meeting/2017-06-08-mexico> .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:adoptedAt <document/2017-06-08-final-act> .
}
