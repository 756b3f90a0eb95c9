# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the decision's text is tagged @en.
# shape: <https://w3id.org/acuerdos/shapes/Decision-text>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2-a> acu:text "Invitar a la OIM."@es .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2-a> acu:text "Invitar a la OIM."@en .
}
