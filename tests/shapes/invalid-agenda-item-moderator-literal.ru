# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the moderator is written as text.
# shape: <https://w3id.org/acuerdos/shapes/AgendaItem-moderator>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <meeting/2017-06-08-mexico/agenda-1> acu:moderator <person/ana-ejemplo> .
} ;
INSERT DATA {
    <meeting/2017-06-08-mexico/agenda-1> acu:moderator "Ana Ejemplo" .
}
