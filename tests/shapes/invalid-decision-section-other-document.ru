# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the decision's section belongs to another document.
# shape: <https://w3id.org/acuerdos/shapes/DecisionInSection-same-document>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX dcterms: <http://purl.org/dc/terms/>

DELETE DATA {
    <document/2017-06-08-final-act/section-1> dcterms:isPartOf <document/2017-06-08-final-act> .
} ;
INSERT DATA {
    <document/2017-06-08-final-act/section-1> dcterms:isPartOf <document/new-york-declaration> .
}
