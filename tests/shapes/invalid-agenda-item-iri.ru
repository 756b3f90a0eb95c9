# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the agenda item's IRI is not under its meeting.
# shape: <https://w3id.org/acuerdos/shapes/AgendaItem>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <meeting/2017-06-08-mexico/agenda-1-1> dcterms:isPartOf <meeting/2017-06-08-mexico/agenda-1> .
    <meeting/2017-06-08-mexico/agenda-1-1> a acu:AgendaItem .
    <meeting/2017-06-08-mexico/agenda-1-1> rdfs:label "Bienvenida"@es .
    <meeting/2017-06-08-mexico/agenda-1-1> rdfs:label "Welcome"@en .
    <meeting/2017-06-08-mexico/agenda-1-1> acu:position "1"^^xsd:integer .
} ;
INSERT DATA {
    <agenda/2017-06-08-mexico-1-1> dcterms:isPartOf <meeting/2017-06-08-mexico/agenda-1> .
    <agenda/2017-06-08-mexico-1-1> a acu:AgendaItem .
    <agenda/2017-06-08-mexico-1-1> rdfs:label "Bienvenida"@es .
    <agenda/2017-06-08-mexico-1-1> rdfs:label "Welcome"@en .
    <agenda/2017-06-08-mexico-1-1> acu:position "1"^^xsd:integer .
}
