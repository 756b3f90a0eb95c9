# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: one signature names two signers.
# shape: <https://w3id.org/acuerdos/shapes/Signature-signer>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

INSERT {
    ?b1 acu:signer <state/SV> .
}
WHERE {
    ?b1 a acu:Signature .
    ?b1 acu:onBehalfOf <body/crm/ppt> .
    ?b1 acu:signer <person/ana-ejemplo> .
    <document/2017-06-08-final-act> acu:signature ?b1 .
}
