# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the decision's section is the document itself.
# shape: <https://w3id.org/acuerdos/shapes/Decision-inSection>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/DecisionInSection-same-document>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-1> acu:inSection <document/2017-06-08-final-act/section-1> .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-1> acu:inSection <document/2017-06-08-final-act> .
}
