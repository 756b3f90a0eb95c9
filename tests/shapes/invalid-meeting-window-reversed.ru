# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the window ends before it starts.
# shape: <https://w3id.org/acuerdos/shapes/Meeting-window-in-order>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <meeting/2017-09-brussels> acu:notBefore "2017-09-01"^^xsd:date .
} ;
INSERT DATA {
    <meeting/2017-09-brussels> acu:notBefore "2017-10-01"^^xsd:date .
}
