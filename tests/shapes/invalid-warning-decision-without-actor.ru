# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a decision says neither who must act nor whom it addresses.
# shape: <https://w3id.org/acuerdos/shapes/DecisionActor>
# severity: Warning

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2-a> acu:addressee <organisation/iom> .
}
