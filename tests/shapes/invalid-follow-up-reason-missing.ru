# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the follow-up has no reason.
# shape: <https://w3id.org/acuerdos/shapes/FollowUp-reason>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE {
    ?b1 a acu:FollowUp .
    ?b1 acu:basis <kind/basis/assigned-by-judgement> .
    ?b1 acu:followUpKind <kind/follow-up/holds> .
    ?b1 acu:followedUpBy <meeting/2017-09-brussels> .
    ?b1 acu:reason "The Brussels meeting is the one agreement 2 scheduled."@en .
    <decision/2017-06-08-mexico/agreement-2> acu:followUp ?b1 .
}
INSERT {
    ?b1 a acu:FollowUp .
    ?b1 acu:basis <kind/basis/assigned-by-judgement> .
    ?b1 acu:followUpKind <kind/follow-up/holds> .
    ?b1 acu:followedUpBy <meeting/2017-09-brussels> .
    <decision/2017-06-08-mexico/agreement-2> acu:followUp ?b1 .
}
WHERE {
    ?b1 a acu:FollowUp .
    ?b1 acu:basis <kind/basis/assigned-by-judgement> .
    ?b1 acu:followUpKind <kind/follow-up/holds> .
    ?b1 acu:followedUpBy <meeting/2017-09-brussels> .
    ?b1 acu:reason "The Brussels meeting is the one agreement 2 scheduled."@en .
    <decision/2017-06-08-mexico/agreement-2> acu:followUp ?b1 .
}
