# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the document's IRI has an underscore.
# shape: <https://w3id.org/acuerdos/shapes/Document>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE {
    ?b1 a oa:SpecificResource .
    ?b1 oa:hasSelector ?b2 .
    ?b1 oa:hasSource <document/2017-06-08-final-act> .
    <document/new-york-declaration> dcterms:date "2016-09-19"^^xsd:date .
    <document/new-york-declaration> dcterms:source <https://undocs.org/A/RES/71/1> .
    <document/new-york-declaration> a acu:Document .
    <document/new-york-declaration> rdfs:label "Declaración de Nueva York"@es .
    <document/new-york-declaration> rdfs:label "New York Declaration"@en .
    <document/new-york-declaration> acu:documentKind <kind/document/declaration> .
    <document/new-york-declaration> acu:evidence ?b1 .
    <document/new-york-declaration> acu:mentionedIn <document/2017-06-08-final-act> .
}
INSERT {
    <document/new_york_declaration/evidence/2017-06-08-final-act-1> a oa:SpecificResource .
    <document/new_york_declaration/evidence/2017-06-08-final-act-1> oa:hasSelector ?b2 .
    <document/new_york_declaration/evidence/2017-06-08-final-act-1> oa:hasSource <document/2017-06-08-final-act> .
    <document/new_york_declaration> dcterms:date "2016-09-19"^^xsd:date .
    <document/new_york_declaration> dcterms:source <https://undocs.org/A/RES/71/1> .
    <document/new_york_declaration> a acu:Document .
    <document/new_york_declaration> rdfs:label "Declaración de Nueva York"@es .
    <document/new_york_declaration> rdfs:label "New York Declaration"@en .
    <document/new_york_declaration> acu:documentKind <kind/document/declaration> .
    <document/new_york_declaration> acu:evidence <document/new_york_declaration/evidence/2017-06-08-final-act-1> .
    <document/new_york_declaration> acu:mentionedIn <document/2017-06-08-final-act> .
}
WHERE {
    ?b1 a oa:SpecificResource .
    ?b1 oa:hasSelector ?b2 .
    ?b1 oa:hasSource <document/2017-06-08-final-act> .
    ?b2 a oa:TextQuoteSelector .
    ?b2 oa:exact "la Declaración de Nueva York" .
    <document/new-york-declaration> dcterms:date "2016-09-19"^^xsd:date .
    <document/new-york-declaration> dcterms:source <https://undocs.org/A/RES/71/1> .
    <document/new-york-declaration> a acu:Document .
    <document/new-york-declaration> rdfs:label "Declaración de Nueva York"@es .
    <document/new-york-declaration> rdfs:label "New York Declaration"@en .
    <document/new-york-declaration> acu:documentKind <kind/document/declaration> .
    <document/new-york-declaration> acu:evidence ?b1 .
    <document/new-york-declaration> acu:mentionedIn <document/2017-06-08-final-act> .
}
