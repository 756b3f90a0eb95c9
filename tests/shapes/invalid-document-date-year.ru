# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the document's date is a year (xsd:gYear).
# shape: <https://w3id.org/acuerdos/shapes/Document-date>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <document/new-york-declaration> dcterms:date "2016-09-19"^^xsd:date .
} ;
INSERT DATA {
    <document/new-york-declaration> dcterms:date "2016"^^xsd:gYear .
}
