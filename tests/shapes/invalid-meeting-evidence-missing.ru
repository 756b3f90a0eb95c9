# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the mentioned meeting has no quote.
# shape: <https://w3id.org/acuerdos/shapes/Meeting-evidence>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>

DELETE {
    ?b1 a oa:TextQuoteSelector .
    ?b1 oa:exact "una reunión en Bruselas en septiembre" .
    ?b2 a oa:SpecificResource .
    ?b2 oa:hasSelector ?b1 .
    ?b2 oa:hasSource <document/2017-06-08-final-act> .
    ?b3 a acu:FollowUp .
    ?b3 acu:basis <kind/basis/assigned-by-judgement> .
    ?b3 acu:followUpKind <kind/follow-up/holds> .
    ?b3 acu:followedUpBy <meeting/2017-09-brussels> .
    ?b3 acu:reason "The Brussels meeting is the one agreement 2 scheduled."@en .
    <decision/2017-06-08-mexico/agreement-2> acu:followUp ?b3 .
    <meeting/2017-09-brussels> acu:evidence ?b2 .
}
INSERT {
    ?b3 a acu:FollowUp .
    ?b3 acu:basis <kind/basis/assigned-by-judgement> .
    ?b3 acu:followUpKind <kind/follow-up/holds> .
    ?b3 acu:followedUpBy <meeting/2017-09-brussels> .
    ?b3 acu:reason "The Brussels meeting is the one agreement 2 scheduled."@en .
    <decision/2017-06-08-mexico/agreement-2> acu:followUp ?b3 .
}
WHERE {
    ?b1 a oa:TextQuoteSelector .
    ?b1 oa:exact "una reunión en Bruselas en septiembre" .
    ?b2 a oa:SpecificResource .
    ?b2 oa:hasSelector ?b1 .
    ?b2 oa:hasSource <document/2017-06-08-final-act> .
    ?b3 a acu:FollowUp .
    ?b3 acu:basis <kind/basis/assigned-by-judgement> .
    ?b3 acu:followUpKind <kind/follow-up/holds> .
    ?b3 acu:followedUpBy <meeting/2017-09-brussels> .
    ?b3 acu:reason "The Brussels meeting is the one agreement 2 scheduled."@en .
    <decision/2017-06-08-mexico/agreement-2> acu:followUp ?b3 .
    <meeting/2017-09-brussels> acu:evidence ?b2 .
}
