# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the source document has no date.
# shape: <https://w3id.org/acuerdos/shapes/SourceDocument-date>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <document/2017-06-08-final-act> dcterms:date "2017-06-08"^^xsd:date .
}
