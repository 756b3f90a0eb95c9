# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the presenter is not described.
# shape: <https://w3id.org/acuerdos/shapes/AgendaItem-presenter>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <meeting/2017-06-08-mexico/agenda-1> acu:presenter <body/crm/ppt> .
} ;
INSERT DATA {
    <meeting/2017-06-08-mexico/agenda-1> acu:presenter <body/crm/secretariat> .
}
