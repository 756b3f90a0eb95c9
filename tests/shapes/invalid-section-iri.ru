# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the section's IRI is not under its document.
# shape: <https://w3id.org/acuerdos/shapes/DocumentSection>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-1> acu:inSection <document/2017-06-08-final-act/section-1> .
    <document/2017-06-08-final-act/section-1> dcterms:isPartOf <document/2017-06-08-final-act> .
    <document/2017-06-08-final-act/section-1> a acu:DocumentSection .
    <document/2017-06-08-final-act/section-1> rdfs:label "Acuerdos generales"@es .
    <document/2017-06-08-final-act/section-1> rdfs:label "General agreements"@en .
    <document/2017-06-08-final-act/section-1> acu:position "1"^^xsd:integer .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-1> acu:inSection <section/2017-06-08-final-act-1> .
    <section/2017-06-08-final-act-1> dcterms:isPartOf <document/2017-06-08-final-act> .
    <section/2017-06-08-final-act-1> a acu:DocumentSection .
    <section/2017-06-08-final-act-1> rdfs:label "Acuerdos generales"@es .
    <section/2017-06-08-final-act-1> rdfs:label "General agreements"@en .
    <section/2017-06-08-final-act-1> acu:position "1"^^xsd:integer .
}
