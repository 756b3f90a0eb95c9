# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: agreement 1 has two action categories.
# shape: <https://w3id.org/acuerdos/shapes/Decision-actionCategory>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/ActionCategoryAssignment-iri>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

INSERT DATA {
    <decision/2017-06-08-mexico/agreement-1> acu:actionCategoryAssignment <decision/2017-06-08-mexico/agreement-1/action-category-2> .
    <decision/2017-06-08-mexico/agreement-1/action-category-2> a acu:ActionCategoryAssignment ;
        acu:actionCategory <kind/action-category/general-action> ;
        acu:basis <kind/basis/assigned-by-judgement> ;
        acu:reason "A second reading."@en .
}
