# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the decision has two scheduled ends.
# shape: <https://w3id.org/acuerdos/shapes/Decision-scheduledEnd>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:scheduledEnd "2017-10-15"^^xsd:date .
}
