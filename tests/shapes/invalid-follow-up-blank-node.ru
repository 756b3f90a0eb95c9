# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a follow-up link is a blank node, which nobody can cite.
# shape: <https://w3id.org/acuerdos/shapes/FollowUp-iri>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:followUp <decision/2017-06-08-mexico/agreement-2/follow-up/meeting/2017-09-brussels> .
    <decision/2017-06-08-mexico/agreement-2/follow-up/meeting/2017-09-brussels> a acu:FollowUp ;
        acu:followedUpBy <meeting/2017-09-brussels> ; acu:followUpKind <kind/follow-up/holds> ;
        acu:basis <kind/basis/assigned-by-judgement> ;
        acu:reason "The Brussels meeting is the one agreement 2 scheduled."@en .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:followUp _:b1 .
    _:b1 a acu:FollowUp ; acu:followedUpBy <meeting/2017-09-brussels> ; acu:followUpKind <kind/follow-up/holds> ;
        acu:basis <kind/basis/assigned-by-judgement> ; acu:reason "The Brussels meeting is the one agreement 2 scheduled."@en .
}
