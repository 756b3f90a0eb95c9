# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: no meeting lists the agenda item.
# shape: <https://w3id.org/acuerdos/shapes/AgendaItem-meeting>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <meeting/2017-06-08-mexico> acu:agendaItem <meeting/2017-06-08-mexico/agenda-1> .
}
