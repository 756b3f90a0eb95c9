# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the source document records a meeting that is not described.
# shape: <https://w3id.org/acuerdos/shapes/Document-records>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

INSERT DATA {
    <document/2017-06-08-final-act> acu:records <meeting/2017-06-08-panama> .
}
