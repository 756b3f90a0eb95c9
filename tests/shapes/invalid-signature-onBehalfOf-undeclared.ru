# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the signature is on behalf of an IRI that is not described.
# shape: <https://w3id.org/acuerdos/shapes/Signature-onBehalfOf>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE {
    ?b1 a acu:Signature .
    ?b1 acu:onBehalfOf <body/crm/ppt> .
    ?b1 acu:signer <person/ana-ejemplo> .
    <document/2017-06-08-final-act> acu:signature ?b1 .
}
INSERT {
    _:b2 a acu:Signature .
    _:b2 acu:onBehalfOf <body/crm/ppt-2017> .
    _:b2 acu:signer <person/ana-ejemplo> .
    <document/2017-06-08-final-act> acu:signature _:b2 .
}
WHERE {
    ?b1 a acu:Signature .
    ?b1 acu:onBehalfOf <body/crm/ppt> .
    ?b1 acu:signer <person/ana-ejemplo> .
    <document/2017-06-08-final-act> acu:signature ?b1 .
}
