# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: who must act is an IRI that is not described.
# shape: <https://w3id.org/acuerdos/shapes/Decision-mustAct>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:mustAct <state/MX> .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:mustAct <state/MEX> .
}
