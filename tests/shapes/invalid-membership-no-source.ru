# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the membership has neither a quote nor a reference.
# shape: <https://w3id.org/acuerdos/shapes/Membership-source>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>

DELETE {
    ?b1 a oa:TextQuoteSelector .
    ?b1 oa:exact "El Salvador, Presidencia Pro Tempore" .
    ?b2 oa:hasSelector ?b1 .
    ?b3 a oa:SpecificResource .
    ?b3 oa:hasSelector ?b4 .
    ?b3 oa:hasSource <document/2017-06-08-final-act> .
    ?b5 a acu:FollowUp .
    ?b5 acu:followUpKind <kind/follow-up/holds> .
    ?b5 acu:followedUpBy <meeting/2017-09-brussels> .
    ?b5 acu:reason "The Brussels meeting is the one agreement 2 scheduled."@en .
    <decision/2017-06-08-mexico/agreement-2> acu:followUp ?b5 .
    <meeting/2017-09-brussels> acu:evidence ?b3 .
    <membership/crm/ppt/2017-06-08/SV> acu:evidence ?b2 .
}
INSERT {
    ?b2 oa:hasSelector ?b4 .
    _:b6 a acu:FollowUp .
    _:b6 acu:followUpKind <kind/follow-up/holds> .
    _:b6 acu:followedUpBy <meeting/2017-09-brussels> .
    _:b6 acu:reason "The Brussels meeting is the one agreement 2 scheduled."@en .
    <decision/2017-06-08-mexico/agreement-2> acu:followUp _:b6 .
    <meeting/2017-09-brussels> acu:evidence ?b2 .
}
WHERE {
    ?b1 a oa:TextQuoteSelector .
    ?b1 oa:exact "El Salvador, Presidencia Pro Tempore" .
    ?b4 a oa:TextQuoteSelector .
    ?b4 oa:exact "una reunión en Bruselas en septiembre" .
    ?b2 a oa:SpecificResource .
    ?b2 oa:hasSelector ?b1 .
    ?b2 oa:hasSource <document/2017-06-08-final-act> .
    ?b3 a oa:SpecificResource .
    ?b3 oa:hasSelector ?b4 .
    ?b3 oa:hasSource <document/2017-06-08-final-act> .
    ?b5 a acu:FollowUp .
    ?b5 acu:followUpKind <kind/follow-up/holds> .
    ?b5 acu:followedUpBy <meeting/2017-09-brussels> .
    ?b5 acu:reason "The Brussels meeting is the one agreement 2 scheduled."@en .
    <decision/2017-06-08-mexico/agreement-2> acu:followUp ?b5 .
    <meeting/2017-09-brussels> acu:evidence ?b3 .
    <membership/crm/ppt/2017-06-08/SV> acu:evidence ?b2 .
}
