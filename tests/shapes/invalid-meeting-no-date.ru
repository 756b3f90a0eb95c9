# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the mentioned meeting has no date, window or date text.
# shape: <https://w3id.org/acuerdos/shapes/Meeting-date>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <meeting/2017-09-brussels> acu:dateText "en septiembre"@es .
    <meeting/2017-09-brussels> acu:notAfter "2017-09-30"^^xsd:date .
    <meeting/2017-09-brussels> acu:notBefore "2017-09-01"^^xsd:date .
}
