# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the agenda item has no position.
# shape: <https://w3id.org/acuerdos/shapes/AgendaItem-position>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <meeting/2017-06-08-mexico/agenda-1> acu:position "1"^^xsd:integer .
}
