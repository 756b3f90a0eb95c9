# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the signature has no type acu:Signature.
# shape: <https://w3id.org/acuerdos/shapes/Document-signature>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE {
    ?b1 a acu:Signature .
}
WHERE {
    ?b1 a acu:Signature .
    ?b1 acu:onBehalfOf <body/crm/ppt> .
    ?b1 acu:signer <person/ana-ejemplo> .
    <document/2017-06-08-final-act> acu:signature ?b1 .
}
