# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the meeting lists a decision as an agenda item.
# shape: <https://w3id.org/acuerdos/shapes/Meeting-agendaItem>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

INSERT DATA {
    <meeting/2017-06-08-mexico> acu:agendaItem <decision/2017-06-08-mexico/agreement-1> .
}
