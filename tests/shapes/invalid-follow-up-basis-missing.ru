# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the follow-up does not say whether the text states it or the curators judged it.
# shape: <https://w3id.org/acuerdos/shapes/FollowUp-basis>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2/follow-up/meeting/2017-09-brussels> acu:basis <kind/basis/assigned-by-judgement> .
}
