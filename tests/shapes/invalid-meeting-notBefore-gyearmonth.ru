# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the window's start is an xsd:gYearMonth.
# shape: <https://w3id.org/acuerdos/shapes/Meeting-notBefore>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/Meeting-window-in-order>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <meeting/2017-09-brussels> acu:notBefore "2017-09-01"^^xsd:date .
} ;
INSERT DATA {
    <meeting/2017-09-brussels> acu:notBefore "2017-09"^^xsd:gYearMonth .
}
