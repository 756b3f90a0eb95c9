# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the title has no language tag.
# shape: <https://w3id.org/acuerdos/shapes/Document-title>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX dcterms: <http://purl.org/dc/terms/>

DELETE DATA {
    <document/2017-06-08-final-act> dcterms:title "ACTA FINAL"@es .
} ;
INSERT DATA {
    <document/2017-06-08-final-act> dcterms:title "ACTA FINAL" .
}
