# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the window has two ends.
# shape: <https://w3id.org/acuerdos/shapes/Meeting-notAfter>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

INSERT DATA {
    <meeting/2017-09-brussels> acu:notAfter "2017-10-31"^^xsd:date .
}
