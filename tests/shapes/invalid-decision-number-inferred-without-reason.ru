# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a number not printed is marked inferred without an English reason.
# shape: <https://w3id.org/acuerdos/shapes/Decision-number-inferred-reason>
# shape: <https://w3id.org/acuerdos/shapes/Decision-number-printed>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:numberEvidence <decision/2017-06-08-mexico/agreement-2/evidence/2017-06-08-final-act-2> .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:numberInferred "El número se perdió."@es .
}
