# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a mentioned meeting's date is neither in the source's words nor sourced.
# shape: <https://w3id.org/acuerdos/shapes/Meeting-date-sourced>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <meeting/2017-09-brussels> acu:dateText "en septiembre"@es .
}
