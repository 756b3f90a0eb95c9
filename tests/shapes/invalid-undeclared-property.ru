# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a decision uses a misspelt property (acu:mustact).
# shape: <https://w3id.org/acuerdos/shapes/DeclaredTerms>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/DecisionActor>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:mustAct <state/MX> .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:mustact <state/MX> .
}
