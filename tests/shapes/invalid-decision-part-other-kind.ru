# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the sub-item of an agreement is a conclusion.
# shape: <https://w3id.org/acuerdos/shapes/DecisionPart-same-kind>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2-a> a acu:Agreement .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2-a> a acu:Conclusion .
}
