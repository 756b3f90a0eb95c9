# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the person represents an IRI that is not described.
# shape: <https://w3id.org/acuerdos/shapes/Person-represents>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <person/ana-ejemplo> acu:represents <state/SV> .
} ;
INSERT DATA {
    <person/ana-ejemplo> acu:represents <state/ES> .
}
