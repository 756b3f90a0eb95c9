# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the person has no foaf:name.
# shape: <https://w3id.org/acuerdos/shapes/Person-name>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>

DELETE DATA {
    <person/ana-ejemplo> foaf:name "Ana Ejemplo" .
}
