# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the checksum is in upper case.
# shape: <https://w3id.org/acuerdos/shapes/SourceDocument-sha256>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <document/2017-06-08-final-act> acu:sha256 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" .
} ;
INSERT DATA {
    <document/2017-06-08-final-act> acu:sha256 "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF" .
}
