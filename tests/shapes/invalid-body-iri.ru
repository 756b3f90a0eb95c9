# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the body's IRI is not under body/crm, body/csm or body/crm-csm.
# shape: <https://w3id.org/acuerdos/shapes/ConferenceBody>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE {
    ?b1 a oa:SpecificResource .
    ?b1 oa:hasSelector ?b2 .
    ?b1 oa:hasSource <document/2017-06-08-final-act> .
    ?b3 a acu:Signature .
    ?b3 acu:onBehalfOf <body/crm/ppt> .
    ?b3 acu:signer <person/ana-ejemplo> .
    <body/crm/ppt> a acu:ProTemporePresidency .
    <body/crm/ppt> rdfs:label "Presidencia Pro Tempore de la CRM"@es .
    <body/crm/ppt> rdfs:label "RCM Pro Tempore Presidency"@en .
    <body/crm/ppt> org:unitOf <conference/crm> .
    <body/crm/ppt> acu:attestedOn "2017-06-08"^^xsd:date .
    <body/crm/ppt> acu:evidence ?b1 .
    <decision/2017-06-08-mexico/agreement-1> acu:mustAct <body/crm/ppt> .
    <document/2017-06-08-final-act> acu:signature ?b3 .
    <meeting/2017-06-08-mexico> acu:presidedBy <body/crm/ppt> .
    <meeting/2017-06-08-mexico/agenda-1> acu:presenter <body/crm/ppt> .
    <membership/crm/ppt/2017-06-08/SV> org:organization <body/crm/ppt> .
    <person/ana-ejemplo> acu:represents <body/crm/ppt> .
}
INSERT {
    _:b4 a acu:Signature .
    _:b4 acu:onBehalfOf <body/rcm/ppt> .
    _:b4 acu:signer <person/ana-ejemplo> .
    <body/rcm/ppt/evidence/2017-06-08-final-act-1> a oa:SpecificResource .
    <body/rcm/ppt/evidence/2017-06-08-final-act-1> oa:hasSelector ?b2 .
    <body/rcm/ppt/evidence/2017-06-08-final-act-1> oa:hasSource <document/2017-06-08-final-act> .
    <body/rcm/ppt> a acu:ProTemporePresidency .
    <body/rcm/ppt> rdfs:label "Presidencia Pro Tempore de la CRM"@es .
    <body/rcm/ppt> rdfs:label "RCM Pro Tempore Presidency"@en .
    <body/rcm/ppt> org:unitOf <conference/crm> .
    <body/rcm/ppt> acu:attestedOn "2017-06-08"^^xsd:date .
    <body/rcm/ppt> acu:evidence <body/rcm/ppt/evidence/2017-06-08-final-act-1> .
    <decision/2017-06-08-mexico/agreement-1> acu:mustAct <body/rcm/ppt> .
    <document/2017-06-08-final-act> acu:signature _:b4 .
    <meeting/2017-06-08-mexico> acu:presidedBy <body/rcm/ppt> .
    <meeting/2017-06-08-mexico/agenda-1> acu:presenter <body/rcm/ppt> .
    <membership/crm/ppt/2017-06-08/SV> org:organization <body/rcm/ppt> .
    <person/ana-ejemplo> acu:represents <body/rcm/ppt> .
}
WHERE {
    ?b2 a oa:TextQuoteSelector .
    ?b2 oa:exact "Presidencia Pro Tempore de la CRM" .
    ?b1 a oa:SpecificResource .
    ?b1 oa:hasSelector ?b2 .
    ?b1 oa:hasSource <document/2017-06-08-final-act> .
    ?b3 a acu:Signature .
    ?b3 acu:onBehalfOf <body/crm/ppt> .
    ?b3 acu:signer <person/ana-ejemplo> .
    <body/crm/ppt> a acu:ProTemporePresidency .
    <body/crm/ppt> rdfs:label "Presidencia Pro Tempore de la CRM"@es .
    <body/crm/ppt> rdfs:label "RCM Pro Tempore Presidency"@en .
    <body/crm/ppt> org:unitOf <conference/crm> .
    <body/crm/ppt> acu:attestedOn "2017-06-08"^^xsd:date .
    <body/crm/ppt> acu:evidence ?b1 .
    <decision/2017-06-08-mexico/agreement-1> acu:mustAct <body/crm/ppt> .
    <document/2017-06-08-final-act> acu:signature ?b3 .
    <meeting/2017-06-08-mexico> acu:presidedBy <body/crm/ppt> .
    <meeting/2017-06-08-mexico/agenda-1> acu:presenter <body/crm/ppt> .
    <membership/crm/ppt/2017-06-08/SV> org:organization <body/crm/ppt> .
    <person/ana-ejemplo> acu:represents <body/crm/ppt> .
}
