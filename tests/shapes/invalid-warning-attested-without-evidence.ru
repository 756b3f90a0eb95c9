# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the body is attested on a date without a quote.
# shape: <https://w3id.org/acuerdos/shapes/AttestedEvidence-evidence>
# severity: Warning

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>

DELETE {
    ?b1 a oa:TextQuoteSelector .
    ?b1 oa:exact "Presidencia Pro Tempore de la CRM" .
    ?b2 a oa:SpecificResource .
    ?b2 oa:hasSelector ?b1 .
    ?b2 oa:hasSource <document/2017-06-08-final-act> .
    <body/crm/ppt> acu:evidence ?b2 .
}
WHERE {
    ?b1 a oa:TextQuoteSelector .
    ?b1 oa:exact "Presidencia Pro Tempore de la CRM" .
    ?b2 a oa:SpecificResource .
    ?b2 oa:hasSelector ?b1 .
    ?b2 oa:hasSource <document/2017-06-08-final-act> .
    <body/crm/ppt> acu:evidence ?b2 .
}
