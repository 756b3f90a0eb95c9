# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a decision has a deadline but not the words of the source for it.
# shape: <https://w3id.org/acuerdos/shapes/DecisionDeadlineText-dateText>
# severity: Warning

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-1> acu:dateText "a más tardar el 12 de junio"@es .
}
