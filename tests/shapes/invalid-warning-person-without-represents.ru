# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the person is not linked to whom they represent.
# shape: <https://w3id.org/acuerdos/shapes/PersonRepresents-represents>
# severity: Warning

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <person/ana-ejemplo> acu:represents <body/crm/ppt> .
    <person/ana-ejemplo> acu:represents <state/SV> .
}
