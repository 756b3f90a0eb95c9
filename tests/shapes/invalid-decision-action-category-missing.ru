# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the sub-item has no action category.
# shape: <https://w3id.org/acuerdos/shapes/Decision-actionCategory>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE WHERE {
    <decision/2017-06-08-mexico/agreement-2-a> acu:actionCategoryAssignment ?a .
    ?a ?p ?o .
}
