# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: agreement 1's action category is a blank node.
# shape: <https://w3id.org/acuerdos/shapes/ActionCategoryAssignment>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/ActionCategoryAssignment-iri>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE WHERE {
    <decision/2017-06-08-mexico/agreement-1> acu:actionCategoryAssignment ?a .
    ?a ?p ?o .
}
;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-1> acu:actionCategoryAssignment _:a .
    _:a a acu:ActionCategoryAssignment ;
        acu:actionCategory <kind/action-category/specific-action> ;
        acu:basis <kind/basis/assigned-by-judgement> ;
        acu:reason "A blank node cannot be cited."@en .
}
