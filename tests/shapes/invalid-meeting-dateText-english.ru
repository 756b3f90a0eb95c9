# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the date as printed is tagged @en.
# shape: <https://w3id.org/acuerdos/shapes/Meeting-dateText>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <meeting/2017-09-brussels> acu:dateText "en septiembre"@es .
} ;
INSERT DATA {
    <meeting/2017-09-brussels> acu:dateText "in September"@en .
}
