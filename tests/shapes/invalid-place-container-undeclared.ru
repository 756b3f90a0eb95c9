# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the place is contained in an IRI that is not described.
# shape: <https://w3id.org/acuerdos/shapes/Place-containedInPlace>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX schema: <https://schema.org/>

DELETE DATA {
    <place/mexico-city> schema:containedInPlace <state/MX> .
} ;
INSERT DATA {
    <place/mexico-city> schema:containedInPlace <place/mexico> .
}
