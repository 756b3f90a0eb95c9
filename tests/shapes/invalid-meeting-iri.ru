# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the meeting's IRI does not start with its date.
# shape: <https://w3id.org/acuerdos/shapes/Meeting>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE {
    ?b1 a oa:SpecificResource .
    ?b1 oa:hasSelector ?b2 .
    ?b1 oa:hasSource <document/2017-06-08-final-act> .
    ?b3 a acu:FollowUp .
    ?b3 acu:basis <kind/basis/assigned-by-judgement> .
    ?b3 acu:followUpKind <kind/follow-up/holds> .
    ?b3 acu:followedUpBy <meeting/2017-09-brussels> .
    ?b3 acu:reason "The Brussels meeting is the one agreement 2 scheduled."@en .
    <decision/2017-06-08-mexico/agreement-2> acu:followUp ?b3 .
    <decision/2017-06-08-mexico/agreement-2> acu:schedules <meeting/2017-09-brussels> .
    <meeting/2017-09-brussels> a acu:Meeting .
    <meeting/2017-09-brussels> rdfs:label "Meeting in Brussels (September 2017)"@en .
    <meeting/2017-09-brussels> rdfs:label "Reunión en Bruselas (septiembre de 2017)"@es .
    <meeting/2017-09-brussels> acu:dateText "en septiembre"@es .
    <meeting/2017-09-brussels> acu:evidence ?b1 .
    <meeting/2017-09-brussels> acu:meetingKind <kind/meeting/working-meeting> .
    <meeting/2017-09-brussels> acu:mentionedIn <document/2017-06-08-final-act> .
    <meeting/2017-09-brussels> acu:notAfter "2017-09-30"^^xsd:date .
    <meeting/2017-09-brussels> acu:notBefore "2017-09-01"^^xsd:date .
    <meeting/2017-09-brussels> acu:status <kind/status/planned> .
}
INSERT {
    <meeting/brussels-2017-09/evidence/2017-06-08-final-act-1> a oa:SpecificResource .
    <meeting/brussels-2017-09/evidence/2017-06-08-final-act-1> oa:hasSelector ?b2 .
    <meeting/brussels-2017-09/evidence/2017-06-08-final-act-1> oa:hasSource <document/2017-06-08-final-act> .
    <decision/2017-06-08-mexico/agreement-2/follow-up/meeting/brussels-2017-09> a acu:FollowUp .
    <decision/2017-06-08-mexico/agreement-2/follow-up/meeting/brussels-2017-09> acu:basis <kind/basis/assigned-by-judgement> .
    <decision/2017-06-08-mexico/agreement-2/follow-up/meeting/brussels-2017-09> acu:followUpKind <kind/follow-up/holds> .
    <decision/2017-06-08-mexico/agreement-2/follow-up/meeting/brussels-2017-09> acu:followedUpBy <meeting/brussels-2017-09> .
    <decision/2017-06-08-mexico/agreement-2/follow-up/meeting/brussels-2017-09> acu:reason "The Brussels meeting is the one agreement 2 scheduled."@en .
    <decision/2017-06-08-mexico/agreement-2> acu:followUp <decision/2017-06-08-mexico/agreement-2/follow-up/meeting/brussels-2017-09> .
    <decision/2017-06-08-mexico/agreement-2> acu:schedules <meeting/brussels-2017-09> .
    <meeting/brussels-2017-09> a acu:Meeting .
    <meeting/brussels-2017-09> rdfs:label "Meeting in Brussels (September 2017)"@en .
    <meeting/brussels-2017-09> rdfs:label "Reunión en Bruselas (septiembre de 2017)"@es .
    <meeting/brussels-2017-09> acu:dateText "en septiembre"@es .
    <meeting/brussels-2017-09> acu:evidence <meeting/brussels-2017-09/evidence/2017-06-08-final-act-1> .
    <meeting/brussels-2017-09> acu:meetingKind <kind/meeting/working-meeting> .
    <meeting/brussels-2017-09> acu:mentionedIn <document/2017-06-08-final-act> .
    <meeting/brussels-2017-09> acu:notAfter "2017-09-30"^^xsd:date .
    <meeting/brussels-2017-09> acu:notBefore "2017-09-01"^^xsd:date .
    <meeting/brussels-2017-09> acu:status <kind/status/planned> .
}
WHERE {
    ?b2 a oa:TextQuoteSelector .
    ?b2 oa:exact "una reunión en Bruselas en septiembre" .
    ?b1 a oa:SpecificResource .
    ?b1 oa:hasSelector ?b2 .
    ?b1 oa:hasSource <document/2017-06-08-final-act> .
    ?b3 a acu:FollowUp .
    ?b3 acu:basis <kind/basis/assigned-by-judgement> .
    ?b3 acu:followUpKind <kind/follow-up/holds> .
    ?b3 acu:followedUpBy <meeting/2017-09-brussels> .
    ?b3 acu:reason "The Brussels meeting is the one agreement 2 scheduled."@en .
    <decision/2017-06-08-mexico/agreement-2> acu:followUp ?b3 .
    <decision/2017-06-08-mexico/agreement-2> acu:schedules <meeting/2017-09-brussels> .
    <meeting/2017-09-brussels> a acu:Meeting .
    <meeting/2017-09-brussels> rdfs:label "Meeting in Brussels (September 2017)"@en .
    <meeting/2017-09-brussels> rdfs:label "Reunión en Bruselas (septiembre de 2017)"@es .
    <meeting/2017-09-brussels> acu:dateText "en septiembre"@es .
    <meeting/2017-09-brussels> acu:evidence ?b1 .
    <meeting/2017-09-brussels> acu:meetingKind <kind/meeting/working-meeting> .
    <meeting/2017-09-brussels> acu:mentionedIn <document/2017-06-08-final-act> .
    <meeting/2017-09-brussels> acu:notAfter "2017-09-30"^^xsd:date .
    <meeting/2017-09-brussels> acu:notBefore "2017-09-01"^^xsd:date .
    <meeting/2017-09-brussels> acu:status <kind/status/planned> .
}
