# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: one follow-up names two later items.
# shape: <https://w3id.org/acuerdos/shapes/FollowUp-followedUpBy>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/FollowUp-iri-form>

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
    ?b1 acu:followedUpBy <decision/2017-06-08-mexico/agreement-2-a> .
    ?b1 acu:followedUpBy <meeting/2017-09-brussels> .
    ?b1 acu:reason "The Brussels meeting is the one agreement 2 scheduled."@en .
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
