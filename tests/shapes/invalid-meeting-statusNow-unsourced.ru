# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a meeting's status known now does not say where it is known from.
# shape: <https://w3id.org/acuerdos/shapes/Meeting-statusNow>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

INSERT DATA {
    <meeting/2017-09-brussels> acu:statusNow <kind/status/held> .
}
