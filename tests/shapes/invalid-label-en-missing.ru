# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the decision has no English label.
# shape: <https://w3id.org/acuerdos/shapes/Labelled-label-en>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-1> rdfs:label "Agreement 1"@en .
}
