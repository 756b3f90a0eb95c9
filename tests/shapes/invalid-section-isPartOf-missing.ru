# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the section does not say which document it is part of.
# shape: <https://w3id.org/acuerdos/shapes/DocumentSection-isPartOf>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/DecisionInSection-same-document>

BASE <https://w3id.org/acuerdos/>
PREFIX dcterms: <http://purl.org/dc/terms/>

DELETE DATA {
    <document/2017-06-08-final-act/section-1> dcterms:isPartOf <document/2017-06-08-final-act> .
}
