# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the follow-up is a meeting held before the decision it follows up.
# shape: <https://w3id.org/acuerdos/shapes/FollowUp-not-earlier>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE {
    ?b1 a acu:FollowUp .
    ?b1 acu:basis <kind/basis/assigned-by-judgement> .
    ?b1 acu:followUpKind <kind/follow-up/holds> .
    ?b1 acu:followedUpBy <meeting/2017-09-brussels> .
    ?b1 acu:reason "The Brussels meeting is the one agreement 2 scheduled."@en .
    <decision/2017-06-08-mexico/agreement-2> acu:followUp ?b1 .
}
INSERT {
    <meeting/2017-05-mexico/evidence/2017-06-08-final-act-1> a oa:SpecificResource .
    <meeting/2017-05-mexico/evidence/2017-06-08-final-act-1> oa:hasSelector _:b3 .
    <meeting/2017-05-mexico/evidence/2017-06-08-final-act-1> oa:hasSource <document/2017-06-08-final-act> .
    <decision/2017-06-08-mexico/agreement-2/follow-up/meeting/2017-05-mexico> a acu:FollowUp .
    <decision/2017-06-08-mexico/agreement-2/follow-up/meeting/2017-05-mexico> acu:basis <kind/basis/assigned-by-judgement> .
    <decision/2017-06-08-mexico/agreement-2/follow-up/meeting/2017-05-mexico> acu:followUpKind <kind/follow-up/holds> .
    <decision/2017-06-08-mexico/agreement-2/follow-up/meeting/2017-05-mexico> acu:followedUpBy <meeting/2017-05-mexico> .
    <decision/2017-06-08-mexico/agreement-2/follow-up/meeting/2017-05-mexico> acu:reason "The Brussels meeting is the one agreement 2 scheduled."@en .
    _:b3 a oa:TextQuoteSelector .
    _:b3 oa:exact "la reunión de mayo" .
    <decision/2017-06-08-mexico/agreement-2> acu:followUp <decision/2017-06-08-mexico/agreement-2/follow-up/meeting/2017-05-mexico> .
    <meeting/2017-05-mexico> a acu:Meeting .
    <meeting/2017-05-mexico> rdfs:label "May meeting"@en .
    <meeting/2017-05-mexico> rdfs:label "Reunión de mayo"@es .
    <meeting/2017-05-mexico> schema:startDate "2017-05-10"^^xsd:date .
    <meeting/2017-05-mexico> acu:evidence <meeting/2017-05-mexico/evidence/2017-06-08-final-act-1> .
    <meeting/2017-05-mexico> acu:meetingKind <kind/meeting/working-meeting> .
    <meeting/2017-05-mexico> acu:mentionedIn <document/2017-06-08-final-act> .
    <meeting/2017-05-mexico> acu:status <kind/status/held> .
}
WHERE {
    ?b1 a acu:FollowUp .
    ?b1 acu:basis <kind/basis/assigned-by-judgement> .
    ?b1 acu:followUpKind <kind/follow-up/holds> .
    ?b1 acu:followedUpBy <meeting/2017-09-brussels> .
    ?b1 acu:reason "The Brussels meeting is the one agreement 2 scheduled."@en .
    <decision/2017-06-08-mexico/agreement-2> acu:followUp ?b1 .
}
