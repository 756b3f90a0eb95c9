# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the quote given as the printed number does not hold the number.
# shape: <https://w3id.org/acuerdos/shapes/Decision-number-printed>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:numberEvidence <decision/2017-06-08-mexico/agreement-2/evidence/2017-06-08-final-act-2> .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:numberEvidence <decision/2017-06-08-mexico/agreement-2/evidence/2017-06-08-final-act-1> .
}
