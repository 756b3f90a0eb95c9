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
    ?b1 acu:followUpKind <kind/follow-up/holds> .
    ?b1 acu:followedUpBy <meeting/2017-09-brussels> .
    ?b1 acu:reason "The Brussels meeting is the one agreement 2 scheduled."@en .
    <decision/2017-06-08-mexico/agreement-2> acu:followUp ?b1 .
}
INSERT {
    _:b2 a oa:SpecificResource .
    _:b2 oa:hasSelector _:b3 .
    _:b2 oa:hasSource <document/2017-06-08-final-act> .
    _:b4 a acu:FollowUp .
    _:b4 acu:followUpKind <kind/follow-up/holds> .
    _:b4 acu:followedUpBy <meeting/2017-05-mexico> .
    _:b4 acu:reason "The Brussels meeting is the one agreement 2 scheduled."@en .
    _:b3 a oa:TextQuoteSelector .
    _:b3 oa:exact "la reunión de mayo" .
    <decision/2017-06-08-mexico/agreement-2> acu:followUp _:b4 .
    <meeting/2017-05-mexico> a acu:Meeting .
    <meeting/2017-05-mexico> rdfs:label "May meeting"@en .
    <meeting/2017-05-mexico> rdfs:label "Reunión de mayo"@es .
    <meeting/2017-05-mexico> schema:startDate "2017-05-10"^^xsd:date .
    <meeting/2017-05-mexico> acu:evidence _:b2 .
    <meeting/2017-05-mexico> acu:meetingKind <kind/meeting/working-meeting> .
    <meeting/2017-05-mexico> acu:mentionedIn <document/2017-06-08-final-act> .
    <meeting/2017-05-mexico> acu:status <kind/status/held> .
}
WHERE {
    ?b1 a acu:FollowUp .
    ?b1 acu:followUpKind <kind/follow-up/holds> .
    ?b1 acu:followedUpBy <meeting/2017-09-brussels> .
    ?b1 acu:reason "The Brussels meeting is the one agreement 2 scheduled."@en .
    <decision/2017-06-08-mexico/agreement-2> acu:followUp ?b1 .
}
