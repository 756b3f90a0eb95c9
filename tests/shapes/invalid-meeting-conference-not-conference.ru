# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the meeting's conference is a body.
# shape: <https://w3id.org/acuerdos/shapes/Meeting-conference>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <meeting/2017-06-08-mexico> acu:conference <conference/crm> .
} ;
INSERT DATA {
    <meeting/2017-06-08-mexico> acu:conference <body/crm/ppt> .
}
