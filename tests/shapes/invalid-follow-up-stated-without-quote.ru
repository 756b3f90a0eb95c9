# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the follow-up is said to be stated in the text, but no quote says so.
# shape: <https://w3id.org/acuerdos/shapes/FollowUp-stated-quote>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2/follow-up/meeting/2017-09-brussels> acu:basis <kind/basis/assigned-by-judgement> .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2/follow-up/meeting/2017-09-brussels> acu:basis <kind/basis/named-in-text> .
}
