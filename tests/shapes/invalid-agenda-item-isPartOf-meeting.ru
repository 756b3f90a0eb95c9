# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the sub-item is part of a meeting, not of an agenda item.
# shape: <https://w3id.org/acuerdos/shapes/AgendaItem-isPartOf>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/AgendaItem-meeting>

BASE <https://w3id.org/acuerdos/>
PREFIX dcterms: <http://purl.org/dc/terms/>

DELETE DATA {
    <meeting/2017-06-08-mexico/agenda-1-1> dcterms:isPartOf <meeting/2017-06-08-mexico/agenda-1> .
} ;
INSERT DATA {
    <meeting/2017-06-08-mexico/agenda-1-1> dcterms:isPartOf <meeting/2017-06-08-mexico> .
}
